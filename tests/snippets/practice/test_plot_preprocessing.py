"""Tests for plot_preprocessing.py: one panel per step of the preparation."""

import matplotlib.pyplot as plt
import pytest

from prepare_digit import BOX
from support import run_snippet


@pytest.fixture(scope="module")
def run():
    return run_snippet("plot_preprocessing")


def test_six_panels_in_order(run):
    (figure,) = [plt.figure(number) for number in plt.get_fignums()]
    titles = [ax.get_title().split("\n")[0] for ax in figure.axes]
    assert [title.split(".")[0] for title in titles] == ["1", "2", "3", "4", "5", "6"]
    assert all(len(ax.images) == 1 for ax in figure.axes)


def test_values_quoted_on_the_page(run):
    ns, _ = run
    assert max(ns["fitted_height"], ns["fitted_width"]) == BOX
    assert ns["middle"] == 13.5
    assert abs(ns["centre_row"] - 13.5) <= 0.5 and abs(ns["centre_column"] - 13.5) <= 0.5
