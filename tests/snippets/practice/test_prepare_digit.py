"""Tests for prepare_digit.py: any picture of a digit becomes an MNIST-style digit.

The properties MNIST's own preparation guarantees: 784 values 0-255, a black
background, the digit within a 20 x 20 box (its longer side exactly 20 before
rounding), and the ink's centre of mass in the middle of the 28 x 28 square.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from practice_support import in_shadow
from prepare_digit import (
    BOX,
    FAINT,
    SIDE,
    ImageProblem,
    centre_by_mass,
    centre_of_mass,
    crop_to_ink,
    fit_into_box,
    paper_level,
    prepare,
    stages,
    to_grey,
    to_ink,
)

MIDDLE = (SIDE - 1) / 2


def drawing(size=(200, 160), points=((60, 30), (40, 120), (110, 110)), width=12, *,
            ink=(20, 20, 20), paper=(240, 240, 240), mode="RGB") -> Image.Image:
    """A stroke drawn on a blank picture."""
    image = Image.new(mode, size, paper)
    ImageDraw.Draw(image).line(list(points), fill=ink, width=width, joint="curve")
    return image


def check_mnist_like(digit: np.ndarray) -> None:
    """The properties every prepared digit has."""
    assert digit.shape == (784,) and digit.dtype == np.uint8
    square = digit.reshape(SIDE, SIDE)
    rows, columns = np.flatnonzero(square.any(axis=1)), np.flatnonzero(square.any(axis=0))
    height, width = rows[-1] - rows[0] + 1, columns[-1] - columns[0] + 1
    assert height <= BOX and width <= BOX, "the digit must fit a 20 x 20 box"
    assert square.max() == 255, "the strongest ink is full white"
    assert (square == 0).sum() >= SIDE * SIDE - BOX * BOX, "dark background"
    assert np.median(square) == 0, "mostly background"
    outside = np.ones_like(square, dtype=bool)
    outside[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1] = False
    assert not square[outside].any(), "nothing but background outside the digit"
    centre = centre_of_mass(square.astype(float))
    for axis, (first, last) in enumerate(((rows[0], rows[-1]), (columns[0], columns[-1]))):
        # Within rounding of the middle, unless the digit had to be kept inside the square.
        touches_edge = first == 0 or last == SIDE - 1
        assert abs(centre[axis] - MIDDLE) <= 0.55 or touches_edge


def test_dark_ink_on_light_paper():
    check_mnist_like(prepare(drawing()))


def test_light_ink_on_dark_background_gives_the_same_digit():
    dark_on_light = prepare(drawing(ink=(0, 0, 0), paper=(255, 255, 255)))
    light_on_dark = prepare(drawing(ink=(255, 255, 255), paper=(0, 0, 0)))
    np.testing.assert_array_equal(dark_on_light, light_on_dark)


def shaded(picture: Image.Image, factor: np.ndarray) -> Image.Image:
    """The picture's grey values times `factor` (one per pixel): light falling off."""
    grey = np.asarray(picture.convert("L"), dtype=float)
    return Image.fromarray(np.round(grey * factor).astype(np.uint8))


def falling_off(size: tuple[int, int], edge: float) -> np.ndarray:
    """Full light in the middle, `edge` of it in the corners (a vignette)."""
    width, height = size
    rows, columns = np.mgrid[0:height, 0:width]
    distance = np.hypot(rows / (height / 2) - 1, columns / (width / 2) - 1) / np.sqrt(2)
    return 1 - (1 - edge) * distance


@pytest.mark.parametrize("picture", [
    drawing(ink=(10,) * 3, paper=(110,) * 3),  # a dim photo: the paper darker than mid-grey
    drawing(ink=(240,) * 3, paper=(140,) * 3),  # light ink on mid-grey
    shaded(drawing(), falling_off((200, 160), 0.7)),
    Image.fromarray(in_shadow(np.asarray(drawing().convert("L")))),
], ids=["dim", "light-on-mid-grey", "vignette", "shadow"])
def test_the_ink_is_told_from_the_paper_in_any_light(picture):
    """The median is the paper; the ink lies furthest from it, darker or lighter. (Taken
    the wrong way round, the shadowed stroke correlates about 0.4 with the clean one.)"""
    prepared = prepare(picture).astype(float)
    clean = prepare(drawing(ink=(0, 0, 0), paper=(255, 255, 255))).astype(float)
    assert np.corrcoef(prepared, clean)[0, 1] > 0.8


