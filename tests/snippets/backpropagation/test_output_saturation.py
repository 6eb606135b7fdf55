"""Tests for output_saturation.py: both output errors, from network.py, as in the maths."""

import numpy as np
import pytest

import output_saturation
from support import run_snippet


@pytest.fixture(scope="module")
def run() -> tuple[dict, str]:
    return run_snippet("output_saturation")


def test_rows_are_probabilities():
    rows = output_saturation.output_rows([0.5, 0.01], n_classes=4)
    np.testing.assert_allclose(rows.sum(axis=1), 1)
    np.testing.assert_allclose(rows[:, 0], [0.5, 0.01])


def test_deltas_match_the_formulas():
    a = np.array(output_saturation.RIGHT_OUTPUTS)
    quadratic = output_saturation.right_class_deltas("quadratic", list(a))
    softmax = output_saturation.right_class_deltas("cross_entropy", list(a))
    np.testing.assert_allclose(quadratic, 2 * (a - 1) * a * (1 - a), rtol=1e-12)
    np.testing.assert_allclose(softmax, a - 1, rtol=1e-12)


def test_the_worse_the_answer_the_weaker_the_quadratic_push(run):
    ns, out = run
    assert out.strip() == ns["table"]
    assert len(ns["table"].splitlines()) == 2 + len(output_saturation.RIGHT_OUTPUTS)
    # Below a = 1/3 the quadratic cost's error shrinks as a falls; cross-entropy's grows
    quadratic = output_saturation.right_class_deltas("quadratic", [0.3, 0.1, 0.01, 0.001])
    softmax = output_saturation.right_class_deltas("cross_entropy", [0.3, 0.1, 0.01, 0.001])
    assert np.all(np.diff(np.abs(quadratic)) < 0)
    assert np.all(np.diff(np.abs(softmax)) > 0)
    assert ns["worst_ratio"] == pytest.approx(ns["worst_softmax"] / ns["worst_quadratic"])
    assert ns["worst_ratio"] > 100
