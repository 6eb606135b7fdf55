"""Tests for site_neuron_learning_rate_limit.py: the largest workable learning rate."""

import numpy as np
import pytest

from single_neuron import cost, gradient_descent, least_squares
from support import run_snippet


@pytest.fixture
def run() -> tuple[dict, str]:
    """The script's globals and printed output, run as `__main__`."""
    return run_snippet("site_neuron_learning_rate_limit")


def test_prints_the_factors_table(run):
    ns, out = run
    assert ns["factors_table"] in out
    assert len(ns["factors_table"].splitlines()) == 2 + 3


def test_limits(run):
    ns, _ = run
    assert ns["limit_if_only_w_moves"] == pytest.approx(1 / 85.54)
    assert 0.01 < ns["critical_learning_rate"] < ns["limit_if_only_w_moves"]


def test_limit_agrees_with_experiment(run):
    limit = run[0]["critical_learning_rate"]
    best = cost(*least_squares())
    below = gradient_descent(1.0, 1.0, 0.98 * limit, 3000)[-1][2]
    above = gradient_descent(1.0, 1.0, 1.02 * limit, 3000)[-1][2]
    assert below == pytest.approx(best, abs=1e-6)
    assert above > 1e10


def test_factors_explain_the_three_runs(run):
    ns, _ = run
    assert ns["large_rate_factor"] < -1  # each step overshoots by more than it corrects
    assert -1 < ns["medium_rate_factor"] < 0  # overshoots, but less each time
    assert 0.95 < ns["small_rate_slow_factor"] < 1  # safe but slow along the valley


def test_growth_matches_the_run(run):
    # The cost of the diverging run grows by the square of the factor at every step.
    factor = run[0]["large_rate_factor"]
    gd, _ = run_snippet("neuron_gradient_descent")
    assert gd["large_rate_growth_per_step"] == pytest.approx(factor**2, rel=1e-6)


def test_experiment_values(run):
    ns, _ = run
    assert ns["cost_just_below"] == pytest.approx(cost(*least_squares()), abs=1e-6)
    assert ns["cost_just_above"] > 1e10


def test_curvatures_match_a_finite_difference_hessian(run):
    from single_neuron import gradients

    h = 1e-4
    columns = [np.subtract(gradients(1.0 + h, 1.0), gradients(1.0 - h, 1.0)) / (2 * h),
               np.subtract(gradients(1.0, 1.0 + h), gradients(1.0, 1.0 - h)) / (2 * h)]
    eigenvalues = np.linalg.eigvalsh(np.column_stack(columns))
    assert eigenvalues == pytest.approx([run[0]["gentlest_curvature"],
                                         run[0]["steepest_curvature"]], rel=1e-6)


def test_doubling_the_inputs_shrinks_the_limit(run):
    ns, _ = run
    assert ns["critical_rate_if_x_doubled"] < ns["critical_learning_rate"] / 3.5
    assert ns["critical_rate_if_x_doubled"] < 0.01  # so 0.01 would diverge on doubled inputs


def test_tex_form_of_the_diverged_cost(run):
    ns, _ = run
    mantissa, power = ns["cost_just_above_tex"].split(r" \times 10^")
    assert float(mantissa) * 10.0 ** int(power.strip("{}")) == pytest.approx(
        ns["cost_just_above"], rel=0.01)
