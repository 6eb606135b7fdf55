"""Tests for plot_cost_curves.py: cost against step for three learning rates."""

import matplotlib.pyplot as plt
import pytest

from support import run_snippet


@pytest.fixture
def run() -> dict:
    return run_snippet("plot_cost_curves")[0]  # which draws it: log axes, huge values, no warning


def test_two_log_scaled_panels(run):
    assert len(plt.get_fignums()) == 1
    ax_all, ax_zoom = plt.gcf().axes
    assert ax_all.get_yscale() == ax_zoom.get_yscale() == "log"
    assert len(ax_all.get_legend().get_texts()) == 4
    assert len(ax_zoom.get_legend().get_texts()) == 3


def test_divergence_is_visible_on_the_left(run):
    ax_all = plt.gcf().axes[0]
    diverging = ax_all.lines[2].get_ydata()
    assert diverging[-1] > 1e300 > diverging[0]
    assert ax_all.get_ylim()[1] >= max(diverging)
    assert run["overflow_step"] == len(diverging)


def test_close_up_shows_both_converging_runs_reaching_the_minimum(run):
    ax_zoom = plt.gcf().axes[1]
    small, medium = (line.get_ydata() for line in ax_zoom.lines[:2])
    assert medium[50] == pytest.approx(run["lowest_cost"], abs=1e-3)
    assert small[50] > run["lowest_cost"] + 1
