"""How the runner names and saves a snippet's figures: SVG, or WebP when the label asks."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from sitegen import snippet_runner

TWO_FIGURES = """
import matplotlib.pyplot as plt
import numpy as np

plt.figure("curve")
plt.plot([0, 1], [1, 0])
plt.figure("grain.webp")
plt.imshow(np.random.default_rng(0).random((300, 400, 3)))  # grain about a pixel fine
"""


def draw(tmp_path: Path, source: str) -> tuple[dict, Path]:
    script = tmp_path / "snippets" / "page" / "plot_two.py"
    script.parent.mkdir(parents=True)
    script.write_text(source)
    out = tmp_path / "out"
    out.mkdir()
    plt.close("all")  # the runner saves every open figure; in the build each snippet has a process
    return snippet_runner.run(script, out), out


def test_labelled_figures_are_svg_unless_the_label_asks_for_webp(tmp_path):
    result, out = draw(tmp_path, TWO_FIGURES)
    assert result["figures"] == ["plot_two-curve.svg", "plot_two-grain.webp"]
    assert (out / "plot_two-curve.svg").read_text().lstrip().startswith("<?xml")
    webp = (out / "plot_two-grain.webp").read_bytes()
    assert webp[:4] == b"RIFF" and webp[8:12] == b"WEBP"


def webp_kind(path: Path) -> bytes:
    """The first chunk of a WebP file: b"VP8 " lossy, b"VP8L" lossless (RFC 9649)."""
    return path.read_bytes()[12:16]


def test_a_webp_figure_is_lossy_or_lossless_whichever_is_smaller(tmp_path):
    """Noise compresses better lossy; a few flat squares far better lossless."""
    source = TWO_FIGURES + (
        'plt.figure("squares.webp")\n'
        'plt.imshow(np.kron(np.eye(4), np.ones((7, 7))), cmap="gray", interpolation="none")\n')
    result, out = draw(tmp_path, source)
    assert result["figures"][1:] == ["plot_two-grain.webp", "plot_two-squares.webp"]
    assert webp_kind(out / "plot_two-grain.webp") == b"VP8 "
    assert webp_kind(out / "plot_two-squares.webp") == b"VP8L"


def test_a_figure_labelled_at_2x_has_twice_the_pixels(tmp_path):
    source = ('import matplotlib.pyplot as plt\nplt.figure("a.webp", figsize=(3, 2))\n'
              'plt.figure("b@2x.webp", figsize=(3, 2))\n')
    result, out = draw(tmp_path, source)
    assert result["figures"] == ["plot_two-a.webp", "plot_two-b@2x.webp"]
    with Image.open(out / "plot_two-a.webp") as one, Image.open(out / "plot_two-b@2x.webp") as two:
        assert two.size == (2 * one.size[0], 2 * one.size[1]) == (600, 400)


def test_figures_are_listed_in_the_order_a_notebook_shows_them(tmp_path):
    """Last made active last, as plt.show() shows them inline: here "first" is shown second."""
    source = ('import matplotlib.pyplot as plt\nplt.figure("first")\nplt.figure("second")\n'
              'plt.figure("first")\nplt.plot([0, 1])\n')
    result, _ = draw(tmp_path, source)
    assert result["figures"] == ["plot_two-second.svg", "plot_two-first.svg"]


def test_several_figures_without_labels_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="each needs a label"):
        draw(tmp_path, "import matplotlib.pyplot as plt\nplt.figure()\nplt.figure()\n")
