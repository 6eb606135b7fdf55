"""Tests for site_network_parameters.py: counting weights and biases."""

import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from support import run_snippet


@pytest.fixture
def run() -> tuple[dict, str]:
    return run_snippet("site_network_parameters")


def test_counts_match_scikit_learn(run):
    ns, _ = run
    # The workshop's classifier, fitted for one iteration on random pixels, just to count.
    rng = np.random.default_rng(0)
    classifier = MLPClassifier(hidden_layer_sizes=(14, 14), max_iter=1, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier.fit(rng.random((20, 784)), np.arange(20) % 10)
    assert ns["total_weights"] == sum(c.size for c in classifier.coefs_)
    assert ns["total_biases"] == sum(i.size for i in classifier.intercepts_)
    assert ns["total_parameters"] == 11_350


def test_prints_the_table(run):
    ns, out = run
    assert ns["parameters_table"] in out
    lines = ns["parameters_table"].splitlines()
    assert len(lines) == 2 + 3 + 1
    assert lines[2] == "| hidden 1 | 14 | 784 | 10,976 | 14 |"
    assert 0.9 < ns["first_layer_share"] < 1
