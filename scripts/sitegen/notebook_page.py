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

(The figures are already light: notebooks.build stores them with a palette.)

Limits: it relies on the markup mkdocs-jupyter 0.26 writes (class names such as
`highlight-ipynb` and `jp-Notebook`); tests/scripts/test_notebook_page.py checks
them on the built page, so an upgrade that changes them fails loudly.
"""

from __future__ import annotations

import re

STYLE = re.compile(r"<style[^>]*>.*?</style>\s*", re.DOTALL)
UNUSED_SCRIPT = re.compile(
    r'<script type="text/x-mathjax-config">.*?</script>\s*'
    r'|<script src="">\s*</script>\s*'
    r'|<script type="module">(?:(?!</script>).)*?\.jp-Mermaid.*?</script>\s*'
    r"|<!-- (?:Load mathjax|MathJax configuration|End of (?:mathjax|mermaid) configuration) -->\s*",
    re.DOTALL)


def lighten(html: str, stylesheet_url: str) -> str:
    """The notebook page's HTML without JupyterLab's styles and unused scripts, with ours."""
    html = STYLE.sub("", html)
    html = UNUSED_SCRIPT.sub("", html)
    html = html.replace('class="highlight-ipynb ', 'class="highlight ')
    html = html.replace('class="anchor-link"', 'class="headerlink" title="Permanent link"')
    html = html.replace("<pre>", '<pre tabindex="0">')
    return f'<link rel="stylesheet" href="{stylesheet_url}">\n{html}'
