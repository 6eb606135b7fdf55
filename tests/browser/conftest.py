"""Headless Chromium (Debian's package) driven by Playwright, and a loopback server.

The browser is Debian's `chromium-headless-shell`: Chromium's own headless
build, the one Playwright itself runs for headless Chromium (its v1.49 notes).
It renders with the same Blink as the `chromium` package, without the desktop
browser around it (it asks for no favicon, 0.5 kB): the browser tests took 201
CPU-s with it against 270 with `chromium --headless` (the 84 there were then,
one process, same machine, one run each).

The site is served under a sub-path, as GitHub Pages serves a project site,
so a link or fetch that assumes the site lives at `/` shows up as an error.
The browser resolves every host but 127.0.0.1 to nothing, and each page gets
a `PageWatch` that records requests leaving the site (one to another host
fails, one outside the sub-path gets the server's 404), console errors,
uncaught exceptions, HTTP errors and the bytes transferred.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from checks import PREFIX
from support import ARTIFACTS, require

CHROMIUM = Path("/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    # With no estimate of the connection's speed the shell starts loading lazy images
    # further ahead than Chrome on a fast connection, which uses 1250 px (as the chromium
    # package's headless mode did here): first visits would weigh figures a reader's
    # browser leaves for later (theory: 617 kB instead of 578 kB). Chromium keeps only the
    # last --blink-settings, so this one repeats what Playwright passes in headless mode:
    # a mouse, which hovers and points finely (tested in test_pages.py).
    "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,"
    "availablePointerTypes=4,lazyLoadingImageMarginPxUnknown=1250",
]
# A page has settled when no request has been in flight for this long (PageWatch.settle).
QUIET_SECONDS = 0.1
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".ipynb", ".txt"}


@functools.cache
def gzipped(path: Path, mtime_ns: int) -> bytes:
    """The file compressed as the server sends it, once per version (tests load a page often)."""
    return gzip.compress(path.read_bytes(), mtime=0)


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serve the site only under PREFIX; anything else is a 404 with the site's 404 page.

    Like GitHub Pages, text files go out gzip-compressed to browsers that accept it,
    so the bytes the page-weight test counts are the bytes a reader downloads.
    """

    def log_message(self, format, *args) -> None:
        pass

    def end_headers(self) -> None:
        # LinkChecker spaces its requests 0.1-0.6 s apart unless the server sends this
        # header (linkcheckerrc(5), maxrequestspersecond): test_links' crawl, 30 s -> 3 s.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSED and path.is_file()):
            return super().do_GET()
        body = gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path.removeprefix(PREFIX))

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class LoopbackServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A test that closes its page while a file is still on its way (a lazy image
        # that came near the screen, say) breaks the connection: not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(folder: Path) -> ThreadingHTTPServer:
    """Serve `folder` under PREFIX on an ephemeral 127.0.0.1 port, in a thread."""
    handler = functools.partial(SubPathHandler, directory=str(folder))
    server = LoopbackServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM.exists(), "Chromium (apt-get install chromium-headless-shell)")
    require(importlib.util.find_spec("playwright") is not None, "Playwright (pip)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


@dataclass
class PageWatch:
    """Everything that went wrong while a page loaded, and what it cost."""

    outside: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    answered: list = field(default_factory=list)  # requests that finished, in order
    in_flight: set = field(default_factory=set)  # requests sent and not yet answered
    last_change: float = field(default_factory=time.monotonic)  # when a request began or ended

    def settle(self, page, quiet: float = QUIET_SECONDS, timeout: float = 30) -> None:
        """Wait until no request has been in flight for `quiet` seconds.

        Playwright's "networkidle" waits for half a second of quiet after every
        page load; the site's requests all start while it loads, or within a
        frame of it (the script of a widget near the screen), so a tenth of a
        second tells the same.
        """
        deadline = time.monotonic() + timeout
        while self.in_flight or time.monotonic() - self.last_change < quiet:
            if time.monotonic() > deadline:
                raise TimeoutError(f"requests still in flight after {timeout} s: "
                                   + ", ".join(request.url for request in self.in_flight))
            page.wait_for_timeout(20)  # lets Playwright deliver the request events

    @property
    def urls(self) -> list[str]:
        return [request.url for request in self.answered]

    @property
    def bytes_transferred(self) -> int:
        """Compressed bodies and headers, asked of the browser only when a test wants them
        (so before the page's context closes)."""
        sizes = [request.sizes() for request in self.answered]
        return sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)

    def problems(self) -> list[str]:
        return ([f"request outside the site: {url}" for url in self.outside]
                + [f"console error: {text}" for text in self.console_errors]
                + [f"uncaught exception: {text}" for text in self.page_errors]
                + [f"HTTP error: {text}" for text in self.http_errors])


def inside(site_root: str) -> Callable[[str], bool]:
    """A test for URLs that belong to the site at `site_root` (http or file)."""
    root = urlparse(site_root)

    def belongs(url: str) -> bool:
        parsed = urlparse(url)
        if parsed.scheme in {"data", "blob", "about"}:
            return True
        return (parsed.scheme, parsed.netloc) == (root.scheme, root.netloc) \
            and parsed.path.startswith(root.path)

    return belongs


def watch(page, belongs: Callable[[str], bool]) -> PageWatch:
    """Attach recorders to a Playwright page before it navigates."""
    seen = PageWatch()

    def started(request) -> None:
        if not belongs(request.url):
            seen.outside.append(request.url)
        seen.in_flight.add(request)
        seen.last_change = time.monotonic()

    def ended(request) -> None:
        seen.in_flight.discard(request)
        seen.last_change = time.monotonic()

    def finished(request) -> None:
        ended(request)
        seen.answered.append(request)

    def response(response) -> None:
        if response.status >= 400:
            seen.http_errors.append(f"{response.status} {response.url}")

    page.on("response", response)
    page.on("request", started)
    page.on("requestfinished", finished)
    page.on("requestfailed", ended)
    page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
    page.on("pageerror", lambda exc: seen.page_errors.append(str(exc)))
    return seen


@contextmanager
def page_opener(browser) -> Iterator[Callable]:
    """Opens URLs, each in a fresh context (empty cache), all closed on exit.

    The opener returns (page, watch).
    """
    contexts = []

    def opener(url: str, site_root: str, viewport: tuple[int, int] = (1280, 900),
               color_scheme: str = "light"):
        # The palette follows prefers-color-scheme (mkdocs.yml), so "dark" shows the slate scheme
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                      color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        seen = watch(page, inside(site_root))
        page.goto(url, wait_until="load")
        seen.settle(page)
        page.evaluate("document.fonts.ready")
        return page, seen

    try:
        yield opener
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def open_page(browser):
    """Open a URL for one test (page_opener)."""
    with page_opener(browser) as opener:
        yield opener


@pytest.fixture(scope="module")
def open_page_for_module(browser):
    """Open a URL for a module's tests to share: only for tests that leave the page as it was."""
    with page_opener(browser) as opener:
        yield opener


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
