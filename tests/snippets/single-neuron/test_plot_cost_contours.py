"""Tests for plot_cost_contours.py: gradient-descent paths on the cost map."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from support import run_snippet


@pytest.fixture
def run() -> dict:
    return run_snippet("plot_cost_contours")[0]


def test_cost_grid_matches_the_cost_function(run):
    from single_neuron import cost

    w, b, grid = run["w_grid"], run["b_grid"], run["cost_grid"]
    for i, j in ((0, 0), (90, 45), (180, 180)):
        assert grid[i, j] == pytest.approx(cost(w[i, j], b[i, j]))
    assert grid.min() == pytest.approx(cost(run["w_best"], run["b_best"]), abs=0.05)


def test_three_panels_with_the_same_limits(run):
    axes = plt.gcf().axes
    assert len(axes) == 3
    assert {ax.get_xlim() for ax in axes} == {run["MAP_W"]}
    assert {ax.get_ylim() for ax in axes} == {run["MAP_B"]}


def test_converging_paths_stay_on_the_map_and_diverging_one_leaves(run):
    path_on_map = run["path_on_map"]
    paths = run["paths"]
    assert len(path_on_map(paths[0.001])) == len(paths[0.001])
    assert len(path_on_map(paths[0.01])) == len(paths[0.01])
    leaving = path_on_map(paths[0.1])
    assert len(leaving) == 2
    assert not run["MAP_W"][0] <= leaving[-1, 0] <= run["MAP_W"][1]
    plotted = plt.gcf().axes[2].lines[0].get_xydata()
    assert np.array_equal(plotted, leaving[:, :2])