def test_transparent_background_counts_as_paper():
    transparent = drawing(ink=(0, 0, 0, 255), paper=(0, 0, 0, 0), mode="RGBA")
    on_white = drawing(ink=(0, 0, 0), paper=(255, 255, 255))
    np.testing.assert_array_equal(prepare(transparent), prepare(on_white))


@pytest.mark.parametrize("mode", ["L", "P", "LA", "CMYK", "I", "F", "1"])
def test_any_image_mode(mode):
    check_mnist_like(prepare(drawing(ink=(0, 0, 0), paper=(255, 255, 255)).convert(mode)))


def test_size_and_position_do_not_matter():
    small = drawing(size=(200, 160), points=((60, 30), (40, 120), (110, 110)), width=12)
    moved_and_doubled = drawing(size=(700, 500), points=((420, 160), (380, 340), (520, 320)),
                                width=24)
    fitted_small, fitted_big = stages(small)["fitted"], stages(moved_and_doubled)["fitted"]
    assert fitted_small.shape == fitted_big.shape
    assert np.abs(fitted_small - fitted_big).mean() < 0.05  # the same up to resampling
    # Placement can differ by one pixel where the centre of mass rounds the other way.
    for picture in (small, moved_and_doubled):
        centre = centre_of_mass(prepare(picture).reshape(SIDE, SIDE).astype(float))
        np.testing.assert_allclose(centre, [MIDDLE, MIDDLE], atol=0.55)


def test_uneven_lighting_is_not_ink():
    image = drawing(paper=(255, 255, 255))
    shade = np.linspace(1.0, 0.8, image.width)[np.newaxis, :, np.newaxis]  # darker right edge
    shaded = Image.fromarray((np.asarray(image) * shade).astype(np.uint8))
    ink = stages(shaded)["ink"]
    assert not ink[:, -5:].any(), "the shaded right edge is paper, not ink"


def test_a_shadow_is_not_ink():
    """A faint pen, and a phone's shadow over the right side of the photo.

    With one background value for the whole photo, the shadow would be ink. The
    paper level takes it for paper from about three blocks (13 pixels each
    here) inside its soft edge, and what is left near the edge is too little
    and too weak to change the prepared digit.
    """
    image = drawing(ink=(150, 150, 150), paper=(235, 235, 235))  # 200 x 160, ink left of 120
    columns = np.arange(image.width)
    shadow = 1 - 0.25 * np.clip((columns - 125) / 13, 0, 1)  # soft edge from column 125 to 138
    shaded = Image.fromarray((np.asarray(image) * shadow[:, np.newaxis]).astype(np.uint8))
    grey = stages(shaded)["grey"]
    assert grey[80, 190] < grey[80, 5] - 0.2  # the shadow is darker than the faint ink
    assert not stages(shaded)["ink"][:, 180:].any(), "the shadow is paper"
    assert np.array_equal(prepare(shaded), prepare(image))


def test_paper_level_of_even_paper_is_the_paper():
    paper = np.full((90, 130), 0.8)
    paper[40:50, 20:110] = 0.1  # a stroke
    assert np.allclose(paper_level(paper), 0.8)


def test_paper_level_follows_a_gradient_under_the_ink():
    """Under the stroke too it is the paper's brightness, not the ink's."""
    light = np.tile(np.linspace(0.95, 0.6, 160), (120, 1))  # 0.022 darker every 10-pixel block
    picture = light.copy()
    picture[30:90, 70:85] = 0.05  # a stroke 1.5 blocks wide
    # Off by at most the light's change over three blocks, nowhere near the ink's 0.05.
    assert np.abs(paper_level(picture) - light).max() < 0.07


