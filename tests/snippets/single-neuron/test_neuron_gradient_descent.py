"""Tests for neuron_gradient_descent.py: three learning rates and least squares."""

import numpy as np
import pytest

from support import run_snippet


@pytest.fixture
def run() -> tuple[dict, str]:
    """The script's globals and printed output, run as `__main__`."""
    return run_snippet("neuron_gradient_descent")


def test_prints_every_table(run):
    ns, out = run
    for name in ("small_rate_table", "medium_rate_table", "large_rate_table", "comparison_table"):
        assert ns[name] in out, name
    assert out.startswith("after 100 steps: w = -0.6786, b = 2.7408, C = 1.0204")


def test_least_squares_values(run):
    ns, _ = run
    # Independent: NumPy's general least-squares solver on the design matrix [x, 1].
    x = np.array([-2.0, 3.7, 4.7, 1.0, 3.4, 1.9, 0.5, 3.7, -3.7, -1.4])
    y = np.array([4.4, 0.5, -0.3, 1.4, 0.4, 1.4, 2.0, 0.5, 5.6, 3.5])
    (w, b), residual_sum, *_ = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y)
    assert ns["w_least_squares"] == pytest.approx(w, abs=1e-12)
    assert ns["b_least_squares"] == pytest.approx(b, abs=1e-12)
    assert ns["cost_least_squares"] == pytest.approx(residual_sum[0], rel=1e-10)


def test_convergence_speeds(run):
    ns, _ = run
    assert ns["tolerance"] == 1e-4
    assert 0 < ns["medium_rate_steps_to_converge"] <= 100
    assert 100 < ns["small_rate_steps_to_converge"] <= ns["max_steps"]
    assert 10 < ns["large_rate_overflow_step"] < ns["max_steps"]
    assert ns["large_rate_growth_per_step"] > 100


def test_values_after_100_steps(run):
    ns, _ = run
    assert ns["compared_step"] == 100
    assert abs(ns["medium_rate_w"] - ns["w_least_squares"]) < 1e-4
    assert abs(ns["small_rate_w"] - ns["w_least_squares"]) > 1e-2
    assert ns["small_rate_cost"] > ns["medium_rate_cost"] >= ns["cost_least_squares"] - 1e-12
    assert ns["large_rate_cost"] > 1e100


def test_checkpoint_tables(run):
    ns, _ = run
    small = ns["small_rate_table"].splitlines()
    large = ns["large_rate_table"].splitlines()
    assert small[0] == "| step | $w$ | $b$ | $C$ |"
    assert [row.split("|")[1].strip() for row in small[2:]] == [str(s) for s in ns["checkpoints"]]
    assert large[-1].startswith(f"| {ns['large_rate_overflow_step']} |")
    assert large[-1].endswith("| overflow |")
    assert "2.1907" in ns["comparison_table"]  # 0.001 after 100 steps: still well above 1.0204
