"""Tests for site_notation.py: the symbol list, its table and the per-page lines."""

from support import run_snippet


def test_every_symbol_has_a_row_and_a_unique_anchor():
    ns, out = run_snippet("site_notation")
    keys = [symbol.key for symbol in ns["SYMBOLS"]]
    assert len(keys) == len(set(keys)) == ns["symbol_count"]
    assert out.strip() == ns["table"]
    for key in keys:
        assert f'<span id="{key}"></span>' in ns["table"]


def test_page_lines_link_only_known_symbols():
    ns, _ = run_snippet("site_notation")
    for page, keys in ns["PAGE_SYMBOLS"].items():
        assert set(keys) <= set(ns["BY_KEY"]), page
        for key in keys:
            assert f"(notation.md#{key} " in ns["on_page"][page]


def test_each_meaning_has_one_symbol():
    ns, _ = run_snippet("site_notation")
    names = [symbol.name for symbol in ns["SYMBOLS"]]
    assert len(names) == len(set(names))
