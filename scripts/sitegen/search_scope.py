"""What the site's search leaves out of a page: the code in folded examples.

Every page loads the search index on its first visit, so each kilobyte in it
costs every page. Folded `??? example` blocks hold whole files (figure
scripts, helper modules) whose words the page's prose and open code blocks
already carry; they get Material's `data-search-exclude`. Open code blocks
and all prose stay searchable. (Formulas are handled where they are
typeset: typeset.hidden_from_search, with `unindexed`.)
"""

from __future__ import annotations

FOLDED_EXAMPLE = '<details class="example">'


def unindexed(html: str, opening_tag: str) -> str:
    """`html` with every element that opens with exactly `opening_tag` marked for search to skip."""
    return html.replace(opening_tag, opening_tag[:-1] + " data-search-exclude>")


def folded_examples_unindexed(page_html: str) -> str:
    """`page_html` with every folded example marked for search to skip."""
    return unindexed(page_html, FOLDED_EXAMPLE)
