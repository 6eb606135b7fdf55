"""Tests for snippets/plot_network_diagram.py: circles for neurons, lines for weights."""

import runpy
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import Circle

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"
sys.path.insert(0, str(SNIPPETS))


@pytest.fixture
def run(monkeypatch) -> dict:
    """The script's globals, run as `__main__`; figures closed after."""
    monkeypatch.chdir(SNIPPETS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        namespace = runpy.run_path(str(SNIPPETS / "plot_network_diagram.py"),
                                   run_name="__main__")
    yield namespace
    plt.close("all")


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


def test_is_deterministic(monkeypatch):
    monkeypatch.chdir(SNIPPETS)
    drawings = []
    for _ in range(2):
        runpy.run_path(str(SNIPPETS / "plot_network_diagram.py"), run_name="__main__")
        drawings.append([line.get_xydata().tolist() for line in plt.gcf().axes[0].lines])
        plt.close("all")
    assert drawings[0] == drawings[1]
