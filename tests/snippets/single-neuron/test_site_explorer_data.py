"""Tests for site_explorer_data.py: the explorer's data, exported as JSON."""

import json
from itertools import pairwise

import pytest

import single_neuron as sn
from support import run_snippet


def refuse(constant: str):
    raise ValueError(f"{constant} is not JSON that a browser's JSON.parse accepts")


@pytest.fixture(scope="module")
def run() -> tuple[dict, dict, str]:
    """The script run as the build runs it: its namespace, its parsed JSON, its output."""
    namespace, output = run_snippet("site_explorer_data")
    data = json.loads(namespace["explorer_json"], parse_constant=refuse)
    return namespace, data, output


def test_points_and_start_are_the_pages(run):
    _, data, _ = run
    assert data["x"] == sn.X.tolist() and data["y"] == sn.Y.tolist()
    assert data["start"] == {"w": sn.START_W, "b": sn.START_B}


def test_slider_rates_are_log_spaced_and_include_the_pages_three(run):
    _, data, _ = run
    rates = data["rates"]
    assert rates == sorted(rates) and len(set(rates)) == len(rates)
    assert set(sn.LEARNING_RATES) <= set(rates)
    assert data["defaultRate"] == 0.01 and rates[0] == 0.0001 and rates[-1] == 0.1
    ratios = [later / earlier for earlier, later in pairwise(rates)]
    assert all(1 < ratio <= 1.35 for ratio in ratios)
    # Written as short decimals, so the slider shows "0.012", not "0.012000000000000002".
    assert all(len(repr(rate)) <= 7 for rate in rates)


def test_reference_run_is_pythons_gradient_descent(run):
    _, data, _ = run
    reference = data["reference"]
    assert (reference["rate"], reference["steps"], reference["overflowed"]) == (0.01, 50, False)
    assert reference["path"] == [list(p) for p in sn.gradient_descent(1.0, 1.0, 0.01, 50)]


def test_diverging_run_stops_where_python_stops(run):
    namespace, data, output = run
    diverging = data["diverging"]
    history = sn.gradient_descent(1.0, 1.0, 0.1, 1000)
    assert diverging["overflowed"] and diverging["steps"] == len(history) - 1
    assert diverging["path"] == [list(p) for p in history[:-1]]
    assert namespace["diverging_overflow_step"] == diverging["steps"]
    assert f"overflow at step {diverging['steps']}" in output


def test_least_squares_and_map(run):
    _, data, _ = run
    w, b = sn.least_squares()
    assert data["leastSquares"] == {"w": w, "b": b, "cost": sn.cost(w, b)}
    assert data["map"]["w"][0] < w < data["map"]["w"][1]
    assert data["map"]["b"][0] < b < data["map"]["b"][1]
    assert data["levels"] == sorted(data["levels"])


def test_json_is_safe_inside_a_script_element_and_a_page(run):
    namespace, _, _ = run
    text = namespace["explorer_json"]
    assert "</" not in text and "<!--" not in text  # cannot end the <script> early
    assert "{{" not in text  # cannot look like a placeholder to the build
    assert len(text) < 20_000
