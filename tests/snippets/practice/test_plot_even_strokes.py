"""Tests for plot_even_strokes.py: the broadest and finest digits, as written and evened."""

import numpy as np
import pytest

from even_strokes import TARGET_WIDTH, evened
from practice_support import shows_digit_pairs
from support import run_snippet


@pytest.fixture(scope="module")
def run():
    return run_snippet("plot_even_strokes")


def test_the_five_broadest_then_the_five_finest(run):
    ns, _ = run
    widths, chosen = ns["widths"], ns["chosen"]
    assert len(set(chosen)) == 10
    assert widths[chosen[:5]].min() >= np.sort(widths)[-5]
    assert widths[chosen[5:]].max() <= np.sort(widths)[4]


def test_top_row_as_written_bottom_row_evened_and_nearer_the_target(run):
    ns, _ = run
    written = ns["test_images"][ns["chosen"]]
    axes = shows_digit_pairs(written, evened(written))
    for column in range(len(written)):
        before, after = (float(axes[row, column].get_title()) for row in (0, 1))
        assert abs(after - TARGET_WIDTH) < abs(before - TARGET_WIDTH)
