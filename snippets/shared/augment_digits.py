"""More training digits from the same ones: shifted and turned.

People hold the pen at an angle and place digits a little off; MNIST's
training images show only some of that. Each copy ``augmented(images)``
returns is every training image moved by up to ``MAX_SHIFT`` pixels and
turned by up to ``MAX_TURN`` degrees. The labels stay the same: a turned 7
is still a 7. Limits: nothing here changes a digit's shape or its pen
(even_strokes.py evens the pen instead) or mimics paper and light
(prepare_digit.py removes those).
Every step works on many digits at once, as NumPy arrays, because a
Python loop over tens of thousands of digits is slow; a few hundred at a
time, because arrays of all of them are slow to make. Needs NumPy only; the
same seed gives the same copies.
"""

# %% Imports and settings
# --8<-- [start:augment]
import numpy as np

MAX_SHIFT = 2  # pixels, in any direction
MAX_TURN = 12  # degrees, either way
SEED = 0
COPIES = 2  # changed copies of each training image
BLOCK = 500  # digits changed at a time (see augmented)


def shifted(digits: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    """Each 28 x 28 digit moved by its own (rows, columns); what leaves a side enters opposite."""
    index = np.arange(28)
    rows = (index - shifts[:, :1]) % 28  # row r of a moved digit is row r - shift of the original
    columns = (index - shifts[:, 1:]) % 28
    which = np.arange(len(digits))[:, np.newaxis, np.newaxis]
    return digits[which, rows[:, :, np.newaxis], columns[:, np.newaxis, :]]


def turned(digits: np.ndarray, degrees: np.ndarray) -> np.ndarray:
    """Each 28 x 28 digit turned about its middle by its own angle, mixing the 4 nearest pixels.

    For every pixel of a turned digit, turn its position back to find where it
    comes from in the original, then blend the four pixels around that point,
    each weighted by how near it is (bilinear interpolation); outside is 0.
    """
    angle = np.radians(degrees)[:, np.newaxis, np.newaxis]
    y, x = np.mgrid[0:28, 0:28] - 13.5  # pixel positions, from the middle
    from_x = np.cos(angle) * x - np.sin(angle) * y + 13.5
    from_y = np.sin(angle) * x + np.cos(angle) * y + 13.5
    left, top = np.floor(from_x).astype(int), np.floor(from_y).astype(int)
    right_share, lower_share = from_x - left, from_y - top
    framed = np.pad(digits.astype(np.float32), [(0, 0), (1, 1), (1, 1)])  # a frame of 0s
    which = np.arange(len(digits))[:, np.newaxis, np.newaxis]

    def pixel(row: np.ndarray, column: np.ndarray) -> np.ndarray:
        """The pixel at (row, column) of each digit; outside the digit, the frame's 0."""
        return framed[which, row.clip(-1, 28) + 1, column.clip(-1, 28) + 1]

    upper = (1 - right_share) * pixel(top, left) + right_share * pixel(top, left + 1)
    lower = (1 - right_share) * pixel(top + 1, left) + right_share * pixel(top + 1, left + 1)
    return (1 - lower_share) * upper + lower_share * lower


def augmented(images: np.ndarray, copies: int = COPIES, seed: int = SEED) -> np.ndarray:
    """`copies` changed copies of every (784,) image, one after the other, as uint8."""
    rng = np.random.default_rng(seed)
    digits = np.tile(images.reshape(-1, 28, 28).astype(np.float32), (copies, 1, 1))
    count = len(digits)
    shifts = rng.integers(-MAX_SHIFT, MAX_SHIFT + 1, size=(count, 2))
    angles = rng.uniform(-MAX_TURN, MAX_TURN, size=count)
    # BLOCK digits at a time: all at once, every step would need tens of MB of fresh
    # memory, and getting it took longer than the arithmetic.
    parts = [slice(start, start + BLOCK) for start in range(0, count, BLOCK)]
    changed = np.concatenate([turned(shifted(digits[part], shifts[part]), angles[part])
                              for part in parts])
    return np.clip(np.round(changed), 0, 255).astype(np.uint8).reshape(-1, 784)


def with_copies(images: np.ndarray, labels: np.ndarray,
                copies: int = COPIES) -> tuple[np.ndarray, np.ndarray]:
    """The images followed by `copies` changed copies of them, with their labels."""
    return np.concatenate([images, augmented(images, copies)]), np.tile(labels, copies + 1)


# --8<-- [end:augment]
