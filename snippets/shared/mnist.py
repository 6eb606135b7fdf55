"""Load the MNIST handwritten digits as NumPy arrays.

Copy this file next to your own script and call ``mnist.load()``. You get four
arrays: training images, training labels, test images and test labels. Every
image is one row of 784 pixels (28 x 28, read row by row) with the raw grey
values 0-255 as ``uint8``; every label is its digit 0-9, also ``uint8``.
Nothing is scaled or shuffled, so that is up to you.

The data is taken from the first of these that applies:

1. the folder you pass, ``mnist.load("path/to/folder")``;
2. the folder named by the environment variable ``MNIST_DATA_DIR``;
3. a download of the four official files into a per-user cache folder
   (``pooch.os_cache("mnist")``, for example ``~/.cache/mnist`` on Linux). Each
   mirror in ``MIRRORS`` is tried in turn and every file must match its SHA-256
   sum in ``SHA256``; later calls reuse the cached files.

A folder holds the four standard MNIST file names (``train-images-idx3-ubyte``,
``train-labels-idx1-ubyte``, ``t10k-images-idx3-ubyte``,
``t10k-labels-idx1-ubyte``), each either gzipped (``.gz``) or already unpacked.
The training set may have any size, so a small sample works like the full
60,000 images. The files use IDX, the plain binary format MNIST ships in; they
are checked strictly and anything malformed raises ``ValueError`` naming the
file and the problem.

Run ``python mnist.py`` (optionally followed by a folder) to see which data it
finds. Needs NumPy and pooch; pooch draws a download progress bar with tqdm
when that is installed, otherwise this file draws a plain one.

MNIST is the work of Yann LeCun, Corinna Cortes and Christopher J.C. Burges and
is shared under the Creative Commons Attribution-ShareAlike 3.0 licence
(CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/).
"""

import gzip
import os
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path

# build-inputs: $MNIST_DATA_DIR
import numpy as np
import pooch

# Public copies of the original files, tried in this order.
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)
TRAIN_IMAGES, TRAIN_LABELS = "train-images-idx3-ubyte", "train-labels-idx1-ubyte"
TEST_IMAGES, TEST_LABELS = "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"
# SHA-256 of the published full set (60,000 training and 10,000 test images).
SHA256 = {
    f"{TRAIN_IMAGES}.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
    f"{TRAIN_LABELS}.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
    f"{TEST_IMAGES}.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    f"{TEST_LABELS}.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
}
# IDX magic number: two zero bytes, data type 0x08 (unsigned byte), dimension count.
IMAGE_MAGIC, LABEL_MAGIC = 0x00000803, 0x00000801
SIDE = 28

Arrays = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
PathLike = str | os.PathLike


# --8<-- [start:load]
def load(
    data_dir: PathLike | None = None,
    *,
    mirrors: Sequence[str] | None = None,
    sha256: Mapping[str, str] | None = None,
    cache_dir: PathLike | None = None,
) -> Arrays:
    """Return ``(training_images, training_labels, test_images, test_labels)``.

    ``mirrors``, ``sha256`` and ``cache_dir`` only matter for a download; they
    default to ``MIRRORS``, ``SHA256`` and ``pooch.os_cache("mnist")``.
    """
    folder, _ = find_data(data_dir, mirrors=mirrors, sha256=sha256, cache_dir=cache_dir)
    return read_folder(folder)


def find_data(
    data_dir: PathLike | None = None,
    *,
    mirrors: Sequence[str] | None = None,
    sha256: Mapping[str, str] | None = None,
    cache_dir: PathLike | None = None,
) -> tuple[Path, str]:
    """Return the data folder and a few words saying where it came from."""
    if data_dir is not None:
        return Path(data_dir), "folder given as argument"
    if os.environ.get("MNIST_DATA_DIR"):
        return Path(os.environ["MNIST_DATA_DIR"]), "folder from MNIST_DATA_DIR"
    folder = download(mirrors=mirrors, sha256=sha256, cache_dir=cache_dir)
    return folder, "download cache"


# --8<-- [end:load]


