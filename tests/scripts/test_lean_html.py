"""Tests for scripts/sitegen/lean_html.py: pages without their templates' indentation."""

import re

from sitegen import lean_html, typeset
from support import DOCS, MATERIAL_STYLESHEETS

PAGE = ('<nav>\n    <ul>\n      <li><a href="#">One</a>\n      </li>\n    </ul>\n  </nav>\n'
        '<p>Words\n   across   lines,\u00a0\n  kept apart.</p>\n'
        '<pre><code>def f():\n    return 1\n\n</code></pre>\n'
        '<p>Inline <code>a\n    b</code> and <kbd>Shift\n  </kbd></p>\n'
        '<textarea>\n  typed\n</textarea>\n<script>\n  const x = 1;\n</script>\n'
        '<style>\n  p { color: red; }\n</style>\n')
KEEPS_WHITESPACE = re.compile(r"white-space:\s*(?:pre|pre-wrap|pre-line|break-spaces)\b")
STYLESHEETS = [*MATERIAL_STYLESHEETS, *sorted((DOCS / "assets").glob("*.css"))]


def test_indentation_goes_and_what_keeps_whitespace_stays():
    lean = lean_html.squeezed(PAGE)
    assert lean.startswith('<nav>\n<ul>\n<li><a href="#">One</a>\n</li>\n</ul>\n</nav>\n')
    assert "<p>Words\nacross   lines,\u00a0\nkept apart.</p>" in lean  # one run each, no-break kept
    for element in re.findall(r"<(?:pre|code|kbd|textarea|script|style)\b.*?</\w+>", PAGE, re.S):
        assert element in lean, element
    assert len(lean) < len(PAGE)


def test_outside_kept_elements_the_text_reads_the_same():
    """A browser shows every run of ASCII whitespace as one space: the runs changed, not that."""
    def words(html: str) -> str:
        return re.sub(r"[ \t\r\n]+", " ", html)
    assert words(lean_html.squeezed(PAGE)) == words(PAGE)
    assert lean_html.squeezed(lean_html.squeezed(PAGE)) == lean_html.squeezed(PAGE)


def test_only_elements_it_leaves_alone_keep_whitespace_in_the_stylesheets():
    """Any rule that keeps whitespace must style an element KEEPING names (or the search
    box's suggestion, which Material's script fills in)."""
    assert STYLESHEETS
    for stylesheet in STYLESHEETS:
        css = re.sub(r"/\*.*?\*/", "", stylesheet.read_text(), flags=re.S)
        for selectors, body in typeset.CSS_RULE.findall(css):
            if not KEEPS_WHITESPACE.search(body):
                continue
            for selector in selectors.split(","):
                last = re.split(r"[\s>+~]+", selector.strip())[-1]
                assert last in lean_html.KEEPING or last == ".md-search__suggest", (
                    f"{stylesheet.name}: {selector.strip()} keeps whitespace")


def test_the_built_pages_are_squeezed(built_site):
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text()
        assert lean_html.squeezed(html) == html, page
