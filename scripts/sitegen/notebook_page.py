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
- makes every <pre> keyboard-focusable (tabindex="0"): a block of code or
  output wider than the page scrolls sideways, and keyboard users must be
  able to scroll it too (Material does the same for its code blocks).

(The figures are already light: notebooks.build stores them with a palette.)

Limits: it relies on the markup mkdocs-jupyter 0.26 writes (class names such as
`highlight-ipynb` and `jp-Notebook`); tests/scripts/test_notebook_page.py checks
them on the built page, so an upgrade that changes them fails loudly.
"""

from __future__ import annotations

import re

STYLE = re.compile(r"<style[^>]*>.*?</style>\s*", re.DOTALL)


def lighten(html: str, stylesheet_url: str) -> str:
    """The notebook page's HTML without JupyterLab's styles: ours and Material's classes."""
    html = STYLE.sub("", html)
    html = html.replace('class="highlight-ipynb ', 'class="highlight ')
    html = html.replace('class="anchor-link"', 'class="headerlink" title="Permanent link"')
    html = html.replace("<pre>", '<pre tabindex="0">')
    return f'<link rel="stylesheet" href="{stylesheet_url}">\n{html}'
