"""Tests for handwriting_set.py: the non-MNIST pictures are fixed, varied and usable."""

import numpy as np
import pytest

import handwriting_set
from prepare_digit import prepare


@pytest.fixture(scope="module")
def made():
    return handwriting_set.handwriting_set()


def test_at_least_100_pictures_and_every_class(made):
    pictures, labels, sources = made
    assert len(pictures) == len(labels) == len(sources) >= 100
    assert np.bincount(labels, minlength=10).min() >= 10
    assert set(sources) == {"UCI", "mouse"}


def test_same_seed_same_pictures_other_seed_others(made):
    again, labels, _ = handwriting_set.handwriting_set()
    assert np.array_equal(labels, made[1])
    pairs = zip(again, made[0], strict=True)
    assert all(np.array_equal(np.asarray(a), np.asarray(b)) for a, b in pairs)
    other, _, _ = handwriting_set.handwriting_set(seed=1)
    assert not np.array_equal(np.asarray(other[0]), np.asarray(made[0][0]))


def test_photos_are_colour_jpegs_of_varied_size_and_mouse_digits_pngs(made):
    pictures, _, sources = made
    formats = {source: {p.format for p, s in zip(pictures, sources, strict=True) if s == source}
               for source in ("UCI", "mouse")}
    assert formats == {"UCI": {"JPEG"}, "mouse": {"PNG"}}
    sizes = {p.size for p in pictures}
    assert len(sizes) > 50 and pictures[0].mode == "RGB"


def test_every_picture_can_be_prepared(made):
    digits = np.array([prepare(picture) for picture in made[0]])
    assert digits.shape == (len(made[0]), 784) and (digits.max(axis=1) == 255).all()
