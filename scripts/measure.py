"""Measure the figures the project tracks, and print them (a table, or JSON with --json).

    python scripts/measure.py [--json] [--suite] [--repeat N]

- cold build: `mkdocs build --strict` from an empty snippet cache (every snippet
  and the rendered notebook run), once;
- warm build: the same build again, nothing changed (nothing may run), N times;
- serve reload: `mkdocs serve` on a scratch copy of the project; a prose line
  added to the home page, N times, a second apart; seconds from each save
  until the open browser page shows it; the same with `mkdocs serve --dirty`
  (only edited pages are built again). The server looks for changes every
  0.1 s (scripts/sitegen/serve_watch.py), so single reloads vary by that much;
- MNIST sample load: `mnist.load()` of data/mnist-sample, best of five;
- prediction: draw-a-digit's forward pass in Chromium, mean of 100 after a warm-up;
- page weight: bytes each page transfers on a first load, gzip as GitHub Pages
  serves it (tests/browser/test_pages.py::test_page_weight measures it): the
  heaviest, the largest uncompressed, and how many pages stay within 600 kB
  uncompressed;
- test suite: the wall time of the last full `pytest` run (test-artifacts/junit.xml),
  or of a new one with --suite.

Times are wall-clock seconds on this machine whatever else it is doing, so the
output carries the load average, the date and the machine, and repeated
times their median and range (N = 5 unless --repeat says otherwise). Tests
never assert times; this script reports them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
sys.path[:0] = [str(ROOT / "tests" / "browser"), str(ROOT / "tests"), str(ROOT / "scripts")]

from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402  (the tests' own server)
from support import copy_project  # noqa: E402  (a scratch copy, as the tests make)

PREFIX = "/introduction-to-neural-networks/"
PREDICTION = """pixels => {
  for (const digit of pixels) drawDigit.probabilities(digit);  // warm up
  const start = performance.now();
  for (let i = 0; i < 100; i += 1) drawDigit.probabilities(pixels[i % pixels.length]);
  return (performance.now() - start) / 100;
}"""


def timed_build(site: Path, cache: Path) -> float:
    env = {**os.environ, "SITEGEN_CACHE_DIR": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def serve_reloads(cache: Path, repeat: int, *options: str) -> list[float]:
    """Seconds from saving an edited prose line to the served page showing it, `repeat` times."""
    with tempfile.TemporaryDirectory() as scratch:
        project = copy_project(Path(scratch))
        port = free_port()
        env = {**os.environ, "SITEGEN_CACHE_DIR": str(cache), "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                                   f"127.0.0.1:{port}", *options], cwd=project, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with chromium() as browser:
                page = browser.new_page()
                url = f"http://127.0.0.1:{port}{PREFIX}"
                for _ in range(600):  # the first build of the copy runs before serving
                    with contextlib.suppress(Exception):
                        page.goto(url, wait_until="load")
                        break
                    time.sleep(0.5)
                return [reload_after_edit(page, project / "docs" / "index.md")
                        for _ in range(repeat)]
        finally:
            server.terminate()
            server.wait()


def reload_after_edit(page, markdown: Path) -> float:
    """Add a line to `markdown`; seconds until the open page shows it."""
    time.sleep(1)  # the server and the page are idle again
    marker = f"measured-edit-{time.time_ns()}"
    started = time.perf_counter()
    markdown.write_text(markdown.read_text() + f"\n{marker}\n")
    page.wait_for_function(f"document.body.textContent.includes({marker!r})", timeout=120_000)
    return time.perf_counter() - started


def spread(values: list[float]) -> dict:
    """Median and range of repeated measurements, with the runs themselves."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "runs": values}


def mnist_load() -> float:
    sys.path.insert(0, str(ROOT / "snippets" / "shared"))
    import mnist

    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        mnist.load(ROOT / "data" / "mnist-sample")
        best = min(best, time.perf_counter() - started)
    return best


def prediction_ms(site: Path) -> float:
    """Mean milliseconds of one draw-a-digit prediction on 20 test digits."""
    sys.path.insert(0, str(ROOT / "snippets" / "shared"))
    import mnist

    digits = mnist.load(ROOT / "data" / "mnist-sample")[2][:20].tolist()
    server = serve(site)
    try:
        with chromium() as browser:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}{PREFIX}from-scratch/")
            page.locator("[data-nn-draw]").scroll_into_view_if_needed()  # its script loads then
            page.wait_for_function("typeof window.drawDigit?.probabilities === 'function'")
            return page.evaluate(PREDICTION, digits)
    finally:
        server.shutdown()


