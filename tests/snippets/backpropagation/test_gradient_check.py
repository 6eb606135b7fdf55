"""Tests for gradient_check.py: the table it prints, and that the check can fail."""

import numpy as np
import pytest

import gradient_check
import network
from support import run_snippet


@pytest.fixture(scope="module")
def run() -> tuple[dict, str]:
    return run_snippet("gradient_check")


def table_errors(table: str) -> list[float]:
    """Every relative error in the Markdown table, read back from its text."""
    rows = [line.split("|")[1:-1] for line in table.splitlines()[2:]]
    return [float(cell) for row in rows for cell in row[2:]]


def test_prints_the_table_then_the_slip(run):
    ns, out = run
    assert out.startswith(ns["table"] + "\n")
    assert out.strip().endswith(f"largest relative error {ns['bug_error']:.2f}")
    assert len(ns["table"].splitlines()) == 2 + len(gradient_check.CASES)


def test_every_case_agrees_to_better_than_one_in_a_million(run):
    ns, _ = run
    errors = table_errors(ns["table"])
    assert len(errors) == 2 * len(gradient_check.CASES)
    assert max(errors) < 1e-6
    assert ns["worst_error"] == pytest.approx(max(errors), rel=0.05)  # table shows 2 digits
    assert ns["worst_error_tex"] == gradient_check.tex_power_of_ten(ns["worst_error"])


def test_tex_power_of_ten():
    assert gradient_check.tex_power_of_ten(3.14e-8) == r"3.1 \times 10^{-8}"
    assert gradient_check.tex_power_of_ten(2.5e-10) == r"2.5 \times 10^{-10}"


def test_the_slip_is_caught(run):
    ns, _ = run
    n = gradient_check.BATCH
    assert ns["bug_error"] == pytest.approx((n - 1) / (n + 1), rel=1e-6)


def test_quoted_sizes(run):
    ns, _ = run
    net, _, _ = gradient_check.tiny_problem("relu", "quadratic")
    assert ns["n_checked"] == sum(p.size for p in net.weights + net.biases)
    assert 10.0 ** ns["step_exponent"] == pytest.approx(gradient_check.STEP)


def test_relative_error():
    a = np.array([1.0, -2.0, 0.0])
    assert gradient_check.relative_error(a, a) == 0
    assert gradient_check.relative_error(a, -a) == 1
    assert gradient_check.relative_error(a, a * 1.01) == pytest.approx(0.01 / 2.01)


def test_estimate_is_independent_of_backprop():
    """The finite differences give the right slope of a cost we can differentiate by hand."""
    net = network.Network([np.array([[0.5, -1.0]])], [np.array([0.25])], "relu", "quadratic")
    x, labels = np.array([[1.0, 2.0]]), np.array([0])
    grad_w, grad_b = gradient_check.numerical_gradients(net, x, labels)
    z = 0.5 * 1 - 1.0 * 2 + 0.25  # one sigmoid output, target 1: C = (a - 1)^2
    a = 1 / (1 + np.exp(-z))
    delta = 2 * (a - 1) * a * (1 - a)
    np.testing.assert_allclose(grad_w[0], [[delta * 1, delta * 2]], rtol=1e-7)
    np.testing.assert_allclose(grad_b[0], [delta], rtol=1e-7)
