"""Straighten slanted digits: slide each row sideways until the digit stands upright.

People write at a slant, each their own. A network that must also learn every
slant learns each digit's shape from fewer examples, so we take the slant
away before the network sees a digit, in its training images and in yours
alike. This is *deskewing*: MNIST's creators tried some of their methods on a
deskewed copy of MNIST, made by finding the digit's axis nearest the
vertical and shifting the rows to make it vertical.

The slant comes from the ink's *moments*: how far the ink lies from its
centre of mass, up and down (the variance of the rows) and together with
left and right (the covariance of rows and columns). Their ratio is how many
columns the ink moves sideways per row it goes down. ``straightened(digits)``
moves every row back by that much, blending the two nearest pixels of a
shift that falls between them; the centre of mass stays where it was.
Limits: it removes slant only (a digit turned as a whole comes out sheared),
and ink slid past the edge of the 28 x 28 square is lost. Needs NumPy only.
"""

# %% Straighten every digit at once
# --8<-- [start:straighten]
import numpy as np

SIDE = 28  # MNIST digits are 28 x 28 pixels


def slants(digits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each digit's slant (columns per row) and centre-of-mass row, from its ink's moments.

    The sums are whole numbers (ink 0-255 times row and column numbers), so they
    are exact whatever order they are added in, in NumPy or in the browser.
    """
    ink = digits.reshape(-1, SIDE * SIDE).astype(np.int64)
    rows, columns = np.indices((SIDE, SIDE)).reshape(2, -1)
    mass = np.maximum(ink.sum(axis=1), 1)  # a blank digit: no ink, no slant
    mean_row, mean_column = ink @ rows / mass, ink @ columns / mass
    row_variance = ink @ (rows * rows) / mass - mean_row * mean_row
    covariance = ink @ (rows * columns) / mass - mean_row * mean_column
    return covariance / np.maximum(row_variance, 1e-9), mean_row


def straightened(digits: np.ndarray) -> np.ndarray:
    """The (n, 784) or (784,) digits with their slant taken away, as uint8 like MNIST."""
    slant, mean_row = slants(digits)
    ink = np.pad(digits.reshape(-1, SIDE, SIDE).astype(np.float64), [(0, 0), (0, 0), (1, 1)])
    rows, columns = np.indices((SIDE, SIDE))
    # Pixel (row, column) of the straight digit comes from `source` in the same row.
    source = columns + slant[:, None, None] * (rows - mean_row[:, None, None])
    left = np.floor(source).astype(int)
    right_share = source - left
    which = np.arange(len(ink))[:, None, None]

    def pixel(column: np.ndarray) -> np.ndarray:
        """The ink at `column` of each row; beyond the square's sides, none."""
        return ink[which, rows, np.clip(column, -1, SIDE) + 1]

    blended = (1 - right_share) * pixel(left) + right_share * pixel(left + 1)
    return np.round(blended).astype(np.uint8).reshape(np.shape(digits))


# --8<-- [end:straighten]
