"""Tests for plot_straightening.py: each class's most slanted digit, as written and straightened."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from straighten_digits import straightened
from support import run_snippet


@pytest.fixture(scope="module")
def run():
    return run_snippet("plot_straightening")


def test_the_most_slanted_digit_of_each_class(run):
    ns, _ = run
    labels, slant = ns["test_labels"], ns["slant"]
    assert list(labels[ns["chosen"]]) == list(range(10))
    for digit, index in enumerate(ns["chosen"]):
        assert abs(slant[index]) == np.abs(slant[labels == digit]).max()


def test_top_row_as_written_bottom_row_straightened(run):
    ns, _ = run
    (figure,) = [plt.figure(number) for number in plt.get_fignums()]
    axes = np.array(figure.axes).reshape(2, 10)
    for column, index in enumerate(ns["chosen"]):
        digit = ns["test_images"][index]
        np.testing.assert_array_equal(axes[0, column].images[0].get_array(), digit.reshape(28, 28))
        np.testing.assert_array_equal(axes[1, column].images[0].get_array(),
                                      straightened(digit).reshape(28, 28))
        assert axes[0, column].get_title() == f"{ns['slant'][index]:+.2f}"
