"""Turn a picture of a handwritten digit into MNIST's format: 784 grey values 0-255.

A network trained on MNIST has only ever seen digits prepared one particular
way, so a new digit must be prepared the same way before the network sees it:

1. grey values only (colour and transparency removed);
2. light ink on a black background, 0 meaning no ink at all, measured against
   the paper around each stroke, so that shadows and uneven light are not ink;
3. cropped to the digit (leaving out specks far from it) and scaled,
   keeping its proportions, to fit a 20 x 20 pixel box;
4. placed on a 28 x 28 black square so that the digit's centre of mass (the
   average position of its ink, weighted by how strong the ink is) lands in
   the middle.

``open_image(path)`` opens a file safely (a clear ``ImageProblem`` instead
of a crash for anything that is not a usable picture), ``prepare(image)``
does steps 1-4 on a Pillow image and ``stages(image)`` returns every
intermediate step, to look at. Needs NumPy and Pillow only.
"""

# %% Imports and limits
# --8<-- [start:open]
import warnings
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 50_000_000  # refuse larger images before decoding them
WORKING_SIDE = 1_000  # shrink bigger pictures to this many pixels first: plenty for a digit
BOX, SIDE = 20, 28  # MNIST: the digit fits a 20 x 20 box inside a 28 x 28 image
MIN_CONTRAST = 0.15  # ink must differ from the background by this much (0-1 scale)
SPECK_PERCENT = 0.1  # the darkest and brightest 0.1 % may be specks: judged without them
FAINT = 0.25  # after stretching, weaker ink than this is always paper texture or shadow
LEVELS = 64  # ink strengths are sorted into this many levels to find the ink threshold
SPECKS = 0.005  # the crop leaves out this share of the ink on each side: specks, not digit
GRID = 16  # the paper's brightness is judged in blocks of 1/16 of the picture's longer side
REACH = 2  # and from the blocks up to 2 blocks away


class ImageProblem(Exception):
    """The file or picture cannot be used as a digit; the message says why."""


def open_image(path: str | Path) -> Image.Image:
    """Open an image file, refusing non-images and huge images before decoding pixels."""
    path = Path(path)
    if not path.is_file():
        raise ImageProblem("no such file" if not path.exists() else "not a file")
    if path.stat().st_size == 0:
        raise ImageProblem("the file is empty")
    try:
        with warnings.catch_warnings():
            # Pillow warns about (and above twice its own limit refuses) enormous images.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:  # reads the header only
                check_size(image.size)
                image.load()  # now decode the pixels
                return ImageOps.exif_transpose(image)  # upright, as phones record it
    except UnidentifiedImageError:
        raise ImageProblem("not an image file that Pillow can read") from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageProblem(f"the image has more than {MAX_PIXELS:,} pixels") from None
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise ImageProblem(f"could not read the image ({error})") from None


def check_size(size: tuple[int, int]) -> None:
    """Refuse an image whose width x height exceeds MAX_PIXELS."""
    width, height = size
    if width * height > MAX_PIXELS:
        raise ImageProblem(f"the image is {width:,} x {height:,} pixels, "
                           f"more than the limit of {MAX_PIXELS:,}")


# --8<-- [end:open]


# %% Step 1 and 2: grey values, then ink strength on a black background
# --8<-- [start:ink]
def to_grey(image: Image.Image) -> np.ndarray:
    """Grey values from 0 (black) to 1 (white); transparent parts count as white paper."""
    rgba = image.convert("RGBA")
    rgba.thumbnail((WORKING_SIDE, WORKING_SIDE))  # only ever shrinks
    paper = Image.new("RGBA", rgba.size, "white")
    grey = Image.alpha_composite(paper, rgba).convert("L")
    return np.asarray(grey, dtype=np.float64) / 255


def to_ink(grey: np.ndarray) -> np.ndarray:
    """Ink strength from 0 (background) to 1 (strongest ink), dark or light ink alike."""
    # Paper covers most of the picture, so the median is its brightness, however dim the
    # photo; the ink lies furthest from it: below for a pen, above for chalk on a board.
    darkest, paper, brightest = np.percentile(grey, [SPECK_PERCENT, 50, 100 - SPECK_PERCENT])
    # Turn light ink round, so that from here on the paper is always the brighter side.
    paper_side = grey if paper - darkest >= brightest - paper else 1 - grey
    # Ink is what is darker than the paper around it, not than the paper in general.
    ink = np.clip(paper_level(paper_side) - paper_side, 0, None)
    if ink.max() < MIN_CONTRAST:
        raise ImageProblem("the image is blank: no digit found")
    ink = ink / ink.max()  # the strongest ink becomes 1
    ink[ink < max(FAINT, ink_threshold(ink))] = 0  # texture and shadows become background
    return ink


