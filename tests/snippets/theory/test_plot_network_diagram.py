"""Tests for plot_network_diagram.py: circles for neurons, lines for weights."""

import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import Circle

from support import run_snippet


@pytest.fixture
def run() -> dict:
    """The script's globals, run as `__main__`; figures closed after (conftest.py)."""
    return run_snippet("plot_network_diagram")[0]


def test_one_line_per_weight_and_one_circle_per_neuron(run):
    sizes = run["layer_sizes"]
    assert run["number_of_weights"] == 3 * 4 + 4 * 4 + 4 * 2
    assert run["number_of_biases"] == 4 + 4 + 2
    assert len(plt.get_fignums()) == 1
    ax = plt.gcf().axes[0]
    assert len(ax.lines) == run["number_of_weights"]
    assert sum(isinstance(p, Circle) for p in ax.patches) == sum(sizes)


def test_highlights_the_connections_into_one_neuron(run):
    ax = plt.gcf().axes[0]
    thick = [line for line in ax.lines if line.get_linewidth() > 1]
    assert len(thick) == run["layer_sizes"][run["highlighted_layer"] - 1]
    ends = {tuple(line.get_xydata()[1]) for line in thick}
    assert ends == {run["target"]}


def test_is_deterministic():
    drawings = []
    for _ in range(2):
        run_snippet("plot_network_diagram")
        drawings.append([line.get_xydata().tolist() for line in plt.gcf().axes[0].lines])
        plt.close("all")
    assert drawings[0] == drawings[1]
