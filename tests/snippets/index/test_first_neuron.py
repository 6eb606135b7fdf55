"""Tests for first_neuron.py: one neuron computed by hand."""

import math

import numpy as np

from first_neuron import sigmoid
from support import run_snippet


def test_sigmoid_matches_the_formula_and_stays_in_range():
    z = np.array([-30.0, -1.0, 0.0, 2.0, 30.0])
    assert np.allclose(sigmoid(z), [1 / (1 + math.exp(-v)) for v in z])
    assert sigmoid(np.array(0.0)) == 0.5
    assert np.all((sigmoid(z) > 0) & (sigmoid(z) < 1))


def test_script_prints_the_weighted_sum_and_output():
    namespace, out = run_snippet("first_neuron")
    z = 0.1 + 0.8 * 0.5 + 0.2 * -1.0 + -0.5 * 2.0  # bias + weights . inputs, by hand
    assert math.isclose(namespace["weighted_sum"], z)
    a = 1 / (1 + math.exp(-z))
    assert math.isclose(namespace["output"], a)
    assert out == f"weighted sum z = {z:.3f}, output a = sigmoid(z) = {a:.3f}\n"
