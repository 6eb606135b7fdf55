"""Tests for classify_image.py: bad files get one clear line and exit status 2.

Every bad input is refused before any training starts, with a message naming
the file and the problem, never a traceback from inside Pillow.
"""

import struct
import subprocess
import sys
import zlib

import numpy as np
import pytest
from PIL import Image, ImageDraw

import classify_image
from practice_support import use_small_mnist
from support import SNIPPET_FILES, snippet_env


def png_header(width: int, height: int) -> bytes:
    """A PNG that only claims a size: signature, header chunk, an empty data chunk, end."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))
            + chunk(b"IEND", b""))


def write_bad_file(folder, kind: str):
    """A file of the given kind of badness; returns its path."""
    path = folder / {"text": "notes.txt", "directory": "folder"}.get(kind, f"{kind}.png")
    if kind == "text":
        path.write_text("this is not a picture\n")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        Image.new("RGB", (120, 90), "white").save(path)
    elif kind == "truncated":
        digit = Image.new("L", (120, 90), 255)
        ImageDraw.Draw(digit).line([(40, 10), (60, 80)], fill=0, width=8)
        digit.save(path)
        path.write_bytes(path.read_bytes()[:80])
    elif kind == "directory":
        path.mkdir()
    elif kind != "missing":  # header-only huge images: "<width>x<height>"
        width, height = (int(n) for n in kind.split("x"))
        path.write_bytes(png_header(width, height))
    return path


BAD = {  # kind of file: words the message must contain
    "text": "not an image file",
    "empty": "the file is empty",
    "blank": "blank",
    "truncated": "could not read the image",
    "missing": "no such file",
    "directory": "not a file",
    "9000x6000": "9,000 x 6,000 pixels, more than the limit",  # over our 50 MP limit
    "10000x10000": "more than 50,000,000 pixels",  # over Pillow's warning limit
    "100000x100000": "more than 50,000,000 pixels",  # over Pillow's hard limit
}


@pytest.fixture
def no_training(monkeypatch):
    """Fail loudly if anything tries to train: bad files must be refused first."""
    def refuse():
        raise AssertionError("trained although the image was bad")
    monkeypatch.setattr(classify_image, "train_best", refuse)


@pytest.mark.parametrize("kind", BAD)
def test_bad_file_gives_one_clear_line(kind, tmp_path, capsys, no_training):
    path = write_bad_file(tmp_path, kind)
    assert classify_image.main([str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"classify_image.py: error: {path}: ")
    assert BAD[kind] in err


@pytest.mark.parametrize("arguments", [[], ["a.png", "b.png"]])
def test_wrong_number_of_arguments(arguments, capsys, no_training):
    assert classify_image.main(arguments) == 2
    assert capsys.readouterr().err == "usage: python classify_image.py PATH\n"


def test_exit_status_and_no_traceback_from_the_command_line(tmp_path):
    path = write_bad_file(tmp_path, "100000x100000")
    completed = subprocess.run([sys.executable, str(SNIPPET_FILES["classify_image"]), str(path)],
                               capture_output=True, text=True, cwd=tmp_path,
                               env=snippet_env("classify_image"))
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr == (f"classify_image.py: error: {path}: "
                                "the image has more than 50,000,000 pixels\n")


def test_report_lists_the_top_three():
    chances = np.array([0.01, 0.02, 0.6, 0.3, 0.0, 0.05, 0.0, 0.02, 0.0, 0.0])
    assert classify_image.report("x.png", chances) == (
        "x.png looks like a 2\n  2:  60.0%\n  3:  30.0%\n  5:   5.0%")


def test_a_good_picture_is_classified(tmp_path, capsys, monkeypatch):
    use_small_mnist(monkeypatch)
    path = tmp_path / "seven.png"
    picture = Image.new("RGB", (200, 200), "white")
    ImageDraw.Draw(picture).line([(50, 40), (150, 40), (90, 170)], fill="black", width=14)
    picture.save(path)
    assert classify_image.main([str(path)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith(f"{path} looks like a ")
    assert len(lines) == 4 and lines[0][-1] == lines[1].strip()[0]
    assert "training on 400 MNIST images" in err
