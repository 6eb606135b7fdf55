"""Headless Chromium (Debian's package) driven by Playwright, and a loopback server.

The browser is started so that any host but 127.0.0.1 resolves to nothing,
and every page gets a `PageWatch` that records requests to other hosts
(aborting them), console errors, uncaught exceptions and HTTP errors.
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from support import ARTIFACTS, require

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
LOCAL_SCHEMES = {"data", "blob", "about", "file"}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


def serve(folder: Path):
    """Serve `folder` on an ephemeral 127.0.0.1 port in a thread; returns the server."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM.exists(), "Chromium (apt-get install chromium)")
    require(importlib.util.find_spec("playwright") is not None, "Playwright (pip)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve(built_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@dataclass
class PageWatch:
    """Everything that went wrong while a page loaded."""

    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    bytes_received: int = 0

    def problems(self) -> list[str]:
        return ([f"request to another host: {url}" for url in self.external]
                + [f"console error: {text}" for text in self.console_errors]
                + [f"uncaught exception: {text}" for text in self.page_errors]
                + [f"HTTP error: {text}" for text in self.http_errors])


def is_local(url: str, allowed_host: str = "127.0.0.1") -> bool:
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or parsed.hostname == allowed_host


def watch(page) -> PageWatch:
    """Attach recorders to a Playwright page before it navigates."""
    seen = PageWatch()

    def route(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            seen.external.append(route.request.url)
            route.abort()

    def response(response):
        if response.status >= 400:
            seen.http_errors.append(f"{response.status} {response.url}")

    page.route("**/*", route)
    page.on("response", response)
    page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
    page.on("pageerror", lambda exc: seen.page_errors.append(str(exc)))
    return seen


@pytest.fixture
def new_page(browser):
    """A fresh browser context (empty cache) and a watched page in it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = watch(page)
    yield page, seen
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
