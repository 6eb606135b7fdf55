"""Tests for scripts/sitegen/lean_code.py: code without the spans it can do without."""

import html as html_module
import re

from sitegen import lean_code
from support import DOCS, MATERIAL_STYLESHEETS

BLOCK = ('<div class="highlight"><pre><span></span><code><span class="n">y</span>'
         '<span class="w"> </span><span class="o">=</span> <span class="n">np</span>'
         '<span class="o">.</span><span class="n">exp</span><span class="p">(</span>'
         '<span class="o">-</span><span class="n">z</span><span class="p">)</span>'
         '  <span class="c1"># &lt;span class=&quot;n&quot;&gt;</span>\n'
         '<span class="nb">print</span><span class="p">(</span><span class="sa">f</span>'
         '<span class="s2">&quot;</span><span class="si">{</span><span class="vm">__name__</span>'
         '<span class="si">}</span><span class="s2">&quot;</span><span class="p">,</span>'
         '<span class="w"> </span><span class="kc">None</span><span class="p">)</span>'
         '</code></pre></div>')
# One of the classes lean_code unwraps, in a selector.
TOKEN_CLASS = re.compile(r"\.(?:[nwop]|kc|sa|vm)(?![\w-])")


def text(html: str) -> str:
    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_names_whitespace_operators_punctuation_and_empty_spans_go_their_text_stays():
    lean = lean_code.unwrap_plain_tokens(BLOCK)
    assert text(lean) == text(BLOCK)
    assert lean == ('<div class="highlight"><pre><code>y = np.exp(-z)  <span class="c1">'
                    '# &lt;span class=&quot;n&quot;&gt;</span>\n<span class="nb">print</span>'
                    '(f<span class="s2">&quot;</span><span class="si">{</span>__name__'
                    '<span class="si">}</span><span class="s2">&quot;</span>, None)'
                    '</code></pre></div>')


def test_only_code_is_touched():
    prose = '<p><span class="n">a name in prose</span><span></span></p>'
    assert lean_code.unwrap_plain_tokens(prose + BLOCK).startswith(prose)


def test_material_colours_names_as_code_and_gives_operators_and_punctuation_only_a_colour():
    """What makes the spans needless: if the theme changes this, the spans matter again.

    Names and constants already have the code's colour; whitespace, string prefixes and magic
    variables have no rule; operators and punctuation have a colour of their own and
    nothing else: the one thing unwrapping them changes, on purpose (docs/assets/site.css).
    """
    assert len(MATERIAL_STYLESHEETS) == 2  # main and palette
    css = "".join(path.read_text() for path in MATERIAL_STYLESHEETS)
    name_colours = re.findall(r"--md-code-hl-name-color:([^;}]+)", css)
    assert name_colours and set(name_colours) == {"var(--md-code-fg-color)"}
    rules = [([part.strip() for part in selector.split(",")], body)
             for selector, body in re.findall(r"([^{}]*)\{([^{}]*)\}", css)]
    naming = [(part, body) for parts, body in rules for part in parts if TOKEN_CLASS.search(part)]
    assert naming == [(".highlight .o", "color:var(--md-code-hl-operator-color)"),
                      (".highlight .p", "color:var(--md-code-hl-punctuation-color)"),
                      (".highlight .kc", "color:var(--md-code-hl-name-color)"),
                      (".highlight .n", "color:var(--md-code-hl-name-color)")]


def test_our_stylesheets_leave_the_unwrapped_tokens_alone():
    for path in sorted((DOCS / "assets").rglob("*.css")):
        css = path.read_text()
        assert not TOKEN_CLASS.search(css), path
        # (using the code's colour is fine; setting it, or the names', is not)
        assert not re.search(r"--md-code-(?:hl-name|fg)-color\s*:", css), path


def test_built_pages_carry_no_plain_token_spans(built_site):
    for page in ("practice", "notebooks/practice", "backpropagation"):
        html = (built_site / page / "index.html").read_text()
        assert '<span class="k">' in html, page  # still highlighted
        for token in ("n", "w", "o", "p", "kc", "sa", "vm"):
            assert f'<span class="{token}">' not in html, (page, token)
