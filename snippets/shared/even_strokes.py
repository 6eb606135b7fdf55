"""Even strokes: bring every digit's pen nearer one width before a network reads it.

A felt pen, a fine biro and a finger on a phone leave strokes of very
different widths, but a network trained on MNIST has seen mostly MNIST's
narrow pens and may read a broad 1 as an 8. So we measure each digit's
stroke width and thin or thicken it towards ``TARGET_WIDTH``, in the
training images and in yours alike.

The width comes from two counts on the pixels that are clearly ink: a
stroke ``w`` pixels wide and ``L`` long covers about ``w * L`` pixels, and
its outline (the pixel edges between ink and paper) is about ``2 * L``
long, so ``w`` is about twice the area over the outline. One step of
thinning gives every pixel the value of the weakest of itself and its four
neighbours, which takes a pixel off each side of a stroke (two off its
width); thickening takes the strongest instead. A step is taken in part,
by blending, so the width moves roughly in proportion to how far it is
off, by at most one whole step either way. Limits: the width is an
average over the digit, so a digit with one broad and one fine stroke gets
both changed alike; thinning can erase a hairline part of a broad digit or
break a loop, and thickening can close a hole or gap up to two pixels wide.
Ink on the square's edge adds no outline there (MNIST's digits keep clear
of it). Needs NumPy only; the counts are whole numbers and the rest is done
in float64, so the browser gets exactly the same pixels.
"""

# %% Measure the strokes, then thin or thicken them
# --8<-- [start:even]
import numpy as np

from straighten_digits import straightened

SIDE = 28  # MNIST digits are 28 x 28 pixels
INK = 128  # a pixel this strong or stronger counts as ink when measuring
TARGET_WIDTH = 2.5  # pixels; chosen on practice sets, see the practice page
BLOCK = 500  # digits prepared at a time (see as_networks_read)


def stroke_widths(digits: np.ndarray) -> np.ndarray:
    """Each digit's average stroke width in pixels: twice its ink's area over its outline."""
    ink = digits.reshape(-1, SIDE, SIDE) >= INK
    area = ink.sum(axis=(1, 2))
    outline = ((ink[:, 1:, :] != ink[:, :-1, :]).sum(axis=(1, 2))  # edges between rows
               + (ink[:, :, 1:] != ink[:, :, :-1]).sum(axis=(1, 2)))  # and between columns
    return 2 * area / np.maximum(outline, 1)  # a blank digit: width 0


def toward_neighbours(digits: np.ndarray, amount: np.ndarray, pick) -> np.ndarray:
    """Each pixel moved `amount` (one per digit) of the way to the `pick` of it and its neighbours.

    `pick` is np.maximum (thicker: each pixel as strong as its strongest
    neighbour) or np.minimum (thinner); the neighbours are the 4 pixels above,
    below, left and right, and outside the square is paper (0).
    """
    framed = np.pad(digits, [(0, 0), (1, 1), (1, 1)])
    neighbours = [framed[:, 1:-1, :-2], framed[:, 1:-1, 2:],  # left, right
                  framed[:, :-2, 1:-1], framed[:, 2:, 1:-1]]  # above, below
    return digits + amount[:, None, None] * (pick.reduce([digits, *neighbours]) - digits)


def evened(digits: np.ndarray) -> np.ndarray:
    """The (n, 784) or (784,) digits with their strokes brought towards TARGET_WIDTH, as uint8."""
    steps = np.clip((TARGET_WIDTH - stroke_widths(digits)) / 2, -1, 1)  # + thicker, - thinner
    pixels = digits.reshape(-1, SIDE, SIDE).astype(np.float64)
    pixels = toward_neighbours(pixels, np.maximum(steps, 0), np.maximum)
    pixels = toward_neighbours(pixels, np.maximum(-steps, 0), np.minimum)
    return np.round(pixels).astype(np.uint8).reshape(np.shape(digits))


def as_networks_read(digits: np.ndarray) -> np.ndarray:
    """Prepared digits as both of the site's networks read them: evened, then straightened.

    BLOCK digits at a time: all at once, every step would need tens of MB of
    fresh memory, and getting it took longer than the arithmetic.
    """
    rows = digits.reshape(-1, SIDE * SIDE)
    parts = [rows[start:start + BLOCK] for start in range(0, len(rows), BLOCK)]
    return np.concatenate([straightened(evened(part)) for part in parts]).reshape(np.shape(digits))


# --8<-- [end:even]
