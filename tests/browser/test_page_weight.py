"""Bytes each page transfers on a first visit (empty cache); the heaviest stays under 300 kB.

The test server compresses text files with gzip, as GitHub Pages does, so the
transfer column is what a reader downloads; the size column adds up the same
files uncompressed, as they lie in the offline copy.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from checks import PAGES, PREFIX, page_url
from support import ARTIFACTS

LIMIT = 300_000  # issue #17's target for a first visit, compressed


def size_on_disk(site: Path, urls: list[str]) -> int:
    """Uncompressed bytes of the site's files behind `urls`."""
    total = 0
    for url in set(urls):
        path = site / unquote(urlparse(url).path).removeprefix(PREFIX)
        path = path / "index.html" if path.is_dir() else path
        total += path.stat().st_size if path.is_file() else 0
    return total


def test_page_weight(site_url, built_site, open_page, request):
    weights, sizes = {}, {}
    for name in PAGES:
        _, seen = open_page(page_url(site_url, name), site_url)
        weights[name], sizes[name] = seen.bytes_transferred, size_on_disk(built_site, seen.urls)
    heaviest = max(weights, key=weights.get)
    ARTIFACTS.mkdir(exist_ok=True)  # for scripts/measure.py
    (ARTIFACTS / "page-weight.json").write_text(json.dumps(
        {name: {"transferred": weights[name], "size": sizes[name]} for name in sorted(weights)},
        indent=1))
    rows = [f"{name:28} {weights[name] / 1000:9.1f} kB {sizes[name] / 1000:9.1f} kB"
            for name in sorted(weights)]
    summary = ("Page weight, first load with an empty cache:\n"
               f"{'page':28} {'transfer':>12} {'size':>12}\n" + "\n".join(rows)
               + f"\nheaviest: {heaviest} ({weights[heaviest] / 1e6:.2f} MB transferred)")
    # For the terminal summary (conftest.py); record_property would warn under --junitxml.
    request.node.user_properties.append(("summary", summary))
    if weights[heaviest] >= LIMIT:
        pytest.fail(f"{heaviest} transfers {weights[heaviest]:,} bytes (limit {LIMIT:,})")
