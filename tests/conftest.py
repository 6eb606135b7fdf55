"""Session fixtures: the built site and the snippet results the build used.

The tests run in two processes (pytest-xdist, pyproject.toml). The site is
built once for both: the first process to need it builds it under a lock,
the other waits and reads the same folder. Everything that reads or writes
the shared snippet cache waits for that build too, so no two processes ever
run the same snippet into it.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sitegen import pipeline, snippet_cache
from support import ROOT, copy_project, run_mkdocs_build

# Modules that take longest go to the workers first, so neither waits for the other at the end.
FIRST = ("test_reproducible.py", "test_draw_digit.py", "test_presenter.py", "test_pages.py",
         "test_offline_copy.py", "test_codeblocks.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        return FIRST.index(item.path.name) if item.path.name in FIRST else len(FIRST)

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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per test run with `mkdocs build --strict`."""
    shared = shared_folder(tmp_path_factory)
    site, outcome = shared / "site", shared / "site-build.log"
    with held(shared / "site-build.lock"):
        if not outcome.exists():
            build = run_mkdocs_build(ROOT / "mkdocs.yml", site)
            # MkDocs' warnings (they also fail --strict). Not the notebook kernel's own
            # "[IPKernelApp] WARNING | Kernel is running over TCP" notice on a cold build.
            warned = re.search(r"^WARNING\b", build.stderr, re.MULTILINE)
            failed = build.returncode != 0 or warned
            outcome.write_text(("failed\n" if failed else "built\n") + build.stderr)
    status, _, messages = outcome.read_text().partition("\n")
    assert status == "built", messages
    return site


@pytest.fixture(scope="session")
def snippet_results(built_site) -> dict[str, snippet_cache.SnippetResult]:
    """Every snippet the pages refer to, as the build ran (or cached) them."""
    return pipeline.snippets_for_docs()


@pytest.fixture
def project(built_site, tmp_path) -> Path:
    """A scratch copy of the project that a test may break (see support.copy_project).

    Its builds share the snippet cache, so they wait for the site's.
    """
    return copy_project(tmp_path)
