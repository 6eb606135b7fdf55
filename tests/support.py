"""Shared test helpers: paths, the bundled MNIST sample, running snippets, building the site.

Every test sees the project the way the site build does: `snippets/` and
`scripts/` importable, matplotlib headless, and `MNIST_DATA_DIR` pointing at
the bundled sample unless the caller set it.
"""

from __future__ import annotations

import contextlib
import io
import os
import runpy
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DOCS = ROOT / "docs"
ARTIFACTS = ROOT / "test-artifacts"
MNIST_SAMPLE = ROOT / "data" / "mnist-sample"
IN_CI = os.environ.get("CI", "").lower() == "true"

os.environ.setdefault("MNIST_DATA_DIR", str(MNIST_SAMPLE))
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


def run_snippet(name: str, argv: list[str] | None = None,
                cwd: Path = SNIPPETS) -> tuple[dict, str]:
    """Run snippets/<name>.py as a reader would: `python <name>.py [argv]` in snippets/ (or `cwd`).

    Warnings are errors, also while drawing the figures it made (as `plt.show()` would draw
    them). Returns its top-level names and what it printed; the figures stay open.
    """
    stdout = io.StringIO()
    saved_argv, sys.argv = sys.argv, [f"{name}.py", *(argv or [])]
    try:
        with contextlib.chdir(cwd), warnings.catch_warnings(), contextlib.redirect_stdout(stdout):
            warnings.simplefilter("error")
            namespace = runpy.run_path(str(SNIPPETS / f"{name}.py"), run_name="__main__")
            pyplot = sys.modules.get("matplotlib.pyplot")  # imported if the snippet plotted
            for number in pyplot.get_fignums() if pyplot else []:
                pyplot.figure(number).canvas.draw()
    finally:
        sys.argv = saved_argv
    return namespace, stdout.getvalue()


def run_mkdocs_build(config: Path, site_dir: Path, env: dict | None = None):
    """`mkdocs build --strict` on a config; returns the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "-f", str(config), "-d", str(site_dir)]
    return subprocess.run(command, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=config.parent)
