"""Tests for site_edge_ink.py: the share of a digit's ink that a shift could wrap round."""

import numpy as np

import network
from site_edge_ink import MAX_SHIFT, edge_ink_shares


def test_share_counts_only_the_outer_frame():
    image = np.zeros((1, 28, 28))
    image[0, 14, 14] = 3  # middle: never wraps
    image[0, 0, 5] = 1  # top row
    image[0, 20, 27] = 1  # last column
    image[0, 2, 2] = 5  # just inside a two-pixel frame
    assert edge_ink_shares(image.reshape(1, -1)) == [2 / 10]


def translated(square: np.ndarray, down: int, right: int) -> np.ndarray:
    """The square moved without wrapping: what leaves an edge is lost, zeros come in."""
    padded = np.pad(square, MAX_SHIFT)
    side = square.shape[0]
    top, left = MAX_SHIFT - down, MAX_SHIFT - right
    return padded[top:top + side, left:left + side]


def test_a_blank_frame_means_no_shifted_copy_wraps_ink():
    """Every copy network.shifted makes of such a digit is a plain translation."""
    square = np.zeros((28, 28), dtype=np.float32)
    square[MAX_SHIFT:-MAX_SHIFT, MAX_SHIFT + 3:-MAX_SHIFT] = np.arange(24 * 21).reshape(24, 21)
    assert edge_ink_shares(square.reshape(1, -1)) == [0]
    copies = network.shifted(np.tile(square.reshape(1, -1), (50, 1)), np.random.default_rng(0))
    moves = range(-MAX_SHIFT, MAX_SHIFT + 1)
    for copy in copies.reshape(-1, 28, 28):
        assert any(np.array_equal(copy, translated(square, down, right))
                   for down in moves for right in moves)


def test_build_result_on_the_sample(snippet_results):
    values = snippet_results["site_edge_ink"].values
    assert values["n_images"] == 5000
    assert 0.5 < values["blank_frame"] < 1 and 0 < values["largest_share"] < 0.5
