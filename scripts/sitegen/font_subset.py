"""KaTeX's fonts cut down to the characters the site shows, with fontTools.

KaTeX ships each of its 20 fonts whole (glyphs for Greek, arrows, accents and
more), and a page with math fetches four to seven of them: 67 kB of
backpropagation's first load. `subset_woff2` keeps only the glyphs of the
characters given, with their hinting and layout features, so the same text
draws with the same outlines. `characters_on` gives those characters: every
character of the typeset pages' text, which holds every formula as drawn, and
all of printable ASCII besides (KaTeX's stylesheet writes equation numbers
with `content:`). Subsets are cached under a hash of the font and the
characters, so a warm build subsets nothing.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from collections.abc import Iterable
from pathlib import Path

import fontTools

from .whole_files import replace_whole

TAG = re.compile(r"<[^>]*>")
PRINTABLE_ASCII = {chr(code) for code in range(0x20, 0x7F)}


class FontError(Exception):
    """A font fontTools cannot read."""


def characters_on(pages: Iterable[str]) -> set[str]:
    """Every character of the pages' text (tags left out, entities decoded), and ASCII's."""
    shown = set(PRINTABLE_ASCII)
    for page in pages:
        shown |= set(html.unescape(TAG.sub("", page)))
    return shown


def subset_woff2(font: Path, characters: set[str], cache: Path | None = None) -> bytes:
    """The woff2 `font` with the glyphs of `characters` only (kept in `cache` if given)."""
    data = font.read_bytes()
    key = hashlib.sha256(b"\0".join([data, "".join(sorted(characters)).encode(),
                                     fontTools.version.encode()])).hexdigest()[:20]
    kept = cache / font.stem / f"{key}.woff2" if cache else None
    if kept and kept.is_file():
        return kept.read_bytes()
    cut = cut_down(data, characters, font)
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        for stale in kept.parent.glob("*.woff2"):
            stale.unlink()
        replace_whole(kept, lambda scratch: scratch.write_bytes(cut))
    return cut


def cut_down(data: bytes, characters: set[str], font: Path) -> bytes:
    """fontTools' subset of the woff2 `data`; its modification time left as it was."""
    # Imported here: 0.15 s, which a warm build (every subset cached) need not spend.
    from fontTools import subset
    from fontTools.ttLib import TTFont, TTLibError

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # ligatures and the like, whatever the font has
    try:
        parsed = TTFont(io.BytesIO(data), recalcTimestamp=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(character) for character in characters])
        subsetter.subset(parsed)
    except (TTLibError, ValueError, KeyError) as exc:
        raise FontError(f"{font}: fontTools cannot read it as a font: {exc}") from exc
    written = io.BytesIO()
    parsed.save(written)
    return written.getvalue()
