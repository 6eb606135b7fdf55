"""Tests for site_neuron_first_step.py: one step of gradient descent by hand."""

import pytest

from support import run_snippet

POINTS = [(-2.0, 4.4), (3.7, 0.5), (4.7, -0.3), (1.0, 1.4), (3.4, 0.4),
          (1.9, 1.4), (0.5, 2.0), (3.7, 0.5), (-3.7, 5.6), (-1.4, 3.5)]


@pytest.fixture
def run() -> tuple[dict, str]:
    """The script's globals and printed output, run as `__main__`."""
    return run_snippet("site_neuron_first_step")


def test_prints_the_table_and_the_step(run):
    namespace, out = run
    assert namespace["first_step_table"] in out
    assert "cost: 203.4000 -> 118.4032" in out


def test_numbers_match_a_plain_python_computation(run):
    ns, _ = run
    w, b, mu = 1.0, 1.0, 0.01
    residuals = [b + w * x - y for x, y in POINTS]
    dcost_dw = sum(2 * x * r for (x, _), r in zip(POINTS, residuals, strict=True))
    dcost_db = sum(2 * r for r in residuals)
    assert (ns["start_w"], ns["start_b"], ns["first_step_learning_rate"]) == (w, b, mu)
    assert ns["sum_of_residuals"] == pytest.approx(sum(residuals))
    assert ns["cost_before"] == pytest.approx(sum(r * r for r in residuals))
    assert ns["dcost_dw"] == pytest.approx(dcost_dw)
    assert ns["dcost_db"] == pytest.approx(dcost_db)
    assert ns["new_w"] == pytest.approx(w - mu * dcost_dw)
    assert ns["new_b"] == pytest.approx(b - mu * dcost_db)
    new_w, new_b = w - mu * dcost_dw, b - mu * dcost_db
    assert ns["cost_after"] == pytest.approx(sum((new_b + new_w * x - y) ** 2 for x, y in POINTS))


def test_second_step_continues_from_the_first(run):
    ns, _ = run
    from single_neuron import gradient_descent

    history = gradient_descent(1.0, 1.0, 0.01, 2)
    assert (ns["new_w"], ns["new_b"]) == pytest.approx(history[1][:2])
    assert (ns["second_w"], ns["second_b"], ns["cost_after_second_step"]) == pytest.approx(
        history[2])


def test_table_has_a_row_per_point_and_a_sum_row(run):
    ns, _ = run
    lines = ns["first_step_table"].splitlines()
    assert len(lines) == 2 + 10 + 1
    assert lines[-1].startswith("| **sum** |")
    assert lines[-1].split("|")[-4:-1] == [" 203.40 ", " 246.10 ", " 4.80 "]
