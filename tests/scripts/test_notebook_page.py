"""Tests for scripts/sitegen/notebook_page.py: the notebook page without JupyterLab's styles."""

import base64
import gzip
import io
import re
from html import unescape
from pathlib import Path

import nbformat
import pytest
from nbformat import v4
from PIL import Image

from sitegen import notebook_page
from support import figure_png

PAGE_LIMIT, GZIP_LIMIT = 600_000, 300_000  # issue 17: uncompressed and transferred


def notebook_html(png: str) -> str:
    return (
        '<style type="text/css">.jupyter-wrapper{--jp-x: 1}</style>\n'
        '<div class="jupyter-wrapper"><h1 id="a">A<a class="anchor-link" href="#a">¶</a></h1>'
        '<div class="highlight-ipynb hl-python"><pre>x = 1</pre></div>'
        f'<img src="data:image/png;base64,{png}">'
        '<img src="data:image/jpeg;base64,AAAA"></div>\n<style>\n.jp-Mermaid {}\n</style>'
        '<script src=""> </script>\n<script>const kept = 1;</script>'
        '<script type="text/x-mathjax-config">\ninit_mathjax = () => 1;\n</script>'
        '<script type="module">\nconst d = document.querySelectorAll(".jp-Mermaid > pre");\n'
        'import("https://cdnjs.cloudflare.com/mermaid.mjs");\n</script>'
    )


def test_styles_go_and_our_stylesheet_comes():
    png = figure_png()
    html = notebook_page.lighten(notebook_html(png), "../../assets/notebook.css")
    assert "<style" not in html
    assert html.startswith('<link rel="stylesheet" href="../../assets/notebook.css">')
    assert '<div class="highlight hl-python"><pre tabindex="0">x = 1</pre>' in html
    assert '<a class="headerlink" title="Permanent link" href="#a">' in html
    assert f"data:image/png;base64,{png}" in html  # figures were made light before, untouched
    assert html.count("<script") == 1 and "const kept = 1;" in html
    assert "mathjax" not in html and "cdnjs" not in html


def test_built_notebook_page_is_light(built_site):
    page = built_site / "notebooks" / "practice" / "index.html"
    html = page.read_bytes()
    assert b"<style" not in html  # no JupyterLab stylesheet, theme or Pygments colours left
    assert b"--md-red-50:" not in html and b"--jp-shadow-base-lightness:" not in html
    assert b'href="../../assets/notebook.css"' in html
    assert (built_site / "assets" / "notebook.css").stat().st_size < 10_000
    assert b"jp-InputPrompt" in html and b'class="highlight hl-python"' in html
    assert b"mathjax" not in html.lower() and b"cdnjs" not in html and b'src=""' not in html
    assert len(html) < PAGE_LIMIT and len(gzip.compress(html)) < GZIP_LIMIT
    assert b"data:image/png" not in html
    tags = re.findall(rb'<img [^>]*src="../../figures/(notebook-[0-9a-f]{16}\.png)"[^>]*>', html)
    assert tags and len(tags) == html.count(b"<img ")
    for name in tags:
        figure = built_site / "figures" / name.decode()
        with Image.open(figure) as image:
            assert image.mode == "P", f"{figure}: stored with a palette"
            size = f'width="{image.width}" height="{image.height}" loading="lazy"'.encode()
        assert any(size in tag for tag in re.findall(rb"<img [^>]*" + name + rb"[^>]*>", html))


def figure_notebook(folder, png: str, code: str = "plot()") -> Path:
    notebook = folder / "executed.ipynb"
    nbformat.write(v4.new_notebook(cells=[
        v4.new_markdown_cell("# A"),
        v4.new_code_cell(f"import sys\n\n{code}", outputs=[
            v4.new_output("stream", text="x"),
            v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"})]),
    ]), notebook)
    return notebook


def test_figures_become_files_sized_lazy_and_described_as_on_their_page(tmp_path):
    png = figure_png()
    snippet = tmp_path / "plot_waves.py"
    snippet.write_text("plot()\n")
    described = notebook_page.described_figures(
        'Text.\n\n![A logo](assets/logo.png)\n\n'
        '![Two waves [sine, cosine],\n"sine" \\*&\\* cosine.](figures/plot_waves.svg "Waves")\n',
        {"plot_waves": snippet, "other": tmp_path / "unread.py"},
        {"plot_waves": ["plot_waves.svg"], "other": ["other.svg"]})
    assert described == {"plot()": ['Two waves [sine, cosine], "sine" *&* cosine.']}
    files = notebook_page.figures_in(figure_notebook(tmp_path, png), described)
    [(name, (data, alt))] = files.items()
    assert data == base64.b64decode(png) and re.fullmatch(r"notebook-[0-9a-f]{16}\.png", name)
    assert alt == 'Two waves [sine, cosine], "sine" *&* cosine.'
    page = notebook_html(png).replace(
        '<img src="data:image/png', '<img alt="No description" class="" src="data:image/png')
    html = notebook_page.figures_linked(page, "../../figures/", {name: alt})
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    assert (f'<img alt="Two waves [sine, cosine], &quot;sine&quot; *&amp;* cosine." '
            f'src="../../figures/{name}" '
            f'width="{width}" height="{height}" loading="lazy" />') in html
    assert "No description" not in html
    assert "data:image/jpeg;base64,AAAA" in html  # not a figure of the notebook: left as it was


def test_a_figure_its_page_does_not_describe_fails_the_build(tmp_path):
    png = figure_png()
    snippet = tmp_path / "plot_waves.py"
    snippet.write_text("plot()\n")
    notebook = figure_notebook(tmp_path, png)
    unshown = notebook_page.described_figures(
        "![Waves.](figures/plot_waves-sine.svg)", {"plot_waves": snippet},
        {"plot_waves": ["plot_waves-sine.svg", "plot_waves-cosine.svg"]})
    with pytest.raises(notebook_page.FigureError, match=r"executed\.ipynb: cell 1 draws 1 figure;"
                       r".*\['Waves\.', None\]"):
        notebook_page.figures_in(notebook, unshown)
    with pytest.raises(notebook_page.FigureError, match="1 figure, but runs no snippet"):
        notebook_page.figures_in(figure_notebook(tmp_path, png, code="draw()"), unshown)


def test_notebook_figures_are_described_as_on_the_page(built_site):
    """Each notebook figure has the alt text of a figure of the practice page, one each."""
    notebook = (built_site / "notebooks" / "practice" / "index.html").read_text()
    page = (built_site / "practice" / "index.html").read_text()
    page_alts = {unescape(alt) for alt in re.findall(r'<img alt="([^"]+)" src="../figures/', page)}
    alts = [unescape(alt) for alt in re.findall(
        r'<img alt="([^"]+)" src="../../figures/notebook-[0-9a-f]{16}\.png"', notebook)]
    assert len(alts) == notebook.count("<img ") > 0
    assert len(set(alts)) == len(alts) and set(alts) <= page_alts
