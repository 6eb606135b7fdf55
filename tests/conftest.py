"""Session fixtures: the built site and the snippet results the build used; open figures.

The tests run in two processes (pytest-xdist, pyproject.toml). The site is
built once for both: the first process to need it builds it under a lock,
the other waits and reads the same folder. Everything that reads or writes
the shared snippet cache waits for that build too, so no two processes ever
run the same snippet into it.

A figure drawn during a test (by a snippet, a page's code block or a
function-scoped fixture) is closed after that test; one drawn by a
module-scoped fixture stays open for the module's tests. Each module ends
with none open, whichever process runs it next.
"""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")  # even where MPLBACKEND names another backend: plt.show() must not block
import matplotlib.pyplot as plt

from sitegen import pipeline, snippet_cache
from support import ROOT, copy_project, run_mkdocs_build

# Seconds: a cold build takes about a minute; a hung one must not hold both processes.
BUILD_TIMEOUT = 1800

# Modules that take longest go to the workers first, so neither waits for the other at the end.
# While the first process builds the site (test_reproducible needs it first), the second
# runs what needs no site: the modules that never ask for it (NO_SITE), then test_notebooks,
# whose notebooks need none (a build's last seconds keep one core busy, not two).
FIRST = ("test_reproducible.py", "test_notebooks.py", "test_draw_digit.py", "test_presenter.py",
         "test_pages.py", "test_codeblocks.py", "test_offline_copy.py", "test_explorer.py",
         "test_build.py")
NO_SITE = 0.5  # the rank of a module that needs no site: right after test_reproducible


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    needs_site = {item.path for item in items if "built_site" in item.fixturenames}

    def rank(item: pytest.Item) -> float:
        if item.path.name in FIRST:
            return FIRST.index(item.path.name)
        return NO_SITE if item.path not in needs_site else len(FIRST)

    items.sort(key=rank)  # stable: tests keep their order within a module


def pytest_terminal_summary(terminalreporter) -> None:
    """Print what tests recorded as `summary` (a test process's own output is not shown)."""
    stats = terminalreporter.stats
    for report in stats.get("passed", []) + stats.get("failed", []):
        for name, text in getattr(report, "user_properties", []):
            if name == "summary":
                terminalreporter.write_sep("-", report.nodeid)
                terminalreporter.write_line(text)


def shared_folder(tmp_path_factory) -> Path:
    """A folder every test process of this run sees."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def held(lock: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `lock` (other processes wait)."""
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def build_site(site: Path) -> str:
    """Build the site into `site`: "built" or "failed", a new line, then MkDocs' messages."""
    try:
        build = run_mkdocs_build(ROOT / "mkdocs.yml", site, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"failed\nmkdocs build did not finish within {BUILD_TIMEOUT} s"
    # MkDocs' warnings (they also fail --strict). Not the notebook kernel's own
    # "[IPKernelApp] WARNING | Kernel is running over TCP" notice on a cold build.
    warned = re.search(r"^WARNING\b", build.stderr, re.MULTILINE)
    return ("failed\n" if build.returncode != 0 or warned else "built\n") + build.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per test run with `mkdocs build --strict`."""
    shared = shared_folder(tmp_path_factory)
    site, outcome = shared / "site", shared / "site-build.log"
    with held(shared / "site-build.lock"):
        if not outcome.exists():
            outcome.write_text(build_site(site))
    status, _, messages = outcome.read_text().partition("\n")
    assert status == "built", messages
    return site


@pytest.fixture(scope="session")
def snippet_results(built_site) -> dict[str, snippet_cache.SnippetResult]:
    """Every snippet the pages refer to, as the build ran (or cached) them."""
    return pipeline.snippets_for_docs()


@pytest.fixture(scope="session")
def small_mnist_folder(tmp_path_factory) -> Path:
    """The tests' small MNIST subset as a data folder, for code with a mnist.py of its own."""
    from practice_support import write_small_mnist  # imports mnist: after support's sys.path

    return write_small_mnist(tmp_path_factory.mktemp("small-mnist"))


@pytest.fixture
def project(built_site, tmp_path) -> Path:
    """A scratch copy of the project that a test may break (see support.copy_project).

    Its builds share the snippet cache, so they wait for the site's.
    """
    return copy_project(tmp_path)


@pytest.fixture(autouse=True, scope="module")
def close_figures_after_module():
    yield
    plt.close("all")


@pytest.fixture(autouse=True)
def close_figures_after_test():
    before = set(plt.get_fignums())  # module-scoped fixtures are set up before this
    yield
    for number in set(plt.get_fignums()) - before:
        plt.close(number)