def test_the_paper_level_limit_a_stroke_six_blocks_wide_comes_out_hollow():
    """The page says so: a stroke three blocks wide is ink throughout, one six wide is not."""
    narrow, wide = np.full((160, 160), 0.9), np.full((160, 160), 0.9)  # blocks of 10 pixels
    narrow[20:140, 65:95] = 0.1
    wide[20:140, 50:110] = 0.1
    assert to_ink(narrow)[80, 65:95].min() == 1
    assert to_ink(wide)[80, 80] == 0 and to_ink(wide)[80, 52] > 0


def test_longer_side_is_exactly_the_box():
    assert max(stages(drawing())["fitted"].shape) == BOX
    wide = drawing(size=(400, 100), points=((20, 50), (380, 50)), width=10)
    fitted = stages(wide)["fitted"]
    assert fitted.shape[1] == BOX and fitted.shape[0] < 5


def test_a_tiny_digit_is_enlarged():
    tiny = drawing(size=(30, 30), points=((12, 8), (14, 20)), width=2)
    check_mnist_like(prepare(tiny))


def test_huge_picture_is_shrunk_before_work():
    big = drawing(size=(3000, 2400), points=((900, 450), (600, 1800), (1650, 1650)), width=180)
    assert max(to_grey(big).shape) == 1000
    check_mnist_like(prepare(big))


@pytest.mark.parametrize("picture", [
    Image.new("RGB", (50, 40), "white"),
    Image.new("L", (50, 40), 128),
    Image.new("RGB", (1, 1), "black"),
    Image.fromarray(np.random.default_rng(0).integers(240, 256, (60, 60), dtype=np.uint8)),
], ids=["white", "grey", "one pixel", "faint noise"])
def test_blank_pictures_are_refused(picture):
    with pytest.raises(ImageProblem, match="blank"):
        prepare(picture)


def test_steps_one_by_one():
    grey = np.ones((10, 12))
    grey[2:6, 3:5] = 0.0  # a dark bar on white
    grey[7, 9] = 0.9  # a faint speck
    ink = to_ink(grey)
    assert ink.max() == 1 and ink[7, 9] == 0 and ink[0, 0] == 0
    assert FAINT > 0.1
    cropped = crop_to_ink(ink)
    assert cropped.shape == (4, 2) and cropped.min() == 1
    fitted = fit_into_box(cropped)
    assert fitted.shape == (BOX, BOX // 2)
    centred = centre_by_mass(fitted)
    assert centred.shape == (SIDE, SIDE)
    np.testing.assert_allclose(centre_of_mass(centred), [MIDDLE, MIDDLE], atol=0.5)


def test_the_crop_leaves_out_a_strong_speck_but_keeps_the_digit():
    ink = np.zeros((100, 100))
    ink[20:80, 45:60] = 1  # 900 units of ink
    ink[2, 2] = 1  # a speck as strong as the digit, 0.1 % of the ink
    assert crop_to_ink(ink).shape == (60, 15)
    ink[2:8, 2:8] = 1  # 36 units, 3.8 %: more than SPECKS, so it is kept
    assert crop_to_ink(ink).shape == (78, 58)


# Pen strokes somewhere inside a 300 x 240 picture, clear of its edges.
points = st.tuples(st.integers(20, 279), st.integers(20, 219))
strokes = st.lists(points, min_size=2, max_size=5).filter(
    lambda stroke: max(np.ptp(np.array(stroke), axis=0)) >= 30)  # a stroke, not a dot


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stroke=strokes, width=st.integers(3, 25), ink=st.integers(0, 90),
       paper=st.integers(170, 255), dark_on_light=st.booleans())
def test_any_stroke_becomes_an_mnist_like_digit(stroke, width, ink, paper, dark_on_light):
    if not dark_on_light:
        ink, paper = 255 - ink, 255 - paper
    image = Image.new("L", (300, 240), paper)
    ImageDraw.Draw(image).line(stroke, fill=ink, width=width)
    check_mnist_like(prepare(image))
