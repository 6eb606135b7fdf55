"""Tests for index_exercises.py: the Home page's exercise answers."""

import math

import pytest

from support import run_snippet


def test_answers():
    ns, out = run_snippet("index_exercises")
    assert ns["terms"] == pytest.approx([0.4, -0.2, -1.0])
    assert ns["hand_z"] == pytest.approx(-0.7)
    assert ns["first_matches"]
    assert ns["half_x3"] == pytest.approx(0.6)
    assert ns["layer_z"] == pytest.approx([-0.7, 1.4])
    assert ns["layer_a"][1] == pytest.approx(1 / (1 + math.exp(-1.4)))
    assert ns["step_x"] == 2.0 and ns["step_a"] == 0.5
    assert out.splitlines() == ["neuron 1: weighted sum z = -0.700, output a = 0.332",
                                "neuron 2: weighted sum z = 1.400, output a = 0.802"]
