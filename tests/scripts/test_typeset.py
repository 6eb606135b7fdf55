"""KaTeX at build time: answers kept by content, and each formula indexed by search once."""

from __future__ import annotations

import subprocess

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
