"""Tests for single_neuron.py: the data, the maths and gradient descent."""

import math
import warnings
from itertools import pairwise

import numpy as np
import pytest

import single_neuron as sn
from support import run_snippet

# The table in the original workshop, typed in independently of the snippet.
WORKSHOP_POINTS = [(-2.0, 4.4), (3.7, 0.5), (4.7, -0.3), (1.0, 1.4), (3.4, 0.4),
                   (1.9, 1.4), (0.5, 2.0), (3.7, 0.5), (-3.7, 5.6), (-1.4, 3.5)]


def normal_equations() -> tuple[float, float]:
    """Least squares for y = b + w x from the textbook closed form, in plain Python."""
    n = len(WORKSHOP_POINTS)
    sx = sum(x for x, _ in WORKSHOP_POINTS)
    sy = sum(y for _, y in WORKSHOP_POINTS)
    sxx = sum(x * x for x, _ in WORKSHOP_POINTS)
    sxy = sum(x * y for x, y in WORKSHOP_POINTS)
    w = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    return w, (sy - w * sx) / n


def plain_cost(w: float, b: float) -> float:
    return sum((b + w * x - y) ** 2 for x, y in WORKSHOP_POINTS)


def test_data_is_the_workshop_table():
    assert list(zip(sn.X, sn.Y, strict=True)) == WORKSHOP_POINTS


def test_least_squares_matches_the_normal_equations():
    w, b = sn.least_squares()
    w_ref, b_ref = normal_equations()
    assert w == pytest.approx(w_ref, abs=1e-12)
    assert b == pytest.approx(b_ref, abs=1e-12)


def test_least_squares_matches_the_workshop_facts():
    w, b = sn.least_squares()
    assert (round(w, 4), round(b, 4), round(sn.cost(w, b), 4)) == (-0.6786, 2.7408, 1.0204)


@pytest.mark.parametrize(("w", "b"), [(1.0, 1.0), (-0.5, 2.0), (3.0, -4.0), (0.0, 0.0)])
def test_cost_matches_a_plain_python_sum(w, b):
    assert sn.cost(w, b) == pytest.approx(plain_cost(w, b), rel=1e-12)


@pytest.mark.parametrize(("w", "b"), [(1.0, 1.0), (-0.5, 2.0), (3.0, -4.0), (0.0, 0.0)])
def test_gradients_match_central_finite_differences(w, b):
    h = 1e-5
    numeric_w = (sn.cost(w + h, b) - sn.cost(w - h, b)) / (2 * h)
    numeric_b = (sn.cost(w, b + h) - sn.cost(w, b - h)) / (2 * h)
    dcost_dw, dcost_db = sn.gradients(w, b)
    assert dcost_dw == pytest.approx(numeric_w, rel=1e-6, abs=1e-6)
    assert dcost_db == pytest.approx(numeric_b, rel=1e-6, abs=1e-6)


def test_gradients_vanish_at_the_least_squares_solution():
    dcost_dw, dcost_db = sn.gradients(*sn.least_squares())
    assert abs(dcost_dw) < 1e-9 and abs(dcost_db) < 1e-9


def test_one_step_moves_against_the_gradient_and_lowers_the_cost():
    dcost_dw, dcost_db = sn.gradients(1.0, 1.0)
    w, b = sn.gradient_step(1.0, 1.0, 0.01)
    assert (w, b) == pytest.approx((1.0 - 0.01 * dcost_dw, 1.0 - 0.01 * dcost_db))
    assert sn.cost(w, b) < sn.cost(1.0, 1.0)


def test_history_starts_at_the_start_and_has_one_entry_per_step():
    history = sn.gradient_descent(1.0, 1.0, 0.01, 7)
    assert len(history) == 8
    assert history[0] == (1.0, 1.0, pytest.approx(plain_cost(1.0, 1.0)))
    assert all(c == pytest.approx(sn.cost(w, b)) for w, b, c in history)


def test_rate_0_01_reaches_least_squares_within_100_steps():
    w_ls, b_ls = normal_equations()
    history = sn.gradient_descent(1.0, 1.0, 0.01, 100)
    w, b, c = history[-1]
    assert abs(w - w_ls) < 1e-4 and abs(b - b_ls) < 1e-4
    assert c == pytest.approx(plain_cost(w_ls, b_ls), abs=1e-6)


def test_rate_0_01_lowers_the_cost_at_every_step():
    costs = [c for _, _, c in sn.gradient_descent(1.0, 1.0, 0.01, 200)]
    # (allowing for rounding once it sits at the minimum)
    assert all(later <= earlier + 1e-12 for earlier, later in pairwise(costs))


def test_rate_0_01_overshoots_first():
    # w starts at 1, the answer is about -0.68: the first step jumps past it.
    w_ls, _ = normal_equations()
    assert sn.gradient_descent(1.0, 1.0, 0.01, 1)[1][0] < w_ls


def test_rate_0_001_is_still_measurably_short_after_100_steps():
    w_ls, b_ls = normal_equations()
    w, b, c = sn.gradient_descent(1.0, 1.0, 0.001, 100)[-1]
    assert abs(w - w_ls) > 1e-2 and abs(b - b_ls) > 1e-2
    assert c > plain_cost(w_ls, b_ls) + 0.1
    w, b, _ = sn.gradient_descent(1.0, 1.0, 0.001, 1000)[-1]
    assert abs(w - w_ls) < 1e-4 and abs(b - b_ls) < 1e-4


def test_rate_0_1_grows_without_bound():
    costs = [c for _, _, c in sn.gradient_descent(1.0, 1.0, 0.1, 60)]
    assert all(later > earlier for earlier, later in pairwise(costs))
    assert costs[-1] > 1e10


def test_rate_0_1_stops_cleanly_at_overflow_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = sn.gradient_descent(1.0, 1.0, 0.1, 1000)
    assert len(history) < 1001
    assert not math.isfinite(history[-1][2])
    assert all(math.isfinite(c) for _, _, c in history[:-1])


@pytest.mark.parametrize(("value", "text"), [(1.23456, "1.2346"), (-0.5, "-0.5000"),
                                             (123456.0, "1.235e+05"), (math.inf, "overflow"),
                                             (np.nan, "overflow")])
def test_format_number(value, text):
    assert sn.format_number(value) == text


def test_format_cell_keeps_text_and_formats_numbers():
    assert [sn.format_cell(value) for value in ("x", 2.5, 1e6)] == ["x", "2.5000", "1.000e+06"]


def test_runs_as_main():
    _, out = run_snippet("single_neuron")
    assert "least squares:    w = -0.6786, b = 2.7408, C = 1.0204" in out
    assert "gradient descent: w = -0.6786, b = 2.7408, C = 1.0204" in out
