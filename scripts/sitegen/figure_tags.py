"""A page's figure `<img>` tags get the figure's size and `loading="lazy"`.

A reader's browser then fetches a figure only when the reader scrolls near
it, so a first visit downloads the figures at the top of the page, not all
of them; and since the tag says how large the figure is, the browser keeps
its place in the layout before the figure arrives (the text does not jump,
and the presenter's slides are measured right). Sizes are CSS pixels, as
the browser would show the file: an SVG's `width`/`height` in points times
4/3, a raster's pixels, or half of them for a `name@2x.webp` (drawn at twice
the resolution, for high-density screens).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote

from PIL import Image

from .snippet_runner import pixel_density

IMG = re.compile(r'<img (?P<attributes>[^>]*?)src="(?P<src>[^"]*?figures/(?P<name>[^"/]+))"'
                 r'(?P<rest>[^>]*?) ?/?>')
SVG_SIZE = re.compile(r'<svg [^>]*?width="(?P<width>[\d.]+)pt" height="(?P<height>[\d.]+)pt"')
POINT = 4 / 3  # CSS pixels per point


class FigureError(Exception):
    """A figure whose size cannot be read."""


def size_in_pixels(figure: Path) -> tuple[int, int]:
    """The (width, height) a browser gives the figure file at 100 % zoom."""
    if figure.suffix == ".svg":
        match = SVG_SIZE.search(figure.read_text()[:2000])
        if not match:
            raise FigureError(f"{figure}: no width and height in points on its <svg> element")
        return round(float(match["width"]) * POINT), round(float(match["height"]) * POINT)
    with Image.open(figure) as image:
        width, height = image.size
    density = pixel_density(figure.name)
    return round(width / density), round(height / density)


def lazy_tag(before: str, src: str, after: str, size: tuple[int, int]) -> str:
    """An <img> of `src` with `size` (width, height) that loads lazily; `before` and `after`
    are its other attributes."""
    width, height = size
    return f'<img {before}src="{src}"{after} width="{width}" height="{height}" loading="lazy" />'


def sized_and_lazy(page_html: str, figures: Mapping[str, Path]) -> str:
    """`page_html` with every figure's tag sized and loading lazily; other images untouched."""
    def tag(match: re.Match) -> str:
        name = unquote(match["name"])  # MkDocs writes figures/a@2x.webp as figures/a%402x.webp
        if name not in figures:
            return match[0]
        return lazy_tag(match["attributes"], match["src"], match["rest"],
                        size_in_pixels(figures[name]))
    return IMG.sub(tag, page_html)
