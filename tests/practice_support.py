"""Helpers for the tests of the "Practice: MNIST" snippets, and the small MNIST they train on.

Training on the whole bundled sample takes seconds per model, so these tests
train on a small class-balanced subset of it instead: the snippets read MNIST
through `mnist.load()`, which `use_small_mnist` swaps for the subset.
`write_small_mnist` stores the same subset as MNIST's four files, for code
that reads MNIST through a copy of mnist.py of its own, which that swap does
not reach (the pages' code blocks and notebooks).
`shows_digit_pairs` checks the figures that show digits before and after a step;
`in_shadow` darkens part of a grey picture, as a shadow over a photo would.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

import mnist
from support import MNIST_SAMPLE

TRAIN_PER_DIGIT, TEST_PER_DIGIT = 40, 20
LOAD = mnist.load  # the real loader, kept before any test swaps it


@cache
def small_mnist() -> mnist.Arrays:
    """The first 40 training and 20 test images of every digit from the bundled sample."""
    training_images, training_labels, test_images, test_labels = LOAD(MNIST_SAMPLE)
    train = _first_of_each(training_labels, TRAIN_PER_DIGIT)
    test = _first_of_each(test_labels, TEST_PER_DIGIT)
    return training_images[train], training_labels[train], test_images[test], test_labels[test]


def _first_of_each(labels: np.ndarray, count: int) -> np.ndarray:
    return np.sort(np.concatenate([np.flatnonzero(labels == d)[:count] for d in range(10)]))


def write_small_mnist(folder: Path) -> Path:
    """`small_mnist()` as four gzipped IDX files in `folder`, named as MNIST's: a data folder."""
    training_images, training_labels, test_images, test_labels = small_mnist()
    files = {mnist.TRAIN_IMAGES: _idx(training_images.reshape(-1, 28, 28), mnist.IMAGE_MAGIC),
             mnist.TRAIN_LABELS: _idx(training_labels, mnist.LABEL_MAGIC),
             mnist.TEST_IMAGES: _idx(test_images.reshape(-1, 28, 28), mnist.IMAGE_MAGIC),
             mnist.TEST_LABELS: _idx(test_labels, mnist.LABEL_MAGIC)}
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / f"{name}.gz").write_bytes(gzip.compress(data, mtime=0))
    return folder


def _idx(array: np.ndarray, magic: int) -> bytes:
    """An IDX file: the magic number, each dimension's size (4 bytes, big-endian), the bytes."""
    header = b"".join(n.to_bytes(4, "big") for n in (magic, *array.shape))
    return header + array.astype(np.uint8).tobytes()


def use_small_mnist(monkeypatch) -> None:
    """Make every `mnist.load()` return the small subset (copies, so nothing leaks)."""
    monkeypatch.setattr(mnist, "load", lambda *_args, **_kwargs: tuple(
        array.copy() for array in small_mnist()))



def shows_digit_pairs(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Assert that the one open figure shows `before` on top and `after` below; its axes."""
    (figure,) = [plt.figure(number) for number in plt.get_fignums()]
    axes = np.array(figure.axes).reshape(2, len(before))
    for column, pair in enumerate(zip(before, after, strict=True)):
        for row, digit in enumerate(pair):
            np.testing.assert_array_equal(axes[row, column].images[0].get_array(),
                                          digit.reshape(28, 28))
    return axes


def in_shadow(grey: np.ndarray) -> np.ndarray:
    """The (height, width) uint8 picture with a shadow over its right half and its bottom
    third, darker where the two overlap."""
    height, width = grey.shape
    factor = np.ones((height, width))
    factor[:, width // 2:] *= 0.6
    factor[2 * height // 3:, :] *= 0.7
    return np.round(grey * factor).astype(np.uint8)
