"""The pages against the Notation page: one symbol, one meaning, everywhere.

Reads the symbol list from snippets/notation/site_notation.py and checks the
built pages (the TeX KaTeX keeps in each formula's annotation, so numbers and
tables that snippets compute are included) and the Markdown sources.
"""

from __future__ import annotations

import html
import re

import pytest

from support import DOCS, run_snippet

GREEK = re.compile(r"\\(alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|iota|kappa|"
                   r"lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|"
                   r"Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega|nabla)(?![A-Za-z])")
ANNOTATION = re.compile(r'<annotation encoding="application/x-tex">(.*?)</annotation>', re.S)
MATH = r"\$\s*(\\?[A-Za-z]+)\s*(?=\$|=)"  # an inline formula that is one symbol (or "X = ...")
# A term the notation page gives a symbol, and the symbol's key.
TERMS = {"learning rate": "sym-eta", "momentum": "sym-beta", "mini-batch size": "sym-m",
         "batch size": "sym-m", "output layer": "sym-big-l", "velocity": "sym-v"}
PAGES = sorted(p.stem for p in DOCS.glob("*.md"))


@pytest.fixture(scope="module")
def notation() -> dict:
    return run_snippet("site_notation")[0]


def built_tex(built_site, page: str) -> str:
    folder = built_site if page == "index" else built_site / page
    return " ".join(html.unescape(m) for m in ANNOTATION.findall(
        (folder / "index.html").read_text()))


def first_symbol(tex: str) -> str:
    return re.match(r"\\?[A-Za-z]+", tex)[0]


@pytest.mark.parametrize("page", PAGES)
def test_every_greek_letter_on_a_page_is_on_the_notation_page(built_site, notation, page):
    defined = {name for symbol in notation["SYMBOLS"]
               for name in GREEK.findall(symbol.tex + " " + symbol.meaning)}
    used = set(GREEK.findall(built_tex(built_site, page)))
    assert used <= defined, f"{page} uses {sorted(used - defined)}, not on the notation page"


@pytest.mark.parametrize("page", PAGES)
def test_no_page_gives_a_term_another_symbol(notation, page):
    """'learning rate $X$' or '$X$, the momentum': X must be the notation page's symbol."""
    text = " ".join((DOCS / f"{page}.md").read_text().split())
    for term, key in TERMS.items():
        expected = first_symbol(notation["BY_KEY"][key].tex)
        found = re.findall(rf"\b{term}\**,? (?:is |of )?{MATH}", text)
        found += re.findall(rf"{MATH}\$,? \(?(?:the |is the )\**{term}\b", text)
        wrong = [symbol for symbol in found if symbol != expected]
        assert not wrong, f"{page}: '{term}' written as {wrong}, the notation page says {expected}"


def test_sigma_is_only_the_sigmoid():
    """sigma for 'any activation' was the old mix-up: it must not sit beside ReLU's slope."""
    for page in PAGES:
        text = (DOCS / f"{page}.md").read_text()
        assert not re.search(r"activation function\**\s+\$\\sigma\$", text), page


@pytest.mark.parametrize("page", sorted(set(PAGES) - {"notation", "resources", "presenting",
                                                        "background"}))
def test_each_page_links_its_symbols(built_site, notation, page):
    """Every content page has the 'Symbols on this page' box, and its links resolve."""
    page_html = (built_site / ("" if page == "index" else page) / "index.html").read_text()
    targets = set(re.findall(r'href="(?:\.\./)*notation/#(sym-[\w-]+)"', page_html))
    assert targets, f"{page} has no links to the notation page"
    notation_html = (built_site / "notation" / "index.html").read_text()
    assert all(f'id="{key}"' in notation_html for key in targets)
    used = built_tex(built_site, page)
    for key in targets:
        symbol = first_symbol(notation["BY_KEY"][key].tex)
        assert symbol in used, f"{page} lists {key} but never writes {symbol}"
