"""Bytes each page transfers on a first visit (empty cache); the heaviest stays under 1.5 MB."""

from __future__ import annotations

import pytest

from checks import PAGES, page_url

LIMIT = 1_500_000


def test_page_weight(site_url, open_page, capsys):
    weights = {}
    for name in PAGES:
        _, seen = open_page(page_url(site_url, name), site_url)
        weights[name] = seen.bytes_transferred
    rows = [f"{name:28} {size / 1000:9.1f} kB" for name, size in sorted(weights.items())]
    heaviest = max(weights, key=weights.get)
    with capsys.disabled():
        print("\n\nPage weight (first load, empty cache):\n" + "\n".join(rows)
              + f"\nheaviest: {heaviest} ({weights[heaviest] / 1e6:.2f} MB)\n")
    if weights[heaviest] >= LIMIT:
        pytest.fail(f"{heaviest} transfers {weights[heaviest]:,} bytes (limit {LIMIT:,})")
