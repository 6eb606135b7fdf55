"""Tests for the download path of mnist.py, against a loopback server.

The server plays several mirrors at once, one per URL prefix:
/good/ serves the bundled sample files, /missing/ answers 404, /wrong/ sends
other bytes of the same length, /drop/ announces the full Content-Length and
then closes the connection halfway. The loader is pointed at it with the
sample's SHA-256 sums, so nothing here touches the internet.
"""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pooch
import pytest

import mnist
from support import MNIST_SAMPLE as SAMPLE

FILES = {path.name: path.read_bytes() for path in SAMPLE.glob("*.gz")}
SAMPLE_SHA256 = {name: hashlib.sha256(data).hexdigest() for name, data in FILES.items()}


class Mirrors(ThreadingHTTPServer):
    """A loopback HTTP server that records every path it is asked for."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), MirrorHandler)
        self.requests: list[str] = []
        self.hidden: set[str] = set()  # names that answer 404 on every route
        self.flaky = False  # cut off the first request for each file

    def url(self, route: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{route}/"


class MirrorHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # the method name http.server calls for GET
        self.server.requests.append(self.path)
        route, _, name = self.path.strip("/").partition("/")
        body = FILES.get(name)
        if body is None or route == "missing" or name in self.server.hidden:
            self.send_error(404)
            return
        if route == "wrong":
            body = body[::-1]
        first_try = self.server.requests.count(self.path) == 1
        cut_off = route == "drop" or (self.server.flaky and first_try)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2] if cut_off else body)
        self.close_connection = True

    def log_message(self, *args) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def server(monkeypatch):
    monkeypatch.delenv("MNIST_DATA_DIR", raising=False)  # force the download path
    monkeypatch.setattr(mnist, "RETRIES", 0)  # one attempt per mirror unless a test says so
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # a proxy must not see loopback requests
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    mirrors = Mirrors()
    thread = threading.Thread(target=mirrors.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield mirrors
    mirrors.shutdown()
    mirrors.server_close()


def load_from(server: Mirrors, cache: Path, *routes: str):
    return mnist.load(
        mirrors=[server.url(r) for r in routes], sha256=SAMPLE_SHA256, cache_dir=cache
    )


def leftovers(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.iterdir()) if cache.exists() else []


def test_download_matches_sample(server, tmp_path):
    for got, want in zip(load_from(server, tmp_path, "good"), mnist.load(SAMPLE), strict=True):
        np.testing.assert_array_equal(got, want)
    assert leftovers(tmp_path) == sorted(FILES)
    assert len(server.requests) == 4


def test_first_mirror_missing_falls_back_to_second(server, tmp_path):
    images, *_ = load_from(server, tmp_path, "missing", "good")
    assert images.shape == (5000, 784)
    assert sorted(r.split("/")[1] for r in server.requests) == ["good"] * 4 + ["missing"] * 4
    assert leftovers(tmp_path) == sorted(FILES)


def test_wrong_bytes_fail_the_checksum_and_leave_nothing(server, tmp_path):
    with pytest.raises(OSError, match="could not download") as error:
        load_from(server, tmp_path, "wrong")
    assert "hash" in str(error.value) and server.url("wrong") in str(error.value)
    assert leftovers(tmp_path) == []


def test_wrong_bytes_on_first_mirror_fall_back_to_second(server, tmp_path):
    assert len(load_from(server, tmp_path, "wrong", "good")[0]) == 5000
    assert leftovers(tmp_path) == sorted(FILES)


def test_dropped_connection_fails_and_leaves_nothing(server, tmp_path):
    with pytest.raises(OSError, match=r"could not download train-images-idx3-ubyte\.gz"):
        load_from(server, tmp_path, "drop")
    assert leftovers(tmp_path) == []


def test_all_mirrors_failing_lists_each_one(server, tmp_path):
    with pytest.raises(OSError) as error:
        load_from(server, tmp_path, "missing", "drop", "wrong")
    for route in ("missing", "drop", "wrong"):
        assert server.url(route) + "train-images-idx3-ubyte.gz" in str(error.value)
    assert leftovers(tmp_path) == []


def test_second_call_uses_cache_without_requests(server, tmp_path):
    load_from(server, tmp_path, "good")
    assert len(server.requests) == 4
    load_from(server, tmp_path, "good")
    assert len(server.requests) == 4


def test_corrupt_cached_file_is_downloaded_again(server, tmp_path):
    load_from(server, tmp_path, "good")
    cached = tmp_path / "t10k-labels-idx1-ubyte.gz"
    cached.write_bytes(b"not the real file")
    load_from(server, tmp_path, "good")
    assert server.requests[4:] == ["/good/t10k-labels-idx1-ubyte.gz"]
    assert cached.read_bytes() == FILES[cached.name]


def test_partial_failure_keeps_verified_files_and_resumes(server, tmp_path):
    server.hidden.add("t10k-labels-idx1-ubyte.gz")
    with pytest.raises(OSError, match=r"could not download t10k-labels-idx1-ubyte\.gz"):
        load_from(server, tmp_path, "good")
    assert leftovers(tmp_path) == sorted(set(FILES) - server.hidden)
    server.hidden.clear()
    load_from(server, tmp_path, "good")
    assert server.requests[4:] == ["/good/t10k-labels-idx1-ubyte.gz"]


def test_module_constants_and_default_cache_are_used(server, tmp_path, monkeypatch):
    monkeypatch.setattr(mnist, "MIRRORS", (server.url("missing"), server.url("good")))
    monkeypatch.setattr(mnist, "SHA256", SAMPLE_SHA256)
    monkeypatch.setattr(pooch, "os_cache", lambda project: tmp_path / project)
    assert mnist.find_data()[1] == "download cache"
    assert mnist.find_data()[0] == tmp_path / "mnist"
    assert len(mnist.load()[0]) == 5000
    assert leftovers(tmp_path / "mnist") == sorted(FILES)


def test_a_dropped_download_is_retried(server, tmp_path, monkeypatch):
    """pooch retries a failed download (here: the first attempt at each file is cut off)."""
    monkeypatch.setattr(mnist, "RETRIES", 1)
    monkeypatch.setattr(pooch.core.time, "sleep", lambda _seconds: None)  # no waiting
    server.flaky = True
    assert len(load_from(server, tmp_path, "good")[0]) == 5000
    assert len(server.requests) == 8  # every file: one cut-off attempt, one complete
    assert leftovers(tmp_path) == sorted(FILES)
