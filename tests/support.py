"""Shared test helpers: paths, the bundled MNIST sample, running snippets, building the site.

Every test sees the project the way the site build does: every snippet folder
(`snippets/<page>/`, `snippets/shared/`) and `scripts/` importable (snippet
names are unique across the tree), matplotlib headless, and `MNIST_DATA_DIR`
pointing at the bundled sample unless the caller set it.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DOCS = ROOT / "docs"
ARTIFACTS = ROOT / "test-artifacts"
MNIST_SAMPLE = ROOT / "data" / "mnist-sample"
IN_CI = os.environ.get("CI", "").lower() == "true"
# Material's own stylesheets (main and palette), as the site links them.
MATERIAL_STYLESHEETS = sorted((Path(material.__file__).parent / "templates" / "assets"
                               / "stylesheets").glob("*.min.css"))

os.environ.setdefault("MNIST_DATA_DIR", str(MNIST_SAMPLE))
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
for folder in (*sorted(SNIPPETS.glob("*/")), ROOT / "scripts"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from sitegen.pipeline import default_cache, last_commit_time  # noqa: E402  (scripts/ is on sys.path now)
from sitegen.snippet_cache import COMPUTE_ENV, find_snippets  # noqa: E402
from sitegen.snippet_runner import describe_warnings, module_folders, run_as_main  # noqa: E402

# Tests compute as the build's snippets do (sitegen.snippet_cache.COMPUTE_ENV). The two
# test processes (pyproject.toml) start with this environment, so each gets one BLAS
# thread (with two each on two cores, waiting threads spun and code ran 5x slower), and
# so does every process they start; glibc reads the malloc settings when a process
# starts, so under -n 0 they reach only those.
for variable, value in COMPUTE_ENV.items():
    os.environ.setdefault(variable, value)
# Scratch copies of the project are no git checkouts: date every build the tests make
# by this checkout's last commit, as the build itself dates a build of it.
if (LAST_COMMIT := last_commit_time()) is not None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", LAST_COMMIT)

SNIPPET_FILES = find_snippets(SNIPPETS)

CACHE = default_cache()


def require(available: bool, what: str) -> None:
    """Skip when a tool is missing on a developer machine; fail in CI, where nothing may skip."""
    if not available:
        if IN_CI:
            pytest.fail(f"{what} is required in CI")
        pytest.skip(f"{what} is not available")


def run_snippet(name: str, argv: list[str] | None = None,
                cwd: Path | None = None) -> tuple[dict, str]:
    """Run a snippet as a reader would, `python <name>.py [argv]` in its folder (or `cwd`).

    A warning fails the test, also one raised while drawing the figures it made
    (as `plt.show()` would draw them). Returns its top-level names and what it
    printed; the figures stay open.
    """
    namespace, stdout, caught = run_as_main(SNIPPET_FILES[name], argv, cwd)
    if caught:
        info = describe_warnings(caught)
        pytest.fail(f"{name}.py warned: {info['traceback']}")
    return namespace, stdout


def snippet_env(name: str, **overrides: str) -> dict[str, str]:
    """The environment to run a snippet with `python path/to/name.py`, imports as in the build."""
    folders = os.pathsep.join(str(folder) for folder in module_folders(SNIPPET_FILES[name]))
    return {**os.environ, "PYTHONPATH": folders, **overrides}


def run_mkdocs_build(config: Path, site_dir: Path, env: dict | None = None,
                     timeout: float | None = None):
    """`mkdocs build --strict` on a config; returns the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "-f", str(config), "-d", str(site_dir)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, cwd=config.parent)


COPIED = ("docs", "snippets", "scripts", "overrides", "mkdocs.yml")
LINKED = ("node_modules", "data")


def copy_project(folder: Path) -> Path:
    """A scratch copy of the project in `folder`, for a test to break; data is linked."""
    copy = folder / "project"
    copy.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    for name in LINKED:
        (copy / name).symlink_to(ROOT / name)
    return copy


def build_project(project: Path, cache: Path = CACHE):
    """`mkdocs build --strict` of a scratch copy, sharing a snippet cache."""
    return run_mkdocs_build(project / "mkdocs.yml", project / "site",
                            env={"SITEGEN_CACHE_DIR": str(cache)})


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path in the site, with its bytes."""
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def search_sections(html: str) -> list[tuple]:
    """What Material's search makes of a page's HTML: each section's id, title and text."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text)) for s in parser.data if not s.is_excluded()]


def figure_png() -> str:
    """A small matplotlib line plot as base64 PNG, as a notebook output holds it."""
    import io

    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(4, 3), dpi=72)
    x = np.linspace(0, 6, 200)
    ax.plot(x, np.sin(x), x, np.cos(x))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()
