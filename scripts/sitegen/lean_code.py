"""Highlighted code without the Pygments spans that change nothing on screen.

Pygments wraps every token of a code block in a <span> with its class, and
Material colours the classes. Two of them look like unwrapped text: Material
colours a name (`n`) with --md-code-hl-name-color, which both of its colour
schemes set to the code's own colour (--md-code-fg-color), and gives
whitespace (`w`) no style at all. Pygments also opens each block with an empty
<span></span>. On the code-heavy pages these spans are a fifth of the HTML
(the practice page has some 3,400 names); `unwrap_plain_tokens` keeps their
text and drops their tags, so a block looks, copies and searches the same.

Limits: only <pre> elements are touched, and only the exact markup Pygments
writes. It relies on Material's stylesheets giving names the code's colour;
tests/scripts/test_lean_code.py reads them, so a theme that changes that fails
the tests rather than the page.
"""

from __future__ import annotations

import re

from .search_scope import PRE

PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>|<span></span>')


def unwrap_plain_tokens(html: str) -> str:
    """`html` with every name, whitespace and empty span inside <pre> replaced by its text."""
    return PRE.sub(lambda pre: PLAIN_TOKEN.sub(r"\1", pre[0]), html)
