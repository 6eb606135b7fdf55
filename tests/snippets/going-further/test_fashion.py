"""Tests for fashion.py: Fashion-MNIST when told where, the digits otherwise."""

import numpy as np
import pytest

import fashion
import network
from practice_support import use_small_mnist
from support import run_snippet


@pytest.fixture
def small(monkeypatch):
    use_small_mnist(monkeypatch)


def per_class_lines(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if line.startswith("  ")]


def test_without_the_variable_it_says_it_uses_the_digits(small, monkeypatch):
    monkeypatch.delenv("FASHION_MNIST_DIR", raising=False)
    _, out = run_snippet("fashion")
    assert out.startswith("FASHION_MNIST_DIR is not set, so this run uses the MNIST digits")
    assert "400 training images; test accuracy " in out
    lines = per_class_lines(out)
    assert sorted(line.split()[1] for line in lines) == [str(d) for d in range(10)]


def test_with_the_variable_it_names_the_classes(small, monkeypatch):
    monkeypatch.setenv("FASHION_MNIST_DIR", "/some/fashion")
    _, out = run_snippet("fashion")
    assert out.startswith("Fashion-MNIST from /some/fashion")
    lines = per_class_lines(out)
    assert {line.rsplit(" ", 1)[0].strip() for line in lines} == set(fashion.CLASSES)
    accuracies = [float(line.rsplit(" ", 1)[1].rstrip("%")) for line in lines]
    assert accuracies == sorted(accuracies)  # worst first


def test_class_accuracies():
    # One weight matrix that copies the input: the predicted class is the largest input
    net = network.Network([np.eye(10)], [np.zeros(10)], "relu", "cross_entropy")
    x = np.eye(10)[[0, 1, 1, 2, *range(3, 10)]]
    labels = np.array([0, 1, 2, 2, *range(3, 10)])
    expected = np.ones(10)
    expected[2] = 0.5  # one of the two 2s looks like a 1
    np.testing.assert_allclose(fashion.class_accuracies(net, x, labels), expected)
