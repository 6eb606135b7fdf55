"""Tests for augment_digits.py: changed copies keep the digit and are reproducible."""

import numpy as np
import pytest

import augment_digits as augment
import mnist


def test_copies_come_in_order_and_are_reproducible():
    images = mnist.load()[0][:20]
    copies = augment.augmented(images, copies=2)
    assert copies.shape == (40, 784) and copies.dtype == np.uint8
    assert np.array_equal(copies, augment.augmented(images, copies=2))
    assert not np.array_equal(copies[:20], images)
    assert not np.array_equal(copies[:20], copies[20:])  # each copy changed differently


def bar() -> np.ndarray:
    """A vertical bar, 8 pixels tall and 1 wide, in one 28 x 28 digit (a stack of one)."""
    digit = np.zeros((1, 28, 28), np.float32)
    digit[0, 10:18, 13] = 200
    return digit


def test_shifted_moves_and_wraps_around():
    digit = bar()
    moved = augment.shifted(digit, np.array([[2, -3]]))
    assert moved.sum() == digit.sum()
    assert np.array_equal(np.nonzero(moved[0]), (np.arange(12, 20), np.full(8, 10)))
    wrapped = augment.shifted(digit, np.array([[15, 0]]))  # rows 25-27, then 0-4
    assert sorted(np.nonzero(wrapped[0])[0]) == [0, 1, 2, 3, 4, 25, 26, 27]


def test_turned_by_zero_changes_nothing_and_turns_about_the_middle():
    digit = np.zeros((1, 28, 28), np.float32)
    digit[0, 6:22, 13:15] = 255
    assert np.allclose(augment.turned(digit, np.array([0.0])), digit)
    quarter = augment.turned(digit, np.array([90.0]))[0]
    assert np.allclose(quarter, digit[0].T, atol=1e-3)  # a quarter turn: the bar lies flat
    turned = augment.turned(digit, np.array([12.0]))[0]
    rows, columns = np.nonzero(turned > 50)
    assert abs(rows.mean() - 13.5) < 1 and abs(columns.mean() - 13.5) < 1
    assert turned.sum() == pytest.approx(digit.sum(), rel=0.02)  # ink is moved, not lost