def paper_level(paper_side: np.ndarray) -> np.ndarray:
    """How bright the paper is around each pixel: the picture without ink, shadows kept.

    In `paper_side` the paper is brighter than the ink. Each block takes its
    median, the paper's brightness unless ink covers half the block (the median,
    not the brightest pixel, so that the grain of the paper is not ink); then
    the brightest of the blocks within REACH: a pen stroke seldom covers five
    blocks across (one that does comes out hollow), so that is paper. That also
    spreads the light side of a shadow's edge into the shadow, so each block
    then takes the darkest of the blocks within REACH, which puts the edge back
    (image processing calls the two steps a *closing*). Last, the levels are
    blended from block to block, as Pillow enlarges an image (bilinear
    interpolation).
    """
    height, width = paper_side.shape
    block = -(-max(height, width) // GRID)  # pixels on a block's side, rounded up
    rows, columns = -(-height // block), -(-width // block)
    whole = np.pad(paper_side, [(0, rows * block - height), (0, columns * block - width)],
                   mode="edge")  # whole blocks, the last ones filled with their edge
    typical = np.median(whole.reshape(rows, block, columns, block), axis=(1, 3))
    closed = within_reach(within_reach(typical, np.max), np.min)
    level = Image.fromarray(closed.astype(np.float32))  # a float image
    smooth = level.resize((columns * block, rows * block), Image.Resampling.BILINEAR)
    return np.asarray(smooth)[:height, :width]


def within_reach(blocks: np.ndarray, pick) -> np.ndarray:
    """Each block's value replaced by `pick` (np.max or np.min) of the blocks within REACH."""
    nearby = sliding_window_view(np.pad(blocks, REACH, mode="edge"), (2 * REACH + 1,) * 2)
    return pick(nearby, axis=(2, 3))


def ink_threshold(ink: np.ndarray, levels: int = LEVELS) -> float:
    """Otsu's threshold: the strength that best splits the pixels into paper and ink.

    Tries every cut between `levels` strength levels and keeps the one that makes
    the two groups' means lie furthest apart, weighted by the groups' sizes.
    """
    level = np.minimum((ink * levels).astype(int), levels - 1).ravel()
    counts = np.bincount(level, minlength=levels).astype(np.float64)
    strengths = np.arange(levels) * counts
    below, strength_below = np.cumsum(counts)[:-1], np.cumsum(strengths)[:-1]  # for each cut
    above, strength_above = counts.sum() - below, strengths.sum() - strength_below
    apart = strength_below / np.maximum(below, 1) - strength_above / np.maximum(above, 1)
    spread = below * above * apart**2
    return (int(np.argmax(spread)) + 1) / levels


# --8<-- [end:ink]


# %% Step 3: crop to the digit and fit it into a 20 x 20 box
# --8<-- [start:box]
def crop_to_ink(ink: np.ndarray) -> np.ndarray:
    """The rectangle holding the ink, less stray specks (see ink_span)."""
    top, bottom = ink_span(ink.sum(axis=1))
    left, right = ink_span(ink.sum(axis=0))
    return ink[top : bottom + 1, left : right + 1]


def ink_span(ink_per_line: np.ndarray) -> tuple[int, int]:
    """The first and last row (or column) to keep: the outermost SPECKS of the ink go.

    `ink_per_line` is the ink in each row (or column). Counting from each side,
    lines are dropped until SPECKS of all the ink has gone by.
    """
    share = np.cumsum(ink_per_line) / ink_per_line.sum()  # of the ink, up to each line
    return int(np.searchsorted(share, SPECKS)), int(np.searchsorted(share, 1 - SPECKS))


def fit_into_box(ink: np.ndarray, box: int = BOX) -> np.ndarray:
    """Scale so the longer side is `box` pixels, keeping the proportions."""
    height, width = ink.shape
    scale = box / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # Shrinking averages each block of pixels into one, which smooths the edges
    # into grey levels as in MNIST; a tiny digit is enlarged by interpolating.
    resample = Image.Resampling.BOX if scale < 1 else Image.Resampling.BILINEAR
    image = Image.fromarray(ink.astype(np.float32))  # a 32-bit float image
    fitted = np.asarray(image.resize(size, resample))
    return fitted / fitted.max()


# --8<-- [end:box]


# %% Step 4: centre by centre of mass in 28 x 28
# --8<-- [start:centre]
def centre_of_mass(ink: np.ndarray) -> np.ndarray:
    """(row, column) of the ink's centre of mass, in pixels."""
    rows, columns = np.indices(ink.shape)
    return np.array([(rows * ink).sum(), (columns * ink).sum()]) / ink.sum()


def centre_by_mass(ink: np.ndarray, side: int = SIDE) -> np.ndarray:
    """Place the ink on a side x side black square with its centre of mass in the middle."""
    middle = (side - 1) / 2  # 13.5: between the two middle pixels
    shift = np.round(middle - centre_of_mass(ink)).astype(int)
    top, left = np.clip(shift, 0, np.subtract((side, side), ink.shape))  # stay inside
    square = np.zeros((side, side))
    square[top : top + ink.shape[0], left : left + ink.shape[1]] = ink
    return square


# --8<-- [end:centre]


# %% All the steps
# --8<-- [start:prepare]
def stages(image: Image.Image) -> dict[str, np.ndarray]:
    """Every step of the preparation, in order, as arrays of values 0-1."""
    grey = to_grey(image)
    ink = to_ink(grey)
    cropped = crop_to_ink(ink)
    fitted = fit_into_box(cropped)
    return {"grey": grey, "ink": ink, "cropped": cropped, "fitted": fitted,
            "centred": centre_by_mass(fitted)}


def prepare(image: Image.Image) -> np.ndarray:
    """The image as MNIST would store it: 784 values 0-255 (uint8), row by row."""
    centred = stages(image)["centred"]
    return np.round(centred * 255).astype(np.uint8).ravel()


# --8<-- [end:prepare]
