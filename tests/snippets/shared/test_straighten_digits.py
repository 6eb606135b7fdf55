"""Tests for straighten_digits.py: slanted strokes come out upright, upright ones unchanged."""

import numpy as np
import pytest

import mnist
from straighten_digits import slants, straightened


def slanted_bar(slant: float) -> np.ndarray:
    """A (784,) stroke 16 rows tall, 3 pixels wide, leaning `slant` columns per row."""
    digit = np.zeros((28, 28), np.uint8)
    for row in range(6, 22):
        column = round(13 + slant * (row - 13.5))
        digit[row, column - 1 : column + 2] = 255
    return digit.ravel()


def ink_columns(digit: np.ndarray) -> np.ndarray:
    """The centre of mass of each row's ink (rows without ink left out)."""
    square = digit.reshape(28, 28).astype(float)
    rows = square[square.sum(axis=1) > 0]
    return rows @ np.arange(28) / rows.sum(axis=1)


def test_an_upright_stroke_is_left_as_it_is():
    bar = slanted_bar(0)
    assert np.array_equal(straightened(bar), bar)


@pytest.mark.parametrize("slant", [-0.5, -0.25, 0.3, 0.6])
def test_a_slanted_stroke_comes_out_upright(slant):
    straight = straightened(slanted_bar(slant))
    assert np.ptp(ink_columns(slanted_bar(slant))) > 3  # it did lean
    # Every row's ink in the same column, give or take the half pixel of the drawn steps.
    assert np.ptp(ink_columns(straight)) < 1.5
    assert ink_columns(straight).mean() == pytest.approx(ink_columns(slanted_bar(slant)).mean(),
                                                         abs=0.5)  # not moved sideways


def test_slant_matches_numpy_weighted_covariance():
    """An independent reference: np.cov of the pixel positions, weighted by their ink."""
    digits = mnist.load()[2][:20]
    rows, columns = np.indices((28, 28)).reshape(2, -1)
    slant, mean_row = slants(digits)
    for digit, got, got_row in zip(digits, slant, mean_row, strict=True):
        covariance = np.cov(rows, columns, aweights=digit.astype(float), bias=True)
        assert got == pytest.approx(covariance[0, 1] / covariance[0, 0], rel=1e-9)
        assert got_row == pytest.approx(np.average(rows, weights=digit), rel=1e-12)


def test_shapes_and_blank_digits():
    digits = mnist.load()[2][:5]
    assert straightened(digits).shape == (5, 784) and straightened(digits).dtype == np.uint8
    assert straightened(digits[0]).shape == (784,)
    assert np.array_equal(straightened(digits[0]), straightened(digits)[0])
    assert not straightened(np.zeros(784, np.uint8)).any()
