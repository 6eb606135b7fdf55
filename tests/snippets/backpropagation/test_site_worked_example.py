"""Tests for site_worked_example.py: the hand-worked backpropagation on a 2-2-1 network."""

import numpy as np
import pytest

from support import run_snippet


@pytest.fixture(scope="module")
def run() -> tuple[dict, str]:
    return run_snippet("site_worked_example")


def test_hand_sums_match_network_py(run):
    ns, _ = run
    assert ns["matches_network_py"]


def test_chain_rule_and_finite_differences_agree_to_the_digits_shown(run):
    ns, _ = run
    assert ns["agree_to_digits_shown"]
    assert ns["largest_difference"] < 1e-8


def test_gradients_against_an_independent_autodiff_free_formula(run):
    ns, _ = run
    # The output error written out directly: d/dz (s - 1)^2 = 2 (s - 1) s (1 - s)
    s = ns["a2"]
    assert ns["delta2"] == pytest.approx(2 * (s - 1) * s * (1 - s))
    w1_grad = np.outer(ns["delta1"], ns["x"])
    assert ns["gradients"][("W1", (1, 0))] == pytest.approx(w1_grad[1, 0])


def test_one_step_lowers_the_cost(run):
    ns, out = run
    assert ns["cost_after"] < ns["cost_before"]
    assert ns["gradient_table"] in out and ns["step_table"] in out
    assert len(ns["gradient_table"].splitlines()) == 2 + 9
