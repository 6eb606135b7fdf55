"""Make the notebook pages that mkdocs-jupyter renders light: our own stylesheet, leaner figures.

mkdocs-jupyter 0.26 writes into every notebook page, as <style> elements,
JupyterLab's whole stylesheet (about 575 kB), its light theme's variables and
the Pygments colours of the code (twice). `lighten` takes the page's HTML and

- removes those <style> elements and links docs/assets/notebook.css instead, a
  stylesheet of a few kB that lays out the cells, prompts and outputs with
  Material's own colours (so the notebook follows the light and dark scheme);
- marks the code as Material's `highlight`, so it is coloured like every other
  code block of the site, and the headings' permalinks as Material's
  `headerlink`, so they show only on hover or focus, like everywhere else;
- makes every <pre> keyboard-focusable (tabindex="0"): a block of code or
  output wider than the page scrolls sideways, and keyboard users must be
  able to scroll it too (Material does the same for its code blocks);
- stores each PNG figure of the outputs with a palette of at most 256 colours:
  matplotlib's figures use few colours, so they look the same at about a third
  of the bytes.

Limits: it relies on the markup mkdocs-jupyter 0.26 writes (class names such as
`highlight-ipynb` and `jp-Notebook`); tests/scripts/test_notebook_page.py checks
them on the built page, so an upgrade that changes them fails loudly. Only PNG
outputs are re-encoded; other images pass through unchanged.
"""

from __future__ import annotations

import base64
import io
import re

from PIL import Image

STYLE = re.compile(r"<style[^>]*>.*?</style>\s*", re.DOTALL)
PNG = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"')
COLOURS = 256


def smaller_png(encoded: str) -> str:
    """A base64 PNG stored again with a palette of at most COLOURS colours, if that is smaller."""
    original = base64.b64decode(encoded)
    image = Image.open(io.BytesIO(original))
    # Fast octree is Pillow's quantizer that keeps transparency (RGBA)
    paletted = image.convert("RGBA").quantize(COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    paletted.save(buffer, "PNG", optimize=True)
    smaller = buffer.getvalue()
    return base64.b64encode(smaller if len(smaller) < len(original) else original).decode()


def lighten(html: str, stylesheet_url: str) -> str:
    """The notebook page's HTML without JupyterLab's styles: ours, Material's classes, lean PNGs."""
    html = STYLE.sub("", html)
    html = html.replace('class="highlight-ipynb ', 'class="highlight ')
    html = html.replace('class="anchor-link"', 'class="headerlink" title="Permanent link"')
    html = html.replace("<pre>", '<pre tabindex="0">')
    html = PNG.sub(lambda m: f'src="data:image/png;base64,{smaller_png(m[1])}"', html)
    return f'<link rel="stylesheet" href="{stylesheet_url}">\n{html}'
