"""The numbers on the built "A single neuron" and "Learning rates" pages, checked against
an independent computation.

Nothing here imports the page's snippets: the data is read back from the
page's own table, and gradient descent and least squares are recomputed in
matrix form (gradient = 2 Xᵀ(Xθ - y), normal equations), a different
formulation from the snippet's two sums. A number matches when it equals the
independent value to the precision the page prints it with.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from page_tables import read_page


@pytest.fixture(scope="module")
def page(built_site) -> list:
    """Both pages of the lesson, one after the other: the data is on the first."""
    return [item for name in ("single-neuron", "learning-rate")
            for item in read_page((built_site / name / "index.html").read_text())]


def tables_after(page, heading_pattern: str) -> list:
    """Tables that follow each heading matching the pattern, with that heading's match."""
    found, current = [], None
    for kind, value in page:
        if kind == "heading":
            current = re.search(heading_pattern, value)
        elif current:
            found.append((current, value))
            current = None
    return found


def agrees(shown: str, value: float) -> bool:
    """True when `value` printed the way `shown` is printed would give `shown`."""
    if shown == "overflow":
        return not np.isfinite(value)
    if "e" in shown:
        return abs(float(shown) - value) <= 1e-3 * abs(value)
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    return abs(float(shown) - value) <= 0.5001 * 10.0 ** -decimals


@pytest.fixture(scope="module")
def design(page):
    """X = [1, x] and y, from the data table on the page."""
    rows = next(value for kind, value in page if kind == "table" and value[0][:2] == ["i", "1"])
    (_, *xs), (_, *ys) = rows[1:]  # laid out sideways: a row of x, a row of y
    data = np.array([[float(x), float(y)] for x, y in zip(xs, ys, strict=True)])
    return np.column_stack([np.ones(len(data)), data[:, 0]]), data[:, 1]


def descent(design, rate: float, steps: int) -> list[tuple[float, float, float]]:
    """(w, b, C) after each of `steps` steps from w = b = 1, in matrix form."""
    features, targets = design
    theta = np.array([1.0, 1.0])  # [b, w]
    path = []
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps + 1):
            residual = features @ theta - targets
            path.append((theta[1], theta[0], residual @ residual))
            theta = theta - rate * 2 * features.T @ residual
    return path


def test_data_table_has_ten_points(design):
    assert design[0].shape == (10, 2)


def test_learning_rate_tables_match_independent_descent(page, design):
    tables = tables_after(page, r"\\eta = ([\d.]+)|η = ([\d.]+)")
    assert len(tables) == 3
    for match, rows in tables:
        rate = float(match[1] or match[2])
        path = descent(design, rate, max(int(row[0]) for row in rows[1:]))
        for step, *shown in rows[1:]:
            for text, value in zip(shown, path[int(step)], strict=True):
                assert agrees(text, value), f"rate {rate}, step {step}: {text} vs {value}"


def test_least_squares_row_matches_normal_equations(page, design):
    features, targets = design
    b, w = np.linalg.solve(features.T @ features, features.T @ targets)
    cost = np.sum((features @ [b, w] - targets) ** 2)
    rows = next(v for kind, v in page if kind == "table" and v[0][0] == "method")
    least_squares = next(row for row in rows if row[0].startswith("least squares"))
    for text, value in zip(least_squares[1:], (w, b, cost), strict=True):
        assert agrees(text, value), (text, value)


def test_first_step_table_matches(page, design):
    features, targets = design
    rows = next(v for kind, v in page if kind == "table" and len(v[0]) == 8)
    output = features @ [1.0, 1.0]
    residual = output - targets
    columns = [features[:, 1], targets, output, residual, residual**2,
               2 * features[:, 1] * residual, 2 * residual]
    for index, row in enumerate(r for r in rows[1:] if r[0].isdigit()):
        for text, column in zip(row[1:], columns, strict=True):
            assert agrees(text, column[index]), (index, text, column[index])
