"""Tests for make_example_digit.py: a photo-like 2, dark on light and off-centre."""

import numpy as np
from PIL import Image

from make_example_digit import FILENAME, HEIGHT, WIDTH, draw_example
from support import run_snippet


def test_dark_ink_on_light_uneven_paper():
    grey = np.asarray(draw_example().convert("L"), dtype=float)
    assert grey.shape == (HEIGHT, WIDTH)
    assert np.median(grey) > 190 and grey.min() < 80  # mostly paper, some dark ink
    assert grey[:, 0].mean() > grey[:, -1].mean() + 20  # lit from the left


def test_the_digit_is_off_centre():
    ink = np.asarray(draw_example().convert("L")) < 128
    columns = np.nonzero(ink)[1]
    assert columns.mean() < WIDTH / 2 - 20  # well left of the middle


def test_script_saves_the_png(tmp_path):
    _, out = run_snippet("make_example_digit", cwd=tmp_path)
    assert out == f"saved {FILENAME} ({WIDTH} x {HEIGHT} pixels)\n"
    with Image.open(tmp_path / FILENAME) as saved:
        assert saved.size == (WIDTH, HEIGHT)
        np.testing.assert_array_equal(np.asarray(saved), np.asarray(draw_example()))
