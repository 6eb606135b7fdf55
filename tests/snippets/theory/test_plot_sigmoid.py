"""Tests for plot_sigmoid.py: the sigmoid, its table and its figure."""

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest

from support import run_snippet


@pytest.fixture
def run() -> tuple[dict, str]:
    """The script's globals and printed output, run as `__main__`; figures closed after."""
    return run_snippet("plot_sigmoid")


def test_sigmoid_matches_both_textbook_forms(run):
    sigmoid = run[0]["sigmoid"]
    for z in (-5.0, -1.0, 0.0, 0.3, 4.0):
        assert sigmoid(z) == pytest.approx(1 / (1 + math.exp(-z)))
        assert sigmoid(z) == pytest.approx(math.exp(z) / (1 + math.exp(z)))
    z = np.linspace(-10, 10, 101)
    assert np.allclose(sigmoid(-z), 1 - sigmoid(z))
    assert np.all((sigmoid(z) > 0) & (sigmoid(z) < 1))


def test_prints_the_table(run):
    ns, out = run
    assert out.strip() == ns["sigmoid_table"]
    assert "| 0.5000 |" in ns["sigmoid_table"]
    assert ns["sigmoid_at_zero"] == 0.5
    assert ns["sigmoid_at_six"] == pytest.approx(1 - ns["sigmoid_at_minus_six"])


def test_draws_one_labelled_figure(run):
    assert len(plt.get_fignums()) == 1
    ax = plt.gcf().axes[0]
    assert ax.get_xlabel() and ax.get_ylabel()
    assert ax.get_ylim()[0] < 0 and ax.get_ylim()[1] > 1
