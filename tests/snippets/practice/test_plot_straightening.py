"""Tests for plot_straightening.py: each class's most slanted digit, as written and straightened."""

import numpy as np
import pytest

from practice_support import shows_digit_pairs
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
    written = ns["test_images"][ns["chosen"]]
    axes = shows_digit_pairs(written, straightened(written))
    for column, index in enumerate(ns["chosen"]):
        assert axes[0, column].get_title() == f"{ns['slant'][index]:+.2f}"
