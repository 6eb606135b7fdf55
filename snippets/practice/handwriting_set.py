"""A test set of handwritten digits from outside MNIST, made to look like readers' pictures.

MNIST's test images were prepared exactly like its training images, so they
say little about a photo of your own digit. This file makes
``N_PER_CLASS`` pictures of every digit 0-9, each a Pillow image such as a
phone or a drawing program would give you, from two sources:

- **Real handwriting, re-rendered.** Digits from the UCI "Optical
  Recognition of Handwritten Digits" set (E. Alpaydin and C. Kaynak, 1998;
  CC BY 4.0), which scikit-learn ships as ``load_digits``: 1,797 digits
  written on forms by people who are not MNIST's writers. UCI kept only an
  8 x 8 count of ink per digit, so the strokes here are a smooth
  reconstruction of the shape, not the writer's own line; each is then
  "photographed": pen width, blue or black ink, size, position, a slight
  rotation, paper texture, uneven light, a shadow, low contrast and JPEG
  compression, all drawn at random with a fixed seed.
- **Drawn with a mouse.** ``MOUSE_PER_CLASS`` digits per class drawn as
  polylines through the points of ``STROKES`` (shapes written for this
  file), jittered, with an even pen on a white canvas, saved as PNG.

What it is not: photos of real paper, or digits of the site's readers. The
same seed gives the same pictures on every machine with the same NumPy,
Pillow and scikit-learn. Needs those three only.
"""

# %% Imports and settings
import io

import numpy as np
from PIL import Image, ImageDraw
from sklearn.datasets import load_digits

SEED = 2024
N_PER_CLASS = 12  # pictures of each digit in the set
MOUSE_PER_CLASS = 2  # of which drawn with a mouse; the rest are UCI digits
BLACK_INK, BLUE_INK = (25, 25, 30), (30, 45, 140)


# %% Real digits: UCI's 8 x 8 ink counts back to a smooth pen stroke
def uci_digits(rng: np.random.Generator) -> list[tuple[np.ndarray, int]]:
    """(8 x 8 ink counts 0-16, label) for N_PER_CLASS - MOUSE_PER_CLASS digits of each class."""
    uci = load_digits()
    chosen = []
    for digit in range(10):
        indices = rng.permutation(np.flatnonzero(uci.target == digit))
        chosen += [(uci.images[i], digit) for i in indices[: N_PER_CLASS - MOUSE_PER_CLASS]]
    return chosen


def stroke_mask(counts: np.ndarray, size: int, threshold: float) -> np.ndarray:
    """Ink coverage 0-1 on a size x size grid: the counts smoothly enlarged, cut at `threshold`.

    A lower threshold keeps more of the blurred shape, so it draws a thicker pen.
    """
    image = Image.fromarray((counts / 16).astype(np.float32))
    smooth = np.asarray(image.resize((size, size), Image.Resampling.BICUBIC))
    edge = 0.08  # width of the soft edge, in the same units as the threshold
    return np.clip((smooth - threshold) / edge + 0.5, 0, 1)


