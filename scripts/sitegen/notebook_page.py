"""Make the notebook pages that mkdocs-jupyter renders light: our stylesheet, Material's classes.

mkdocs-jupyter 0.26 writes into every notebook page, as <style> elements,
JupyterLab's whole stylesheet (about 575 kB), its light theme's variables and
the Pygments colours of the code (twice). `lighten` takes the page's HTML and

- removes those <style> elements and links docs/assets/notebook.css instead, a
  stylesheet of a few kB that lays out the cells, prompts and outputs with
  Material's own colours (so the notebook follows the light and dark scheme);
- marks the code as Material's `highlight`, so it is coloured like every other
  code block of the site, and the headings' permalinks as Material's
  `headerlink`, so they show only on hover or focus, like everywhere else;
- removes the scripts the template adds for what our notebooks never hold:
  a MathJax configuration (the site loads no MathJax; its math is typeset at
  build time), an empty <script src="">, and a loader that would fetch Mermaid
  from cdnjs.cloudflare.com for a diagram (the site makes no request to
  another host);
- makes every <pre> keyboard-focusable (tabindex="0"): a block of code or
  output wider than the page scrolls sideways, and keyboard users must be
  able to scroll it too (Material does the same for its code blocks).

Its figures leave the HTML too: mkdocs-jupyter inlines each PNG output as
base64, some 94 kB on the practice notebook's page, all downloaded on a first
visit. `figures_in` reads them from the executed notebook (notebooks.build
stored them with a palette, so they are already small), for the build hooks to
add to the site as figures/notebook-<hash>.png; `figures_linked` puts a sized,
lazily loading <img> of that file in each one's place, as figure_tags does for
the pages' own figures.

Limits: it relies on the markup mkdocs-jupyter 0.26 writes (class names such as
`highlight-ipynb` and `jp-Notebook`); tests/scripts/test_notebook_page.py checks
them on the built page, so an upgrade that changes them fails loudly.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from collections.abc import Container
from pathlib import Path

import nbformat
from PIL import Image

from .figure_tags import lazy_tag

STYLE = re.compile(r"<style[^>]*>.*?</style>\s*", re.DOTALL)
UNUSED_SCRIPT = re.compile(
    r'<script type="text/x-mathjax-config">.*?</script>\s*'
    r'|<script src="">\s*</script>\s*'
    r'|<script type="module">(?:(?!</script>).)*?\.jp-Mermaid.*?</script>\s*'
    r"|<!-- (?:Load mathjax|MathJax configuration|End of (?:mathjax|mermaid) configuration) -->\s*",
    re.DOTALL)
INLINE_PNG = re.compile(r'<img (?P<before>[^>]*?)src="data:image/png;base64,(?P<data>[^"]+)"'
                        r'(?P<after>[^>]*?) ?/?>')


def lighten(html: str, stylesheet_url: str) -> str:
    """The notebook page's HTML without JupyterLab's styles and unused scripts, with ours."""
    html = STYLE.sub("", html)
    html = UNUSED_SCRIPT.sub("", html)
    html = html.replace('class="highlight-ipynb ', 'class="highlight ')
    html = html.replace('class="anchor-link"', 'class="headerlink" title="Permanent link"')
    html = html.replace("<pre>", '<pre tabindex="0">')
    return f'<link rel="stylesheet" href="{stylesheet_url}">\n{html}'


def figure_name(png: bytes) -> str:
    """The site's file name for a notebook figure: named by its content, so builds agree."""
    return f"notebook-{hashlib.sha256(png).hexdigest()[:16]}.png"


def figures_in(notebook_file: Path) -> dict[str, bytes]:
    """The PNG figures of an executed notebook's outputs, by their file names."""
    notebook = nbformat.read(notebook_file, as_version=4)
    pngs = [base64.b64decode(output["data"]["image/png"]) for cell in notebook.cells
            for output in cell.get("outputs", []) if "image/png" in output.get("data", {})]
    return {figure_name(png): png for png in pngs}


def figures_linked(html: str, figures_url: str, names: Container[str]) -> str:
    """`html` with each inlined PNG that is one of `names` replaced by a sized, lazy <img> of it.

    `figures_url` is the folder of the files, relative to the page (ending in "/").
    """
    def tag(match: re.Match) -> str:
        png = base64.b64decode(match["data"])
        name = figure_name(png)
        if name not in names:
            return match[0]
        with Image.open(io.BytesIO(png)) as image:
            return lazy_tag(match["before"], figures_url + name, match["after"], image.size)
    return INLINE_PNG.sub(tag, html)
