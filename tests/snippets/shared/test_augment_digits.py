"""Tests for augment_digits.py: changed copies keep the digit and are reproducible."""

import numpy as np

import augment_digits as augment
import mnist


def test_copies_come_in_order_and_are_reproducible():
    images = mnist.load()[0][:20]
    copies = augment.augmented(images, copies=2)
    assert copies.shape == (40, 784) and copies.dtype == np.uint8
    assert np.array_equal(copies, augment.augmented(images, copies=2))
    assert not np.array_equal(copies[:20], images)


def test_bolder_only_adds_ink_and_shifted_keeps_it():
    digit = np.zeros((28, 28), np.float32)
    digit[10:18, 13] = 200
    rng = np.random.default_rng(0)
    assert np.array_equal(augment.bolder(digit, 0), digit)
    bold = augment.bolder(digit, 1)
    assert (bold >= digit).all() and (bold > 0).sum() == 8 * 3 + 2
    assert augment.shifted(digit, rng).sum() == digit.sum()


def test_turned_keeps_the_digit_in_the_middle():
    digit = np.zeros((28, 28), np.float32)
    digit[6:22, 13:15] = 255
    turned = augment.turned(digit, np.random.default_rng(1))
    rows, columns = np.nonzero(turned > 50)
    assert abs(rows.mean() - 13.5) < 1 and abs(columns.mean() - 13.5) < 1
