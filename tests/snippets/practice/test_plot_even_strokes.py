"""Tests for plot_even_strokes.py: the broadest and finest digits, as written and evened."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from even_strokes import TARGET_WIDTH, evened
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
    (figure,) = [plt.figure(number) for number in plt.get_fignums()]
    axes = np.array(figure.axes).reshape(2, 10)
    for column, index in enumerate(ns["chosen"]):
        digit = ns["test_images"][index]
        np.testing.assert_array_equal(axes[0, column].images[0].get_array(), digit.reshape(28, 28))
        np.testing.assert_array_equal(axes[1, column].images[0].get_array(),
                                      evened(digit).reshape(28, 28))
        before, after = (float(axes[row, column].get_title()) for row in (0, 1))
        assert abs(after - TARGET_WIDTH) < abs(before - TARGET_WIDTH)
