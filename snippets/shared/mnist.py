"""Load the MNIST handwritten digits as NumPy arrays.

Copy this file next to your own script and call ``mnist.load()``. You get four
``uint8`` arrays: training images, training labels, test images, test labels.
Each image is a row of 784 grey values 0-255 (28 x 28, row by row); each label
is its digit 0-9. Nothing is scaled or shuffled: that is up to you.

The data comes from the first of these that applies: the folder you pass,
``mnist.load("folder")``; the folder named by the environment variable
``MNIST_DATA_DIR``; or a download of the four official files into a per-user
cache (``pooch.os_cache("mnist")``, e.g. ``~/.cache/mnist`` on Linux). pooch
downloads: it tries each mirror in ``MIRRORS`` (retrying a failed download),
checks every file against its SHA-256 sum in ``SHA256``, writes a file only once
it is complete and verified, and shows a progress bar if tqdm is installed.

A folder holds the four standard file names, gzipped (``.gz``) or unpacked; the
training set may have any size. The files are IDX, MNIST's plain binary format,
and are checked strictly: anything malformed raises ``ValueError`` naming the
file and the problem. ``python mnist.py [folder]`` says what data it finds.

MNIST is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, shared under
CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/).
"""

import gzip
import importlib.util
import os
import sys
import zlib
from pathlib import Path

import numpy as np
import pooch

# build-inputs: $MNIST_DATA_DIR
MIRRORS = (  # public copies of the original files, tried in this order
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)
TRAIN_IMAGES, TRAIN_LABELS = "train-images-idx3-ubyte", "train-labels-idx1-ubyte"
TEST_IMAGES, TEST_LABELS = "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"
SHA256 = {  # of the published full set: 60,000 training and 10,000 test images
    f"{TRAIN_IMAGES}.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
    f"{TRAIN_LABELS}.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
    f"{TEST_IMAGES}.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    f"{TEST_LABELS}.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
}
RETRIES = 2  # extra attempts per mirror and file, for a flaky connection
# IDX magic numbers: two zero bytes, data type 0x08 (unsigned byte), number of dimensions.
IMAGE_MAGIC, LABEL_MAGIC = 0x00000803, 0x00000801
SIDE = 28
Arrays = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


# --8<-- [start:load]
def load(data_dir=None, *, mirrors=None, sha256=None, cache_dir=None) -> Arrays:
    """Return ``(training_images, training_labels, test_images, test_labels)``.

    ``mirrors``, ``sha256`` and ``cache_dir`` only matter for a download.
    """
    folder, _ = find_data(data_dir, mirrors=mirrors, sha256=sha256, cache_dir=cache_dir)
    return read_folder(folder)


def find_data(data_dir=None, **download_options) -> tuple[Path, str]:
    """Return the data folder and a few words saying where it came from."""
    if data_dir is not None:
        return Path(data_dir), "folder given as argument"
    if os.environ.get("MNIST_DATA_DIR"):
        return Path(os.environ["MNIST_DATA_DIR"]), "folder from MNIST_DATA_DIR"
    return download(**download_options), "download cache"
# --8<-- [end:load]


def download(mirrors=None, sha256=None, cache_dir=None) -> Path:
    """Fetch the four files into the cache (those not there and verified yet)."""
    sha256 = SHA256 if sha256 is None else sha256
    folder = Path(pooch.os_cache("mnist") if cache_dir is None else cache_dir)
    for name in (TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS):
        fetch(f"{name}.gz", folder, MIRRORS if mirrors is None else mirrors, sha256)
    return folder


def fetch(name: str, folder: Path, mirrors, sha256: dict) -> None:
    """Download one file from the first mirror that serves it with the right hash."""
    failures = []
    for mirror in mirrors:
        store = pooch.create(path=folder, base_url=mirror, retry_if_failed=RETRIES,
                             registry={file: f"sha256:{digest}" for file, digest in sha256.items()})
        try:
            store.fetch(name, progressbar=importlib.util.find_spec("tqdm") is not None)
            return
        except (OSError, ValueError) as error:  # network errors, wrong checksum
            failures.append(f"  {mirror}{name}: {error}")
    raise OSError(f"could not download {name} from any mirror:\n" + "\n".join(failures))


