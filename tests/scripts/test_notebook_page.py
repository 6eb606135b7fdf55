"""Tests for scripts/sitegen/notebook_page.py: the notebook page without JupyterLab's styles."""

import base64
import gzip
import io
import re

import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

from sitegen import notebook_page

PAGE_LIMIT, GZIP_LIMIT = 600_000, 300_000  # issue 17: uncompressed and transferred


def figure_png() -> str:
    """A small matplotlib line plot as base64 PNG, as a notebook output holds it."""
    fig, ax = plt.subplots(figsize=(4, 3), dpi=72)
    x = np.linspace(0, 6, 200)
    ax.plot(x, np.sin(x), x, np.cos(x))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def notebook_html(png: str) -> str:
    return (
        '<style type="text/css">.jupyter-wrapper{--jp-x: 1}</style>\n'
        '<div class="jupyter-wrapper"><h1 id="a">A<a class="anchor-link" href="#a">¶</a></h1>'
        '<div class="highlight-ipynb hl-python"><pre>x = 1</pre></div>'
        f'<img src="data:image/png;base64,{png}">'
        '<img src="data:image/jpeg;base64,AAAA"></div>\n<style>\n.jp-Mermaid {}\n</style>'
    )


def test_styles_go_and_our_stylesheet_comes():
    html = notebook_page.lighten(notebook_html(figure_png()), "../../assets/notebook.css")
    assert "<style" not in html
    assert html.startswith('<link rel="stylesheet" href="../../assets/notebook.css">')
    assert '<div class="highlight hl-python"><pre tabindex="0">x = 1</pre>' in html
    assert '<a class="headerlink" title="Permanent link" href="#a">' in html


def test_figures_shrink_and_keep_their_look():
    png = figure_png()
    html = notebook_page.lighten(notebook_html(png), "notebook.css")
    (smaller,) = re.findall(r"data:image/png;base64,([^\"]+)", html)
    assert len(smaller) < 0.7 * len(png)
    before, after = (np.asarray(Image.open(io.BytesIO(base64.b64decode(p))).convert("RGBA"),
                                dtype=float) for p in (png, smaller))  # fmt: skip
    assert before.shape == after.shape
    assert np.abs(before - after).mean() < 2  # out of 255: no visible change
    assert "data:image/jpeg;base64,AAAA" in html  # other images pass through


def test_built_notebook_page_is_light(built_site):
    page = built_site / "notebooks" / "practice" / "index.html"
    html = page.read_bytes()
    assert b"<style" not in html  # no JupyterLab stylesheet, theme or Pygments colours left
    assert b"--md-red-50:" not in html and b"--jp-shadow-base-lightness:" not in html
    assert b'href="../../assets/notebook.css"' in html
    assert (built_site / "assets" / "notebook.css").stat().st_size < 10_000
    assert b"jp-InputPrompt" in html and b'class="highlight hl-python"' in html
    assert len(html) < PAGE_LIMIT and len(gzip.compress(html)) < GZIP_LIMIT
