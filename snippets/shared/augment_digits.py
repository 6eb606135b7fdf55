"""More training digits from the same ones: shifted, turned and written with a thicker pen.

People hold the pen at an angle, place digits a little off and use fine or
broad pens; MNIST's training images show only some of that. Each copy
``augmented(images)`` returns is every training image moved by up to
``MAX_SHIFT`` pixels, turned by up to ``MAX_TURN`` degrees and, for two
thirds of them, drawn with a bolder stroke. The labels stay the same: a
turned 7 is still a 7. Limits: nothing here makes strokes thinner, changes
a digit's shape or mimics paper and light (prepare_digit.py removes those).
Needs NumPy and Pillow only; the same seed gives the same copies.
"""

# %% Imports and settings
# --8<-- [start:augment]
import numpy as np
from PIL import Image

MAX_SHIFT = 2  # pixels, in any direction
MAX_TURN = 12  # degrees, either way
SEED = 0


def shifted(digit: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A 28 x 28 digit moved up to MAX_SHIFT pixels; what leaves one side enters the other."""
    rows, columns = rng.integers(-MAX_SHIFT, MAX_SHIFT + 1, size=2)
    return np.roll(digit, (rows, columns), axis=(0, 1))


def turned(digit: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A 28 x 28 digit turned about its middle by up to MAX_TURN degrees."""
    image = Image.fromarray(digit.astype(np.float32))
    return np.asarray(image.rotate(rng.uniform(-MAX_TURN, MAX_TURN), Image.Resampling.BILINEAR))


def bolder(digit: np.ndarray, amount: float) -> np.ndarray:
    """Each pixel as strong as its strongest neighbour (amount 1), or halfway there (0.5)."""
    padded = np.pad(digit, 1)
    neighbours = [padded[1:-1, :-2], padded[1:-1, 2:], padded[:-2, 1:-1], padded[2:, 1:-1]]
    strongest = np.maximum.reduce([digit, *neighbours])
    return digit + amount * (strongest - digit)


def augmented(images: np.ndarray, copies: int = 2, seed: int = SEED) -> np.ndarray:
    """`copies` changed copies of every (784,) image, one after the other, as uint8."""
    rng = np.random.default_rng(seed)
    changed = []
    for _ in range(copies):
        for digit in images.reshape(-1, 28, 28).astype(np.float32):
            moved = turned(shifted(digit, rng), rng)
            changed.append(bolder(moved, amount=rng.choice([0, 0.5, 1])))
    return np.clip(np.round(changed), 0, 255).astype(np.uint8).reshape(-1, 784)


# --8<-- [end:augment]
