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

Each figure keeps the description its page gives it. nbconvert would write
"No description has been provided for this image" for every one; but a cell
that draws figures runs a snippet whose figures the page shows, each under an
alt text (`![alt](figures/<snippet>.svg)`), and the site lists a snippet's
figures in the order `plt.show()` shows them in a notebook
(snippet_runner.open_figures). `figures_in` pairs them in that order and fails
on a figure the page does not describe.

Limits: it relies on the markup mkdocs-jupyter 0.26 writes (class names such as
`highlight-ipynb` and `jp-Notebook`); tests/scripts/test_notebook_page.py checks
them on the built page, so an upgrade that changes them fails loudly.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from collections.abc import Mapping
from html import escape
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
# nbconvert's alt text and the empty class it writes beside it
REPLACED_ATTRIBUTES = re.compile(r'\s*(?<![\w-])(?:alt="[^"]*"|class="")')
# ![alt](figures/name "title"): an alt may hold [brackets] one deep, and backslash escapes
PAGE_FIGURE = re.compile(r'!\[(?P<alt>(?:[^\[\]]|\[[^\]]*\])+)\]\(figures/(?P<name>[^)\s]+)'
                         r'(?:\s+"[^"]*")?\)')
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


class FigureError(Exception):
    """A notebook figure that its page does not describe."""


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


def described_figures(page_markdown: str, snippet_files: Mapping[str, Path],
                       snippet_figures: Mapping[str, list[str]]) -> dict[str, list[str | None]]:
    """The descriptions of the figures each snippet draws, by the snippet's code.

    `page_markdown` has its placeholders filled, as the page shows them.
    `snippet_figures` names each snippet's figure files in the order it draws
    them; only snippets with a figure on the page are kept, and a figure the
    page does not show has None.
    """
    alts = {match["name"]: MARKDOWN_ESCAPE.sub(r"\1", " ".join(match["alt"].split()))
            for match in PAGE_FIGURE.finditer(page_markdown)}
    return {snippet_files[snippet].read_text().rstrip(): [alts.get(name) for name in names]
            for snippet, names in snippet_figures.items() if any(name in alts for name in names)}


def cell_descriptions(notebook_file: Path, index: int, code: str, count: int,
                      described: Mapping[str, list[str | None]]) -> list[str]:
    """The descriptions of the `count` figures a cell draws: its snippet's, in order."""
    alts = next((alts for snippet, alts in described.items() if code.rstrip().endswith(snippet)),
                None)
    where = f"{notebook_file}: cell {index} draws {count} figure{'s' * (count > 1)}"
    if alts is None:
        raise FigureError(f"{where}, but runs no snippet whose figures its page shows")
    if len(alts) != count or None in alts:
        raise FigureError(f"{where}; its snippet's figures on the page have these "
                          f"descriptions, in drawing order: {alts}")
    return alts


def figures_in(notebook_file: Path, described: Mapping[str, list[str | None]],
               ) -> dict[str, tuple[bytes, str]]:
    """The PNG figures of an executed notebook's outputs, by file name, with their descriptions.

    `described` is `described_figures` for the notebook's page.
    """
    notebook = nbformat.read(notebook_file, as_version=4)
    found = {}
    for index, cell in enumerate(notebook.cells):
        pngs = [base64.b64decode(output["data"]["image/png"]) for output in cell.get("outputs", [])
                if "image/png" in output.get("data", {})]
        if pngs:
            alts = cell_descriptions(notebook_file, index, cell.source, len(pngs), described)
            found.update((figure_name(png), (png, alt))
                         for png, alt in zip(pngs, alts, strict=True))
    return found


def figures_linked(html: str, figures_url: str, descriptions: Mapping[str, str]) -> str:
    """`html` with each inlined PNG named in `descriptions` replaced by a sized, lazy <img> of it.

    The <img> gets the figure's description as its alt text. `figures_url` is
    the folder of the files, relative to the page (ending in "/").
    """
    def tag(match: re.Match) -> str:
        png = base64.b64decode(match["data"])
        name = figure_name(png)
        if name not in descriptions:
            return match[0]
        kept = REPLACED_ATTRIBUTES.sub("", match["before"]).strip()
        before = f'alt="{escape(descriptions[name])}" ' + (f"{kept} " if kept else "")
        after = REPLACED_ATTRIBUTES.sub("", match["after"])
        with Image.open(io.BytesIO(png)) as image:
            return lazy_tag(before, figures_url + name, after, image.size)
    return INLINE_PNG.sub(tag, html)
