"""Tests for mnist.py: the bundled sample, folders and strict IDX checks.

All offline; the download path is tested in test_mnist_download.py.
"""

import gzip
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mnist
from practice_support import TEST_PER_DIGIT, TRAIN_PER_DIGIT, small_mnist, write_small_mnist
from support import MNIST_SAMPLE as SAMPLE
from support import SNIPPETS

# The sums published in data/mnist-sample/README.md.
SAMPLE_SHA256 = {
    f"{mnist.TRAIN_IMAGES}.gz": "4e0c800df91e9184cc36ae0d5fe1abb337bee5d72a7186ea9d6d9e4f5ea01b78",
    f"{mnist.TRAIN_LABELS}.gz": "a0023da54f1da1671d452e0eeda4879b13911783660aaa6d2df217346b9f6b1b",
    f"{mnist.TEST_IMAGES}.gz": "5634745efa576a17e7d4cf5cd9d09123c75e6538e5114267c2d156edaf519341",
    f"{mnist.TEST_LABELS}.gz": "ae18e77e031ccde52407f794d123116439864147d33ac992975f85dd4dc42af6",
}


def idx_images(count: int, rows: int = 28, cols: int = 28, magic: int = 0x803) -> bytes:
    """A valid-looking IDX image file; `count` goes in the header as given."""
    header = b"".join(n.to_bytes(4, "big") for n in (magic, count, rows, cols))
    return header + bytes(i % 256 for i in range(count * rows * cols))


def idx_labels(labels: list[int], count: int | None = None) -> bytes:
    """An IDX label file holding `labels`, with `count` in the header if given."""
    count = len(labels) if count is None else count
    return (0x801).to_bytes(4, "big") + count.to_bytes(4, "big") + bytes(labels)


def write_folder(folder: Path, gz: bool = True, **contents: bytes) -> Path:
    """A tiny valid folder (3 training, 2 test images); `contents` replaces files."""
    files = {
        "train_images": idx_images(3),
        "train_labels": idx_labels([0, 1, 9]),
        "test_images": idx_images(2),
        "test_labels": idx_labels([4, 2]),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for key, data in files.items():
        name = getattr(mnist, key.upper())
        if key in contents:  # written exactly as given, under the .gz name
            (folder / f"{name}.gz").write_bytes(contents[key])
        else:
            path = folder / (f"{name}.gz" if gz else name)
            path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
    return folder


# --- the bundled sample ---------------------------------------------------


def test_sample_files_match_published_sums():
    for name, digest in SAMPLE_SHA256.items():
        assert hashlib.sha256((SAMPLE / name).read_bytes()).hexdigest() == digest


def test_sample_loads_with_expected_shapes_and_balance():
    train_x, train_y, test_x, test_y = mnist.load(SAMPLE)
    assert train_x.shape == (5000, 784) and train_y.shape == (5000,)
    assert test_x.shape == (10000, 784) and test_y.shape == (10000,)
    assert {a.dtype for a in (train_x, train_y, test_x, test_y)} == {np.dtype(np.uint8)}
    assert np.bincount(train_y, minlength=10).tolist() == [500] * 10
    assert test_y.max() == 9 and train_x.max() == 255  # raw, unscaled pixels
    assert train_x.flags.writeable  # readers may shuffle in place


def test_folder_argument_beats_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MNIST_DATA_DIR", str(SAMPLE))
    assert mnist.find_data() == (SAMPLE, "folder from MNIST_DATA_DIR")
    assert len(mnist.load()[0]) == 5000
    tiny = write_folder(tmp_path / "tiny")
    assert mnist.find_data(tiny) == (tiny, "folder given as argument")
    assert len(mnist.load(tiny)[0]) == 3


def test_unpacked_files_load_like_gzipped(tmp_path):
    for gz in SAMPLE.glob("*.gz"):
        (tmp_path / gz.stem).write_bytes(gzip.decompress(gz.read_bytes()))
    for unpacked, packed in zip(mnist.load(tmp_path), mnist.load(SAMPLE), strict=True):
        np.testing.assert_array_equal(unpacked, packed)


def test_tiny_folder_values(tmp_path):
    train_x, train_y, _, test_y = mnist.load(write_folder(tmp_path, gz=False))
    assert train_y.tolist() == [0, 1, 9] and test_y.tolist() == [4, 2]
    assert train_x[1, :3].tolist() == [16, 17, 18]  # bytes 784-786 of 0, 1, 2, ... mod 256


def test_the_tests_small_folder_reads_as_their_small_subset(tmp_path):
    """The folder the code-block and notebook tests read (practice_support.write_small_mnist)."""
    for read, subset in zip(mnist.load(write_small_mnist(tmp_path)), small_mnist(), strict=True):
        np.testing.assert_array_equal(read, subset)
    _, training_labels, _, test_labels = small_mnist()
    assert np.bincount(training_labels).tolist() == [TRAIN_PER_DIGIT] * 10
    assert np.bincount(test_labels).tolist() == [TEST_PER_DIGIT] * 10


@pytest.mark.parametrize(
    ("use_env", "argv", "source"),
    [(True, [], "folder from MNIST_DATA_DIR"), (False, [str(SAMPLE)], "folder given as argument")],
)
def test_script_prints_summary(use_env, argv, source):
    env = {**os.environ, "MNIST_DATA_DIR": str(SAMPLE) if use_env else ""}
    run = subprocess.run(
        [sys.executable, "mnist.py", *argv],
        cwd=SNIPPETS / "shared",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "training images: 5,000 (the bundled 5,000-image sample)",
        "test images: 10,000",
        "training images per digit 0-9: 500 500 500 500 500 500 500 500 500 500",
        f"source: {source}",
        f"folder: {SAMPLE}",
    ]


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (60_000, "full 60,000-image"),
        (5_000, "bundled 5,000-image sample"),
        (123, "123-image subset"),
    ],
)
def test_which_set_is_decided_by_size(n, words):
    assert words in mnist.which_set(n)


