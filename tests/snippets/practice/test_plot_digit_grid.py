"""Tests for plot_digit_grid.py: the first training images of each digit."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from support import run_snippet


@pytest.fixture(scope="module")
def run():
    return run_snippet("plot_digit_grid")


def test_one_column_per_digit_with_true_labels(run):
    ns, _ = run
    (figure,) = [plt.figure(number) for number in plt.get_fignums()]
    axes = np.array(figure.axes).reshape(ns["ROWS"], 10)
    for digit in range(10):
        for row, index in enumerate(ns["examples"][digit]):
            ax = axes[row, digit]
            assert ax.get_title() == f"label {digit}"
            np.testing.assert_array_equal(ax.images[0].get_array(),
                                          ns["training_images"][index].reshape(28, 28))
            assert ns["training_labels"][index] == digit