def download(
    mirrors: Sequence[str] | None = None,
    sha256: Mapping[str, str] | None = None,
    cache_dir: PathLike | None = None,
) -> Path:
    """Download the four files into the cache (unless there already); return it."""
    # Read the module constants at call time, so changing them takes effect.
    mirrors = MIRRORS if mirrors is None else mirrors
    sha256 = SHA256 if sha256 is None else sha256
    folder = Path(pooch.os_cache("mnist") if cache_dir is None else cache_dir)
    for name in (TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS):
        _fetch(f"{name}.gz", folder, mirrors, sha256[f"{name}.gz"])
    return folder


def _fetch(name: str, folder: Path, mirrors: Sequence[str], sha256: str) -> None:
    """Download one file into ``folder``, trying each mirror until one works."""
    failures = []
    for mirror in mirrors:
        url = mirror.rstrip("/") + "/" + name
        downloader = _downloader(name)
        try:
            # pooch re-checks the hash of a cached copy before trusting it, and
            # streams a download to a temporary file that it renames into place
            # only once the hash matches: a failed attempt leaves nothing behind.
            pooch.retrieve(
                url,
                known_hash=f"sha256:{sha256}",
                fname=name,
                path=folder,
                downloader=downloader,
            )
            return
        except (OSError, ValueError) as error:  # network errors / wrong checksum
            if isinstance(downloader.progressbar, TextProgress):
                downloader.progressbar.close()  # pooch leaves a failed bar open
            failures.append(f"  {url}: {error}")
    raise OSError(f"could not download {name} from any mirror:\n" + "\n".join(failures))


def _downloader(name: str) -> pooch.HTTPDownloader:
    """An HTTP downloader with tqdm's progress bar, or our own if tqdm is missing."""
    try:
        return pooch.HTTPDownloader(progressbar=True, chunk_size=65536)
    except ValueError:  # pooch refuses progressbar=True without tqdm
        return pooch.HTTPDownloader(progressbar=TextProgress(name), chunk_size=65536)