# --- broken files -----------------------------------------------------------

GOOD_IMAGES = gzip.compress(idx_images(3), mtime=0)

BROKEN = {  # case: (file, its bytes, words the error message must contain)
    "truncated gzip": ("train_images", GOOD_IMAGES[: len(GOOD_IMAGES) // 2], "truncated"),
    "not gzip": ("train_images", idx_images(3), "not a valid gzip file"),
    "empty file": ("train_images", b"", "empty"),
    "empty after unpacking": ("train_images", gzip.compress(b""), "too short"),
    "short header": ("train_images", gzip.compress(idx_images(3)[:10]), "too short"),
    "wrong magic": (
        "train_images",
        gzip.compress(idx_images(3, magic=0x0D03)),
        "magic number is 0x00000D03, expected 0x00000803",
    ),
    "labels as images": (
        "train_images",
        gzip.compress(idx_labels([1, 2, 3])),
        "declares 1 dimensions, not 3",
    ),
    "two dimensions": ("test_images", gzip.compress(idx_images(2, magic=0x802)), "declares 2"),
    "wrong image size": ("train_images", gzip.compress(idx_images(3, rows=27)), "27x28 pixels"),
    "count too large": (
        "train_images",
        gzip.compress(idx_images(3)[:-784]),
        "promises 3 images (2,352 bytes) but 1,568 bytes follow the header (too few)",
    ),
    "count too small": (
        "train_images",
        gzip.compress(idx_images(3) + bytes(784)),
        "promises 3 images (2,352 bytes) but 3,136 bytes follow the header (too many)",
    ),
    "label count too large": (
        "test_labels",
        gzip.compress(idx_labels([4, 2], count=3)),
        "promises 3 labels",
    ),
    "label 10": ("train_labels", gzip.compress(idx_labels([0, 10, 9])), "label 10 at index 1"),
    "gzip ends mid-header": ("test_labels", gzip.compress(b"\0\0\x08"), "too short"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_file_raises_value_error_naming_file_and_problem(case, tmp_path):
    key, data, words = BROKEN[case]
    folder = write_folder(tmp_path, **{key: data})
    with pytest.raises(ValueError) as error:
        mnist.load(folder)
    assert str(folder / f"{getattr(mnist, key.upper())}.gz") in str(error.value)
    assert words in str(error.value)


def test_gzipped_data_under_unpacked_name_is_explained(tmp_path):
    folder = write_folder(tmp_path, gz=False)
    (folder / mnist.TRAIN_IMAGES).write_bytes(GOOD_IMAGES)
    with pytest.raises(ValueError, match=r"looks gzipped, so its name should end in \.gz"):
        mnist.load(folder)


def test_empty_unpacked_file(tmp_path):
    folder = write_folder(tmp_path, gz=False)
    (folder / mnist.TEST_LABELS).write_bytes(b"")
    with pytest.raises(ValueError, match=f"{mnist.TEST_LABELS}: the file is empty"):
        mnist.load(folder)


def test_image_and_label_counts_must_agree(tmp_path):
    folder = write_folder(tmp_path, train_labels=gzip.compress(idx_labels([1, 2, 3, 4])))
    with pytest.raises(ValueError) as error:
        mnist.load(folder)
    message = str(error.value)
    assert "3 images" in message and "4 labels" in message
    assert mnist.TRAIN_IMAGES in message and mnist.TRAIN_LABELS in message


def test_missing_file_names_folder_and_file(tmp_path):
    folder = write_folder(tmp_path)
    (folder / f"{mnist.TEST_IMAGES}.gz").unlink()
    with pytest.raises(FileNotFoundError) as error:
        mnist.load(folder)
    assert str(folder) in str(error.value) and mnist.TEST_IMAGES in str(error.value)


def test_missing_folder_names_folder_and_file(tmp_path):
    with pytest.raises(FileNotFoundError, match=re.escape(str(tmp_path / "nowhere"))):
        mnist.load(tmp_path / "nowhere")


# --- random damage never escapes as anything but ValueError -----------------


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def check_only_value_error(path: Path, data: bytes, reader) -> None:
    """Reading `data` from `path` either works or raises ValueError naming it."""
    path.write_bytes(data)
    try:
        array = reader(path)
    except ValueError as error:
        assert str(path) in str(error)
    else:
        assert array.dtype == np.uint8 and array.shape[1:] in {(), (784,)}


@settings(max_examples=150, deadline=None)
@given(
    edits=st.lists(st.tuples(st.integers(0, 15), st.integers(0, 255)), max_size=4),
    cut=st.integers(-800, 800),
    packed=st.booleans(),
)
def test_damaged_image_header_only_raises_value_error(fuzz_dir, edits, cut, packed):
    data = bytearray(idx_images(2))
    for index, value in edits:
        data[index] = value
    data = bytes(data[:cut]) if cut < 0 else bytes(data) + bytes(cut)
    name = "images.gz" if packed else "images"
    check_only_value_error(
        fuzz_dir / name, gzip.compress(data) if packed else data, mnist.read_images
    )


@settings(max_examples=150, deadline=None)
@given(
    edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=3)
)
def test_damaged_gzip_stream_only_raises_value_error(fuzz_dir, edits):
    data = bytearray(gzip.compress(idx_labels([3, 1, 4, 1, 5, 9, 2, 6])))
    for index, value in edits:
        data[index % len(data)] = value
    check_only_value_error(fuzz_dir / "labels.gz", bytes(data), mnist.read_labels)
