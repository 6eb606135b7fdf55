"""Tests for search_scope.py: search reads a lighter copy of a page and indexes it the same."""

from sitegen import search_scope
from support import search_sections as sections

PAGE = """<h1 id="t">Title</h1>
<p>Weights <span class="arithmatex"><span class="katex">
<span class="katex-mathml" data-search-exclude><math><semantics><mrow><mi>w</mi></mrow>
<annotation>w, b</annotation></semantics></math></span>
<span class="katex-html" aria-hidden="true"><span class="base">
<span class="mord">w</span><span class="mpunct">,</span><span class="mspace">\u00a0</span>
<span class="mord">b</span></span></span></span></span> and code <code>x = 1</code>.</p>
<h2 id="code">Code</h2>
<div class="highlight"><pre><span></span><code><span class="n">y</span> <span class="o">=</span>
<span class="mi">2</span>\n</code></pre></div>
<details class="example" data-search-exclude><pre><code>hidden</code></pre></details>
"""


def test_the_lighter_copy_gives_the_same_sections():
    light = search_scope.searchable(PAGE)
    assert "<span" not in light and "<math" not in light
    assert sections(light) == sections(PAGE)
    assert "y =\n2" in sections(PAGE)[1][2] and "hidden" not in str(sections(PAGE))
    assert "w,\u00a0b" not in str(sections(PAGE))  # KaTeX's lone space counts as plain space


def test_folded_examples_are_marked():
    marked = search_scope.folded_examples_unindexed('<details class="example"><p>x</p></details>')
    assert marked.startswith('<details class="example" data-search-exclude>')
