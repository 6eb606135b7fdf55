"""Tests for tables.py: the one Markdown-table writer every snippet uses."""

import pytest

from tables import markdown_table


def test_header_rule_and_rows():
    assert markdown_table(["a", "b"], [["x", 1], ["y", 2.5]], align="lr") == (
        "| a | b |\n|---|--:|\n| x | 1 |\n| y | 2.5 |")


def test_numbers_right_aligned_by_default_and_cells_formatted():
    table = markdown_table(["n"], [[0.25]], cell=lambda value: f"{value:.0%}")
    assert table == "| n |\n|--:|\n| 25% |"


@pytest.mark.parametrize("align", ["l", "lx", "lrr"])
def test_align_must_give_one_known_letter_per_column(align):
    with pytest.raises(ValueError, match="one 'l' or 'r' per column"):
        markdown_table(["a", "b"], [], align=align)
