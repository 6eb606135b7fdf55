"""Tests for site_neuron_small_step.py: the first-order prediction of a step's cost change."""

import pytest

from support import run_snippet


def test_tiny_step_matches_the_prediction():
    ns, _ = run_snippet("site_neuron_small_step")
    assert ns["tiny_actual"] < 0
    assert ns["tiny_actual"] == pytest.approx(ns["tiny_predicted"], rel=0.05)


def test_prediction_is_minus_rate_times_squared_gradient():
    ns, out = run_snippet("site_neuron_small_step")
    predicted, _ = ns["cost_change"](0.5)
    assert predicted == pytest.approx(-0.5 * (ns["dcost_dw"] ** 2 + ns["dcost_db"] ** 2))
    assert "predicted" in out
