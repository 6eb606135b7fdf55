"""Tests for backprop_exercises.py: the answers to Backpropagation at work's exercises."""

import pytest

from support import run_snippet


def test_answers():
    ns, out = run_snippet("backprop_exercises")
    example = ns["example"]
    assert ns["relu_delta1"][0] == pytest.approx(0.6 * example.delta2)
    assert ns["cost_after_one"] == pytest.approx(example.cost_after)
    assert ns["cost_after_steps"] < ns["cost_after_one"]
    # ReLU's slope 1 against the sigmoid's a (1 - a) <= 1/4
    assert all(ratio >= 4 for ratio in ns["relu_to_sigmoid"])
    assert ns["hidden_rows_equal"]
    assert "after 100 steps" in out
