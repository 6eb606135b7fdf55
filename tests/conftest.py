"""Session fixtures: the snippet results the build uses, and the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen import pipeline, snippet_cache
from support import ROOT, copy_project, run_mkdocs_build, start_mkdocs_build


@pytest.fixture(scope="session")
def snippet_results() -> dict[str, snippet_cache.SnippetResult]:
    """Every snippet the pages refer to, run (or cached) exactly as the build does."""
    return pipeline.snippets_for_docs()


# test_reproducible's second build from empty caches. It starts in the background as
# soon as the first build is done, so it runs while other tests do (see cold_rebuild).
SECOND_BUILD: dict = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    SECOND_BUILD["wanted"] = any(item.path.name == "test_reproducible.py" for item in items)


def start_second_build(folder: Path) -> None:
    project = copy_project(folder)
    SECOND_BUILD["site"], SECOND_BUILD["log"] = project / "site", folder / "build.log"
    SECOND_BUILD["process"] = start_mkdocs_build(
        project / "mkdocs.yml", project / "site", folder / "build.log",
        env={"SITEGEN_CACHE_DIR": str(folder / "cache")})


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, request) -> Path:
    """The site, built once per test session with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    build = run_mkdocs_build(ROOT / "mkdocs.yml", site)
    assert build.returncode == 0, build.stderr
    # MkDocs' warnings (they also fail --strict). Not the notebook kernel's own
    # "[IPKernelApp] WARNING | Kernel is running over TCP" notice on a cold build.
    assert not re.search(r"^WARNING\b", build.stderr, re.MULTILINE), build.stderr
    if SECOND_BUILD.get("wanted"):
        start_second_build(tmp_path_factory.mktemp("cold"))
        request.addfinalizer(SECOND_BUILD["process"].kill)  # if the session stops early
    return site


@pytest.fixture(scope="session")
def cold_rebuild(built_site, tmp_path_factory) -> Path:
    """The site built again from a scratch copy of the project with empty caches."""
    if "process" not in SECOND_BUILD:
        start_second_build(tmp_path_factory.mktemp("cold"))
    assert SECOND_BUILD["process"].wait() == 0, SECOND_BUILD["log"].read_text()
    return SECOND_BUILD["site"]


@pytest.fixture
def project(tmp_path) -> Path:
    """A scratch copy of the project that a test may break (see support.copy_project)."""
    return copy_project(tmp_path)
