"""What the site's search leaves out of a page, and the lighter copy of a page it reads.

Every page loads the search index on its first visit, so each kilobyte in it
costs every page. Folded `??? example` blocks hold whole files (figure
scripts, helper modules) whose words the page's prose and open code blocks
already carry; they get Material's `data-search-exclude`. Open code blocks
and all prose stay searchable. (Formulas are handled where they are
typeset: typeset.hidden_from_search, with `unindexed`.)

Material's search reads each page's HTML with Python's HTMLParser, keeping
the text and a few tags (p, code, pre, lists). The <span>s of highlighted
code and of typeset formulas are most of the tags, and reading them most of
a warm build's time. `searchable` gives search a copy without them, from
which it makes the same index (tests/test_build.py compares every page).
"""

from __future__ import annotations

import re

FOLDED_EXAMPLE = '<details class="example">'
# KaTeX's MathML copy of a formula, marked by typeset.hidden_from_search; it holds no <span>.
MATHML = re.compile(r'<span class="katex-mathml" data-search-exclude><math.*?</math></span>', re.S)
SPAN_TAGS = re.compile(r"(?:</?span\b[^>]*>)+")
PRE = re.compile(r"<pre\b.*?</pre>", re.S)
ONE_SPAN_TAG = re.compile(r"</?span\b[^>]*>")


def unindexed(html: str, opening_tag: str) -> str:
    """`html` with every element that opens with exactly `opening_tag` marked for search to skip."""
    return html.replace(opening_tag, opening_tag[:-1] + " data-search-exclude>")


def folded_examples_unindexed(page_html: str) -> str:
    """`page_html` with every folded example marked for search to skip."""
    return unindexed(page_html, FOLDED_EXAMPLE)


def searchable(page_html: str) -> str:
    """The page as search reads it: no MathML copies, no <span> tags in code blocks, and
    elsewhere each run of <span> tags an empty comment.

    Search skips the MathML anyway. Inside <pre> it keeps every piece of text as
    it is, so the pieces may as well be one. Elsewhere a comment still ends a
    piece of text where the tags did, and search treats a piece of text that is
    only white space (KaTeX's spaces) differently from text around it, so the
    index is unchanged.
    """
    without_code_spans = PRE.sub(lambda block: ONE_SPAN_TAG.sub("", block[0]), page_html)
    return SPAN_TAGS.sub("<!---->", MATHML.sub("", without_code_spans))
