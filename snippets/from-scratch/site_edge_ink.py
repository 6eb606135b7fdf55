"""How much ink a shifted copy can wrap round the edge of an MNIST digit.

network.shifted moves each training image by up to MAX_SHIFT pixels with
np.roll, which turns the square round like a drum: what leaves one edge comes
back at the other. Only the outer MAX_SHIFT rows and columns can wrap round,
so this script measures, on the training images mnist.load() reads (the
bundled sample when the site is built), how often that frame holds any ink
and how large a share of a digit's ink it holds at most. The "From scratch"
page quotes both.
"""

import inspect

import numpy as np

import mnist
import network

# How far network.shifted moves an image by default, read from the code itself.
MAX_SHIFT = inspect.signature(network.shifted).parameters["max_shift"].default


def edge_ink_shares(images: np.ndarray, width: int = MAX_SHIFT) -> np.ndarray:
    """Per image, the share of its ink that lies within `width` pixels of an edge."""
    side = int(np.sqrt(images.shape[1]))
    squares = images.reshape(-1, side, side).astype(np.float64)
    frame = np.ones((side, side), dtype=bool)
    frame[width:-width, width:-width] = False
    return squares[:, frame].sum(axis=1) / squares.sum(axis=(1, 2))


training_images = mnist.load()[0]
shares = edge_ink_shares(training_images)
n_images = len(shares)
blank_frame = float(np.mean(shares == 0))  # fraction of digits with no ink in the frame
largest_share = float(shares.max())
print(f"{blank_frame:.1%} of {n_images:,} digits have no ink within {MAX_SHIFT} pixels of an "
      f"edge; at most {largest_share:.1%} of a digit's ink lies there")