def page_weight() -> dict:
    """The page that transfers most, the largest uncompressed, and every page's figures."""
    subprocess.run([sys.executable, "-m", "pytest", "-q",
                    "tests/browser/test_pages.py::test_page_weight"],
                   cwd=ROOT, check=True, capture_output=True)
    weights = json.loads((ARTIFACTS / "page-weight.json").read_text())
    heaviest = max(weights, key=lambda name: weights[name]["transferred"])
    largest = max(weights, key=lambda name: weights[name]["size"])
    return {"heaviest_page": heaviest, **weights[heaviest], "largest_page": largest,
            "largest_size": weights[largest]["size"], "pages": weights}


def suite_seconds(run: bool) -> float | None:
    junit = ARTIFACTS / "junit.xml"
    if run:
        subprocess.run([sys.executable, "-m", "pytest", "-q", f"--junitxml={junit}"], cwd=ROOT,
                       check=False, capture_output=True)
    if not junit.is_file():
        return None
    return float(ET.parse(junit).getroot().find("testsuite").get("time"))


def measure(run_suite: bool, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        cache, site = Path(scratch) / "cache", Path(scratch) / "site"
        figures = {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
                   "machine": f"{platform.processor() or platform.machine()}, "
                              f"{os.cpu_count()} cores, Python {platform.python_version()}",
                   "load_average_before": os.getloadavg()[0],
                   "cold_build_s": timed_build(site, cache),
                   "warm_build_s": spread([timed_build(site, cache) for _ in range(repeat)]),
                   "serve_reload_s": spread(serve_reloads(cache, repeat)),
                   "dirty_serve_reload_s": spread(serve_reloads(cache, repeat, "--dirty")),
                   "mnist_sample_load_s": mnist_load(),
                   "prediction_ms": prediction_ms(site)}
    figures["page_weight"] = page_weight()
    figures["test_suite_s"] = suite_seconds(run_suite)
    figures["load_average_after"] = os.getloadavg()[0]
    return figures


def table(figures: dict) -> str:
    weight = figures["page_weight"]
    suite = figures["test_suite_s"]
    return "\n".join([
        f"measured {figures['date']} on {figures['machine']}; load average "
        f"{figures['load_average_before']:.2f} before, {figures['load_average_after']:.2f} after",
        f"cold build            {figures['cold_build_s']:8.1f} s",
        f"warm build            {seconds(figures['warm_build_s'])}",
        f"serve: edit to reload {seconds(figures['serve_reload_s'])}",
        f"serve --dirty: reload {seconds(figures['dirty_serve_reload_s'])}",
        f"MNIST sample load     {figures['mnist_sample_load_s'] * 1000:8.1f} ms",
        f"draw-a-digit predict  {figures['prediction_ms']:8.2f} ms",
        f"heaviest page         {weight['transferred'] / 1000:8.1f} kB transferred, "
        f"{weight['size'] / 1000:.1f} kB uncompressed ({weight['heaviest_page']})",
        f"largest page          {weight['largest_size'] / 1000:8.1f} kB uncompressed "
        f"({weight['largest_page']}); {small_pages(weight['pages'])}",
        f"test suite            {suite:8.1f} s" if suite else "test suite            (no run)",
    ])


def small_pages(pages: dict, limit: int = 600_000) -> str:
    """How many pages stay within `limit` bytes uncompressed: `6 of 12 pages <= 600 kB`."""
    within = sum(page["size"] <= limit for page in pages.values())
    return f"{within} of {len(pages)} pages <= {limit // 1000} kB"


def seconds(times: dict) -> str:
    """A median with its range: `    2.2 s (2.1-2.4, 5 runs)`."""
    return (f"{times['median']:8.1f} s ({times['min']:.1f}-{times['max']:.1f}, "
            f"{len(times['runs'])} runs)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--suite", action="store_true", help="also time a full test run")
    parser.add_argument("--repeat", type=int, default=5, metavar="N",
                        help="warm builds and reloads to time (default 5)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    figures = measure(args.suite, args.repeat)
    print(json.dumps(figures, indent=1) if args.json else table(figures))


if __name__ == "__main__":
    main()
