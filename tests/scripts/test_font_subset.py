"""KaTeX's fonts cut down to the characters shown: the same glyphs for those, none for the
rest, the same bytes every time, and kept by content."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from sitegen import font_subset, typeset
from support import ROOT

MAIN = typeset.katex_dist(ROOT) / "fonts" / "KaTeX_Main-Regular.woff2"
SHOWN = set("x=1+δ")


def opened(data: bytes) -> TTFont:
    return TTFont(io.BytesIO(data))


def test_a_subset_maps_the_characters_shown_to_the_same_outlines_and_no_others():
    whole, cut = opened(MAIN.read_bytes()), opened(font_subset.subset_woff2(MAIN, SHOWN))
    kept = whole.getBestCmap().keys() & {ord(character) for character in SHOWN}
    assert kept >= {ord("x"), ord("="), ord("1"), ord("+")}
    assert cut.getBestCmap().keys() == kept
    for code in kept:
        glyph, cut_glyph = whole.getBestCmap()[code], cut.getBestCmap()[code]
        assert (cut["glyf"][cut_glyph].getCoordinates(cut["glyf"])[0]
                == whole["glyf"][glyph].getCoordinates(whole["glyf"])[0])
        assert cut["hmtx"][cut_glyph] == whole["hmtx"][glyph]
    assert "fpgm" in cut  # hinted as before
    assert cut["head"].modified == whole["head"].modified  # not the day it was cut
    assert len(font_subset.subset_woff2(MAIN, SHOWN)) < MAIN.stat().st_size / 3


def test_the_same_font_and_characters_give_the_same_bytes_and_are_then_kept(tmp_path,
                                                                            monkeypatch):
    first = font_subset.subset_woff2(MAIN, SHOWN, cache=tmp_path)
    assert font_subset.cut_down(MAIN.read_bytes(), SHOWN, MAIN) == first  # no timestamp

    def no_subsetting(*args):
        raise AssertionError("subset again although the answer is kept")

    monkeypatch.setattr(font_subset, "cut_down", no_subsetting)
    assert font_subset.subset_woff2(MAIN, SHOWN, cache=tmp_path) == first
    assert len(list(tmp_path.rglob("*.woff2"))) == 1


def test_a_file_that_is_no_font_is_named(tmp_path):
    broken = tmp_path / "KaTeX_Broken.woff2"
    broken.write_bytes(b"wOF2 but nothing else")
    with pytest.raises(font_subset.FontError, match=f"{broken}: fontTools cannot read it"):
        font_subset.subset_woff2(broken, SHOWN)


def test_the_characters_shown_are_the_text_with_entities_decoded_and_all_of_ascii():
    page = '<p title="λ">μ<span class="mord">&#x27;&lt;&#x3b4;</span></p>'
    shown = font_subset.characters_on([page, "<p>∑</p>"])
    assert {"μ", "'", "<", "δ", "∑", "~", " "} <= shown
    assert "λ" not in shown  # an attribute's text is not drawn
