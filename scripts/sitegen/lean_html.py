"""A built page without the indentation of its templates' markup.

Material's templates indent their markup for people reading them, and the
indentation reaches every page: runs of spaces and line breaks between tags
are about 6 kB of each page's HTML, the size of a page's prose. A browser
lays out any run of whitespace between words or tags as at most one space,
except inside elements that keep it (`<pre>`, `<textarea>`, and `<code>` and
`<kbd>`, which Material styles `white-space: pre-wrap`) and inside scripts and
styles, whose text is not laid out. `squeezed` turns every run that holds a
line break, outside those elements, into one line break, so the page looks
and reads the same, and its search text and copied code are unchanged.

Limits: it relies on no other element of a page keeping whitespace through
CSS; tests/scripts/test_lean_html.py reads the site's and Material's
stylesheets for any rule that does.
"""

from __future__ import annotations

import re

KEEPING = ("pre", "textarea", "code", "kbd", "script", "style")
KEPT = re.compile(rf"<({'|'.join(KEEPING)})\b.*?</\1>", re.S | re.I)
# ASCII whitespace only: a no-break space (U+00A0) is text, and \s would match it.
LINE_BREAK_RUN = re.compile(r"[ \t\r]*\n[ \t\r\n]*")


def squeezed(html: str) -> str:
    """`html` with each whitespace run that holds a line break, outside KEPT, made one."""
    pieces, start = [], 0
    for kept in KEPT.finditer(html):
        pieces += [LINE_BREAK_RUN.sub("\n", html[start:kept.start()]), kept[0]]
        start = kept.end()
    pieces.append(LINE_BREAK_RUN.sub("\n", html[start:]))
    return "".join(pieces)
