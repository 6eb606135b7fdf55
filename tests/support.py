"""Shared test helpers: paths, the bundled MNIST sample, building the site.

Every test sees the project the way the site build does: `snippets/` and
`scripts/` importable, matplotlib headless, and `MNIST_DATA_DIR` pointing at
the bundled sample unless the caller set it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DOCS = ROOT / "docs"
ARTIFACTS = ROOT / "test-artifacts"
IN_CI = os.environ.get("CI", "").lower() == "true"

os.environ.setdefault("MNIST_DATA_DIR", str(ROOT / "data" / "mnist-sample"))
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
for folder in (SNIPPETS, ROOT / "scripts"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from sitegen.pipeline import default_cache  # noqa: E402  (scripts/ is on sys.path now)

CACHE = default_cache()


def require(available: bool, what: str) -> None:
    """Skip when a tool is missing on a developer machine; fail in CI, where nothing may skip."""
    if not available:
        if IN_CI:
            pytest.fail(f"{what} is required in CI")
        pytest.skip(f"{what} is not available")


def run_mkdocs_build(config: Path, site_dir: Path, env: dict | None = None):
    """`mkdocs build --strict` on a config; returns the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "-f", str(config), "-d", str(site_dir)]
    return subprocess.run(command, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=config.parent)
