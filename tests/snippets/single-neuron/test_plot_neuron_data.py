"""Tests for plot_neuron_data.py: points, least-squares line, learned line."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from support import run_snippet


@pytest.fixture
def run() -> dict:
    return run_snippet("plot_neuron_data")[0]


def test_draws_the_points_and_two_matching_lines(run):
    assert len(plt.get_fignums()) == 1
    ax = plt.gcf().axes[0]
    assert ax.collections[0].get_offsets().shape == (10, 2)
    fitted, learned = (line.get_ydata() for line in ax.lines)
    assert np.allclose(fitted, learned, atol=1e-3)
    assert abs(run["w_fit"] - run["w_learned"]) < 1e-4
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert any("-0.6786" in label for label in labels)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