def read_folder(folder) -> Arrays:
    """Read the four MNIST files from one folder; the counts of each pair must agree."""
    arrays = []
    for images_name, labels_name in ((TRAIN_IMAGES, TRAIN_LABELS), (TEST_IMAGES, TEST_LABELS)):
        images_path, labels_path = locate(folder, images_name), locate(folder, labels_name)
        images, labels = read_images(images_path), read_labels(labels_path)
        if len(images) != len(labels):
            raise ValueError(f"{images_path} holds {len(images):,} images but {labels_path} "
                             f"holds {len(labels):,} labels; the counts must agree")
        arrays += [images, labels]
    return tuple(arrays)


def locate(folder, name: str) -> Path:
    """``name.gz`` in ``folder`` if present, else the unpacked ``name``."""
    for candidate in (Path(folder) / f"{name}.gz", Path(folder) / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no MNIST file {name}.gz (or unpacked {name}) in folder {folder}")


# --8<-- [start:idx]
def read_images(path) -> np.ndarray:
    """Read an IDX image file (gzipped if its name ends in .gz) as an (n, 784) array."""
    data = read_bytes(Path(path))
    count, rows, cols = read_header(data, path, IMAGE_MAGIC)
    if (rows, cols) != (SIDE, SIDE):
        raise ValueError(f"{path}: images are {rows}x{cols} pixels, expected {SIDE}x{SIDE}")
    return read_body(data, path, offset=16, count=count, record=rows * cols, what="images")


def read_labels(path) -> np.ndarray:
    """Read an IDX label file (gzipped if its name ends in .gz) as an (n,) array."""
    data = read_bytes(Path(path))
    (count,) = read_header(data, path, LABEL_MAGIC)
    labels = read_body(data, path, offset=8, count=count, record=1, what="labels").ravel()
    bad = np.flatnonzero(labels > 9)
    if bad.size:
        raise ValueError(f"{path}: label {labels[bad[0]]} at index {bad[0]}, not 0-9")
    return labels


def read_header(data: bytes, path, magic: int) -> tuple[int, ...]:
    """Check the magic number and return the size of each dimension."""
    found, ndim = int.from_bytes(data[:4], "big"), magic & 0xFF
    if len(data) >= 4 and found != magic:  # checked first: it says the most
        problem = ("the file looks gzipped, so its name should end in .gz"
                   if data[:2] == b"\x1f\x8b" else
                   f"the header declares {found & 0xFF} dimensions, not {ndim}"
                   if found >> 8 == magic >> 8 else "this is not an IDX file of unsigned bytes")
        raise ValueError(f"{path}: magic number is 0x{found:08X}, expected 0x{magic:08X}: "
                         + problem)
    if len(data) < 4 + 4 * ndim:
        raise ValueError(f"{path}: only {len(data)} bytes, too short for the "
                         f"{4 + 4 * ndim}-byte IDX header")
    # The sizes are big-endian unsigned 32-bit integers after the magic number.
    return tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))


def read_body(data: bytes, path, *, offset: int, count: int, record: int, what: str):
    """The bytes after the header as a (count, record) array: exactly what it promised."""
    expected, found = count * record, len(data) - offset
    if found != expected:
        raise ValueError(f"{path}: header promises {count:,} {what} ({expected:,} bytes) but "
                         f"{found:,} bytes follow the header "
                         f"({'too few' if found < expected else 'too many'})")
    # Copied: frombuffer's view is read-only, and readers may shuffle in place.
    return np.frombuffer(data, np.uint8, offset=offset).reshape(count, record).copy()
# --8<-- [end:idx]


def read_bytes(path: Path) -> bytes:
    """The file's contents, decompressed if its name ends in .gz."""
    raw = path.read_bytes()
    if not raw:
        raise ValueError(f"{path}: the file is empty")
    try:
        return gzip.decompress(raw) if path.suffix == ".gz" else raw
    except EOFError as error:
        raise ValueError(f"{path}: the gzip data is truncated ({error})") from error
    except (OSError, zlib.error) as error:
        raise ValueError(f"{path}: not a valid gzip file ({error})") from error


def which_set(n_training: int) -> str:
    """Name the training set from its size (the bundled sample has 5,000 images)."""
    names = {60_000: "the full 60,000-image training set", 5_000: "the bundled 5,000-image sample"}
    return names.get(n_training, f"a {n_training:,}-image subset")


if __name__ == "__main__":
    folder, source = find_data(sys.argv[1] if len(sys.argv) > 1 else None)
    training_images, training_labels, test_images, test_labels = read_folder(folder)
    print(f"training images: {len(training_images):,} ({which_set(len(training_images))})")
    print(f"test images: {len(test_images):,}")
    print("training images per digit 0-9:", *np.bincount(training_labels, minlength=10))
    print(f"source: {source}")
    print(f"folder: {folder}")
