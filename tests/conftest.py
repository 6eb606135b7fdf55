"""Session fixtures: the snippet results the build uses, and the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen import pipeline, snippet_cache
from support import ROOT, copy_project, run_mkdocs_build


@pytest.fixture(scope="session")
def snippet_results() -> dict[str, snippet_cache.SnippetResult]:
    """Every snippet the pages refer to, run (or cached) exactly as the build does."""
    return pipeline.snippets_for_docs()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    build = run_mkdocs_build(ROOT / "mkdocs.yml", site)
    assert build.returncode == 0, build.stderr
    # MkDocs' warnings (they also fail --strict). Not the notebook kernel's own
    # "[IPKernelApp] WARNING | Kernel is running over TCP" notice on a cold build.
    assert not re.search(r"^WARNING\b", build.stderr, re.MULTILINE), build.stderr
    return site


@pytest.fixture
def project(tmp_path) -> Path:
    """A scratch copy of the project that a test may break (see support.copy_project)."""
    return copy_project(tmp_path)