# %% Paper, light and camera
def paper(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """Grey-white paper 0-1 with fibre texture, light falling off to one side and maybe a shadow."""
    coarse = rng.normal(0, 1, (height // 3 + 1, width // 3 + 1)).astype(np.float32)
    texture = np.asarray(Image.fromarray(coarse).resize((width, height), Image.Resampling.BICUBIC))
    y, x = np.mgrid[0:height, 0:width] / max(width, height)
    angle = rng.uniform(0, 2 * np.pi)
    light = rng.uniform(0.78, 0.97) - rng.uniform(0, 0.15) * (np.cos(angle) * x + np.sin(angle) * y)
    sheet = light + 0.04 * texture
    if rng.random() < 0.4:  # a soft shadow, e.g. of the phone, over one corner
        reach = rng.uniform(0.25, 0.5)
        corner = np.hypot(x - rng.integers(0, 2), y - rng.integers(0, 2))
        sheet *= 1 - rng.uniform(0.12, 0.25) * np.clip((reach - corner) / 0.1, 0, 1)
    return np.clip(sheet, 0, 1)


def place(mask: np.ndarray, rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """The mask rotated slightly and put somewhere on a width x height page (coverage 0-1)."""
    angle = rng.uniform(-12, 12)
    rotated = Image.fromarray(mask.astype(np.float32)).rotate(
        angle, resample=Image.Resampling.BILINEAR, expand=True)
    page = np.zeros((height, width), np.float32)
    top = rng.integers(0, height - rotated.height + 1)
    left = rng.integers(0, width - rotated.width + 1)
    page[top : top + rotated.height, left : left + rotated.width] = np.asarray(rotated)
    return page


def photograph(coverage: np.ndarray, rng: np.random.Generator) -> Image.Image:
    """Ink on paper in colour, as a phone's JPEG: the coverage mixes the ink into the paper."""
    height, width = coverage.shape
    sheet = paper(rng, width, height)
    ink = np.array(BLUE_INK if rng.random() < 0.4 else BLACK_INK) / 255
    strength = rng.uniform(0.35, 0.6) if rng.random() < 0.2 else rng.uniform(0.85, 1)  # faint pen?
    tint = np.array([1, 1, 0.93])  # warm paper
    rgb = sheet[..., None] * tint * (1 - strength * coverage[..., None])
    rgb += strength * coverage[..., None] * ink * sheet[..., None]
    picture = Image.fromarray(np.round(np.clip(rgb, 0, 1) * 255).astype(np.uint8))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=int(rng.integers(35, 90)))
    return Image.open(buffer)


def photo_of_uci_digit(counts: np.ndarray, rng: np.random.Generator) -> Image.Image:
    """One UCI digit, small or large, thin or thick, somewhere on a photo of paper."""
    width, height = int(rng.integers(160, 400)), int(rng.integers(140, 320))
    size = int(rng.uniform(0.2, 0.75) * min(width, height))
    mask = stroke_mask(counts, size, threshold=rng.uniform(0.35, 0.55))
    return photograph(place(mask, rng, width, height), rng)


# %% Mouse drawings: strokes through points on a unit square (x right, y down)
STROKES = {
    0: [[(0.5, 0.05), (0.2, 0.2), (0.15, 0.6), (0.35, 0.95), (0.7, 0.9), (0.85, 0.5),
         (0.75, 0.15), (0.5, 0.05)]],
    1: [[(0.35, 0.25), (0.55, 0.05), (0.55, 0.95)]],
    2: [[(0.2, 0.25), (0.45, 0.05), (0.75, 0.15), (0.75, 0.4), (0.2, 0.95), (0.85, 0.95)]],
    3: [[(0.2, 0.1), (0.7, 0.08), (0.75, 0.3), (0.45, 0.48), (0.8, 0.65), (0.7, 0.92),
         (0.2, 0.9)]],
    4: [[(0.6, 0.05), (0.15, 0.65), (0.85, 0.65)], [(0.62, 0.3), (0.62, 0.95)]],
    5: [[(0.8, 0.05), (0.3, 0.05), (0.25, 0.45), (0.65, 0.4), (0.8, 0.7), (0.6, 0.95),
         (0.2, 0.9)]],
    6: [[(0.7, 0.05), (0.35, 0.3), (0.2, 0.7), (0.4, 0.95), (0.75, 0.85), (0.7, 0.55),
         (0.3, 0.6)]],
    7: [[(0.15, 0.08), (0.85, 0.08), (0.4, 0.95)]],
    8: [[(0.75, 0.15), (0.5, 0.05), (0.25, 0.2), (0.75, 0.7), (0.5, 0.95), (0.25, 0.7),
         (0.75, 0.25), (0.75, 0.15)]],
    9: [[(0.75, 0.3), (0.5, 0.05), (0.2, 0.25), (0.45, 0.5), (0.75, 0.3), (0.7, 0.95)]],
}


def mouse_drawing(digit: int, rng: np.random.Generator) -> Image.Image:
    """A digit drawn with an even pen on a white canvas, each point a little off the template."""
    side = int(rng.integers(200, 400))
    pen = int(rng.uniform(0.02, 0.08) * side)
    scale, left, top = side * rng.uniform(0.4, 0.7), rng.uniform(0.05, 0.4), rng.uniform(0.05, 0.4)
    canvas = Image.new("RGB", (side, side), "white")
    draw = ImageDraw.Draw(canvas)
    for stroke in STROKES[digit]:
        points = np.array(stroke) + rng.normal(0, 0.03, (len(stroke), 2))
        xy = [(side * left + scale * (0.7 * x), side * top + scale * y) for x, y in points]
        draw.line(xy, fill="black", width=pen, joint="curve")
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    return Image.open(buffer)


# %% The whole set
def handwriting_set(seed: int = SEED) -> tuple[list[Image.Image], np.ndarray, list[str]]:
    """The pictures, their labels and where each came from ("UCI" or "mouse"), in a fixed order."""
    rng = np.random.default_rng(seed)
    pictures, labels, sources = [], [], []
    for counts, digit in uci_digits(rng):
        pictures.append(photo_of_uci_digit(counts, rng))
        labels.append(digit)
        sources.append("UCI")
    for digit in range(10):
        for _ in range(MOUSE_PER_CLASS):
            pictures.append(mouse_drawing(digit, rng))
            labels.append(digit)
            sources.append("mouse")
    return pictures, np.array(labels), sources
