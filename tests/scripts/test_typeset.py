"""KaTeX at build time: answers kept by content, each formula indexed by search once, and
only the stylesheet's rules the pages use."""

from __future__ import annotations

import subprocess

import pytest

from sitegen import typeset
from support import ROOT

FORMULAS = [("w^l_{jk}", False), (r"\sigma(z) = \frac{1}{1 + e^{-z}}", True)]


def test_a_second_render_of_the_same_formulas_starts_no_node(tmp_path, monkeypatch):
    first = typeset.render(FORMULAS, ROOT, cache=tmp_path)
    assert [sorted(answer) for answer in first] == [["html"], ["html"]]

    def no_node(*args, **kwargs):
        raise AssertionError("node was started although the answers are kept")

    monkeypatch.setattr(subprocess, "run", no_node)
    assert typeset.render(FORMULAS, ROOT, cache=tmp_path) == first
    assert len(list(tmp_path.iterdir())) == 1


def test_search_skips_the_mathml_copy_of_a_formula():
    page = '<p><span class="arithmatex">\\(w^l_{jk}\\)</span></p>'
    typeset_page = typeset.typeset_pages({"page.md": page}, ROOT)["page.md"]
    assert typeset_page.count('<span class="katex-mathml" data-search-exclude>') == 1
    assert 'class="katex-html" aria-hidden="true">' in typeset_page  # the drawn copy is indexed


STYLESHEET = ("@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2)}"
              ".katex{font:normal 1.21em KaTeX_Main}"
              ".katex .mfrac,.katex .sqrt{display:inline-block}"
              ".katex .accent-body:not(.accent-full){width:0}.katex :is(.a,.b){color:red}"
              ".katex .c:not(.d,.e){color:blue}.katex [class$=e]{color:green}"
              ".katex .sizing.reset-size1.size2{font-size:1.2em}\n")
PAGE = '<span class="katex"><span class="mfrac"><span class="accent-body sizing size2">'


def test_a_rule_stays_when_the_pages_use_every_class_it_names():
    """...and rules with selectors more than a plain list stay whole, used or not."""
    assert typeset.rules_in_use(STYLESHEET, [PAGE, "<p>other page</p>"]) == (
        "@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2)}"
        ".katex{font:normal 1.21em KaTeX_Main}.katex .mfrac{display:inline-block}"
        ".katex .accent-body:not(.accent-full){width:0}.katex :is(.a,.b){color:red}"
        ".katex .c:not(.d,.e){color:blue}.katex [class$=e]{color:green}\n")


def test_a_stylesheet_with_nested_blocks_is_refused():
    with pytest.raises(typeset.MathError, match="nested or stray blocks"):
        typeset.rules_in_use("@media print{.katex{color:black}}", [PAGE])
