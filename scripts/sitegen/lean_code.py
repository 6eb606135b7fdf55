"""Highlighted code without the Pygments spans it can do without.

Pygments wraps every token of a code block in a <span> with its class, and
Material colours the classes. Some of them look like unwrapped text: Material
colours a name (`n`) and a constant (`kc`: True, False, None) with
--md-code-hl-name-color, which both of its colour schemes set to the code's
own colour (--md-code-fg-color), and gives
whitespace (`w`), string prefixes (`sa`, the f of f"...") and magic variables
(`vm`, __name__) no style at all; operators (`o`) and punctuation (`p`) it
draws a shade lighter, and this site draws them in the code's own colour
instead (docs/assets/site.css), so they need no span either. Pygments also
opens each block with an empty <span></span>. On the code-heavy pages these
spans are two fifths of the HTML or more (the practice page has some 3,400
names and 5,000 operators and punctuation marks, 46 % of its HTML);
`unwrap_plain_tokens` keeps their text and drops their tags, so a block copies
and searches the same, and looks as the site means it to.

Limits: only <pre> elements are touched, and only the exact markup Pygments
writes. It relies on Material's stylesheets giving names the code's colour,
and giving operators and punctuation nothing but a colour;
tests/scripts/test_lean_code.py reads them, so a theme that changes that fails
the tests rather than the page.
"""

from __future__ import annotations

import re

from .search_scope import PRE

PLAIN_TOKEN = re.compile(r'<span class="(?:[nwop]|kc|sa|vm)">([^<]*)</span>|<span></span>')


def unwrap_plain_tokens(html: str) -> str:
    """`html` with every span of those classes, and every empty span, inside <pre> replaced
    by its text."""
    return PRE.sub(lambda pre: PLAIN_TOKEN.sub(r"\1", pre[0]), html)
