"""Tests for even_strokes.py: widths measured right, strokes moved towards the target width.

The thinning and thickening steps are checked against SciPy's grey erosion and
dilation with a cross-shaped neighbourhood, an independent implementation.
"""

import numpy as np
import pytest
from scipy import ndimage

import mnist
from even_strokes import TARGET_WIDTH, as_networks_read, evened, stroke_widths, toward_neighbours
from straighten_digits import straightened

CROSS = ndimage.generate_binary_structure(2, 1)  # a pixel and its 4 neighbours


def bar(width: int, height: int = 16) -> np.ndarray:
    """A (784,) upright bar of full ink, `width` pixels wide and `height` tall."""
    digit = np.zeros((28, 28), np.uint8)
    digit[6 : 6 + height, 12 : 12 + width] = 255
    return digit.ravel()


@pytest.mark.parametrize("width", [1, 2, 3, 5])
def test_width_of_a_bar(width):
    # area w * h, outline 2 * (w + h): the measure is w * h / (w + h), near w for a tall bar
    assert stroke_widths(bar(width))[0] == pytest.approx(width * 16 / (width + 16))


def test_blank_and_faint_digits_have_no_width():
    assert stroke_widths(np.zeros(784, np.uint8))[0] == 0
    assert stroke_widths(bar(3) // 2)[0] == 0  # 127 is below the INK level


@pytest.mark.parametrize("pick, reference", [(np.maximum, ndimage.grey_dilation),
                                             (np.minimum, ndimage.grey_erosion)])
def test_a_whole_step_is_scipys_grey_morphology(pick, reference):
    digits = mnist.load()[2][:20].reshape(-1, 28, 28).astype(np.float64)
    stepped = toward_neighbours(digits, np.ones(20), pick)
    expected = [reference(digit, footprint=CROSS, mode="constant", cval=0) for digit in digits]
    assert np.array_equal(stepped, expected)


def test_part_of_a_step_blends_and_each_digit_has_its_own_amount():
    digits = np.stack([bar(3), bar(3)]).reshape(-1, 28, 28).astype(np.float64)
    stepped = toward_neighbours(digits, np.array([0.0, 0.5]), np.maximum)
    assert np.array_equal(stepped[0], digits[0])
    assert set(np.unique(stepped[1])) == {0, 127.5, 255}


def test_broad_strokes_get_thinner_and_fine_ones_thicker():
    broad, fine = evened(bar(6)), evened(bar(1))
    assert (broad <= bar(6)).all() and stroke_widths(broad)[0] < stroke_widths(bar(6))[0]
    assert (fine >= bar(1)).all() and stroke_widths(fine)[0] > stroke_widths(bar(1))[0]


def test_at_most_one_whole_step_and_partial_steps_blend():
    broad = bar(12)  # width 6.9: more than a step too broad, so exactly one whole step
    eroded = ndimage.grey_erosion(broad.reshape(28, 28), footprint=CROSS, mode="constant")
    assert np.array_equal(evened(broad), eroded.ravel())
    fine = evened(bar(1))  # width 16/17: part of a step thicker, the same share of ink beside it
    share = (TARGET_WIDTH - 16 / 17) / 2
    assert np.array_equal(np.unique(fine), [0, round(share * 255), 255])


def test_the_limits_the_module_states():
    ring = np.zeros((28, 28), np.uint8)  # a fine loop around a hole 2 pixels wide
    ring[10:14, 10:14] = 255
    ring[11:13, 11:13] = 0
    assert (evened(ring.ravel()).reshape(28, 28)[11:13, 11:13] >= 128).all()  # the hole closes
    tailed = bar(8).reshape(28, 28).copy()  # a broad bar with a hairline tail
    tailed[22:27, 15] = 255
    assert (evened(tailed.ravel()).reshape(28, 28)[22:27, 15] < 128).all()  # the tail goes


def test_mnist_digits_end_nearer_the_target():
    images = mnist.load()[2][:500]
    before = np.abs(stroke_widths(images) - TARGET_WIDTH)
    after = np.abs(stroke_widths(evened(images)) - TARGET_WIDTH)
    assert after.mean() < before.mean() / 2


def test_shapes_types_and_the_order_the_networks_read_in():
    digits = mnist.load()[2][:5]
    assert evened(digits).shape == (5, 784) and evened(digits).dtype == np.uint8
    assert np.array_equal(evened(digits[0]), evened(digits)[0])
    assert not evened(np.zeros(784, np.uint8)).any()
    assert np.array_equal(as_networks_read(digits), straightened(evened(digits)))
