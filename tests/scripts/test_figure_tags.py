"""Figure tags get their size in CSS pixels and lazy loading; other images stay as they are."""

from __future__ import annotations

import pytest
from PIL import Image

from sitegen import figure_tags

SVG = ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
       'width="576pt" height="360pt" viewBox="0 0 576 360"></svg>\n')


@pytest.fixture
def figures(tmp_path):
    (tmp_path / "plot_curve.svg").write_text(SVG)
    Image.new("RGB", (300, 120), "white").save(tmp_path / "grid-photos.webp")
    Image.new("RGB", (600, 240), "white").save(tmp_path / "grid-digits@2x.webp")
    return {path.name: path for path in tmp_path.iterdir()}


def test_svg_and_webp_get_their_size_and_lazy_loading(figures):
    page = ('<p><img alt="A curve" src="../figures/plot_curve.svg" /></p>'
            '<p><img alt="Photos" src="../figures/grid-photos.webp" /></p>')
    assert figure_tags.sized_and_lazy(page, figures) == (
        '<p><img alt="A curve" src="../figures/plot_curve.svg" width="768" height="480" '
        'loading="lazy" /></p>'
        '<p><img alt="Photos" src="../figures/grid-photos.webp" width="300" height="120" '
        'loading="lazy" /></p>')


def test_a_figure_at_twice_the_resolution_is_shown_at_half_its_pixels(figures):
    """MkDocs writes the @ of its name as %40 in the src."""
    page = '<img alt="Digits" src="../figures/grid-digits%402x.webp" />'
    assert figure_tags.sized_and_lazy(page, figures) == (
        '<img alt="Digits" src="../figures/grid-digits%402x.webp" width="300" height="120" '
        'loading="lazy" />')


def test_other_images_are_untouched(figures):
    page = '<img alt="Logo" src="../assets/favicon.svg" /><img alt="x" src="figures/other.svg">'
    assert figure_tags.sized_and_lazy(page, figures) == page


def test_an_svg_without_a_size_is_an_error_naming_it(figures, tmp_path):
    (tmp_path / "plot_curve.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    with pytest.raises(figure_tags.FigureError, match=r"plot_curve\.svg"):
        figure_tags.sized_and_lazy('<img alt="" src="figures/plot_curve.svg" />', figures)
