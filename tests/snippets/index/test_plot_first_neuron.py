"""Tests for plot_first_neuron.py: one curve per weight, sigmoid-shaped."""

import matplotlib.pyplot as plt
import numpy as np

from support import run_snippet


def test_draws_one_labelled_curve_per_weight():
    run_snippet("plot_first_neuron")
    (axes,) = plt.gcf().axes
    labels = [line.get_label() for line in axes.get_lines()]
    assert labels == ["w = 0.5", "w = 1", "w = 3", "w = -1"]
    for line, weight in zip(axes.get_lines(), (0.5, 1.0, 3.0, -1.0), strict=True):
        x, y = line.get_data()
        assert np.allclose(y, 1 / (1 + np.exp(-weight * x)))
