"""Tests for theory_exercises.py: the Theory page's exercise answers."""

import pytest

from support import run_snippet


def test_answers():
    ns, _ = run_snippet("theory_exercises")
    assert ns["hand_z"] == pytest.approx(0.5)
    assert 0.62 < ns["hand_a"] < 0.63
    assert ns["workshop_parameters"] == 11_350
    assert ns["scratch_parameters"] == 784 * 256 + 256 + 256 * 10 + 10
    assert ns["linear_difference"] < 1e-12