class TextProgress:
    """The few tqdm methods pooch calls, drawing a one-line bar on stderr."""

    def __init__(self, name: str) -> None:
        self.name, self.total, self.done, self.shown = name, 0, 0, -1

    def update(self, size: int) -> None:
        self.done += size
        percent = min(100, 100 * self.done // self.total) if self.total else 0
        if percent != self.shown:  # redraw only when the number changes
            self.shown = percent
            bar = "#" * (percent // 4)
            print(
                f"\r{self.name} [{bar:<25}] {percent:3d}%",
                end="",
                file=sys.stderr,
                flush=True,
            )

    def reset(self) -> None:
        self.done = 0

    def close(self) -> None:
        if self.shown >= 0:  # end the line only if a bar was drawn
            print(file=sys.stderr)
            self.shown = -1


def read_folder(folder: PathLike) -> Arrays:
    """Read the four MNIST files from one folder."""
    folder = Path(folder)
    training = _read_pair(_locate(folder, TRAIN_IMAGES), _locate(folder, TRAIN_LABELS))
    test = _read_pair(_locate(folder, TEST_IMAGES), _locate(folder, TEST_LABELS))
    return (*training, *test)


def _locate(folder: Path, name: str) -> Path:
    """Return ``name.gz`` in ``folder`` if present, else the unpacked ``name``."""
    for candidate in (folder / f"{name}.gz", folder / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no MNIST file {name}.gz (or unpacked {name}) in folder {folder}")


def _read_pair(images_path: Path, labels_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Read images and their labels, checking that they belong together."""
    images, labels = read_images(images_path), read_labels(labels_path)
    if len(images) != len(labels):
        raise ValueError(
            f"{images_path} holds {len(images):,} images but {labels_path} "
            f"holds {len(labels):,} labels; the counts must agree"
        )
    return images, labels


# --8<-- [start:idx]
def read_images(path: PathLike) -> np.ndarray:
    """Read an IDX image file (gzipped if its name ends in .gz) as an (n, 784) array."""
    data = _read_bytes(Path(path))
    count, rows, cols = _read_header(data, path, IMAGE_MAGIC)
    if (rows, cols) != (SIDE, SIDE):
        raise ValueError(f"{path}: images are {rows}x{cols} pixels, expected {SIDE}x{SIDE}")
    pixels = _read_body(data, path, offset=16, count=count, record=rows * cols, what="images")
    return pixels.reshape(count, rows * cols)


def read_labels(path: PathLike) -> np.ndarray:
    """Read an IDX label file (gzipped if its name ends in .gz) as an (n,) array."""
    data = _read_bytes(Path(path))
    (count,) = _read_header(data, path, LABEL_MAGIC)
    labels = _read_body(data, path, offset=8, count=count, record=1, what="labels")
    bad = np.flatnonzero(labels > 9)
    if bad.size:
        raise ValueError(f"{path}: label {labels[bad[0]]} at index {bad[0]}, not 0-9")
    return labels


def _read_header(data: bytes, path: PathLike, magic: int) -> tuple[int, ...]:
    """Check the magic number and return the size of each dimension."""
    found, ndim = int.from_bytes(data[:4], "big"), magic & 0xFF
    if len(data) >= 4 and found != magic:  # checked first: it says the most
        raise ValueError(
            f"{path}: magic number is 0x{found:08X}, expected 0x{magic:08X}: "
            + _magic_problem(data, found, magic)
        )
    if len(data) < 4 + 4 * ndim:
        raise ValueError(
            f"{path}: only {len(data)} bytes, too short for the {4 + 4 * ndim}-byte IDX header"
        )
    # The sizes are big-endian unsigned 32-bit integers after the magic number.
    return tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))


def _magic_problem(data: bytes, found: int, magic: int) -> str:
    """Explain in words how a magic number differs from the expected one."""
    if data[:2] == b"\x1f\x8b":
        return "the file looks gzipped, so its name should end in .gz"
    if found >> 8 == magic >> 8:
        return f"the header declares {found & 0xFF} dimensions, not {magic & 0xFF}"
    return "this is not an IDX file of unsigned bytes"


def _read_body(
    data: bytes, path: PathLike, *, offset: int, count: int, record: int, what: str
) -> np.ndarray:
    """Return the bytes after the header, which must be exactly what it promised."""
    expected, found = count * record, len(data) - offset
    if found != expected:
        verdict = "too few" if found < expected else "too many"
        raise ValueError(
            f"{path}: header promises {count:,} {what} ({expected:,} bytes) but "
            f"{found:,} bytes follow the header ({verdict})"
        )
    # Copied: frombuffer's view is read-only, and readers may shuffle in place.
    return np.frombuffer(data, np.uint8, offset=offset).copy()


# --8<-- [end:idx]


def _read_bytes(path: Path) -> bytes:
    """Return the file's contents, decompressed if its name ends in .gz."""
    raw = path.read_bytes()
    if not raw:
        raise ValueError(f"{path}: the file is empty")
    if path.suffix != ".gz":
        return raw
    try:
        return gzip.decompress(raw)
    except EOFError as error:
        raise ValueError(f"{path}: the gzip data is truncated ({error})") from error
    except (OSError, zlib.error) as error:
        raise ValueError(f"{path}: not a valid gzip file ({error})") from error


def which_set(n_training: int) -> str:
    """Name the training set from its size (the bundled sample has 5,000 images)."""
    if n_training == 60_000:
        return "the full 60,000-image training set"
    if n_training == 5_000:
        return "the bundled 5,000-image sample"
    return f"a {n_training:,}-image subset"


if __name__ == "__main__":
    folder, source = find_data(sys.argv[1] if len(sys.argv) > 1 else None)
    training_images, training_labels, test_images, test_labels = read_folder(folder)
    n_training, n_test = len(training_images), len(test_images)
    print(f"training images: {n_training:,} ({which_set(n_training)})")
    print(f"test images: {n_test:,}")
    print("training images per digit 0-9:", *np.bincount(training_labels, minlength=10))
    print(f"source: {source}")
    print(f"folder: {folder}")
