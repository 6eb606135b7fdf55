"""Two builds from empty caches are byte for byte the same.

The session's site (tests/conftest.py) is compared with a second build of a
scratch copy of the project, with an empty cache (snippets, notebooks and
their renderings, KaTeX, compiled templates): every snippet, figure and
notebook is made again. A page
that quoted a time measured during the build, a notebook that kept its
execution timestamps or a figure with a fresh id would differ. (The module
runs first, so the other test process has work while this one builds.)

Builds in two checkouts must agree too, so no built file names the folder the
project was built in (a notebook once printed where it read MNIST from); and
builds on two days, so the sitemap is dated by the last commit, not the day.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitegen.pipeline import last_commit_time
from support import ROOT, build_project, copy_project, require, site_files


@pytest.fixture(scope="module")
def cold_rebuild(built_site, tmp_path_factory) -> Path:
    """The site built again from a scratch copy of the project, with empty caches."""
    folder = tmp_path_factory.mktemp("cold")
    project = copy_project(folder)
    build = build_project(project, folder / "cache")
    assert build.returncode == 0, build.stderr
    return project / "site"


def test_a_cold_build_gives_the_same_bytes(built_site, cold_rebuild):
    first, second = site_files(built_site), site_files(cold_rebuild)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"{len(differing)} files differ: {differing[:20]}"


def test_figures_are_byte_identical_across_cold_runs(snippet_results, cold_rebuild):
    """Every figure the snippets drew, redrawn in an empty cache, has the same bytes."""
    drawn = {figure: path for result in snippet_results.values()
             for figure, path in result.figures.items()}
    assert drawn
    for figure, path in drawn.items():
        assert (cold_rebuild / "figures" / figure).read_bytes() == path.read_bytes(), figure


def test_no_built_file_names_the_checkout(built_site):
    checkout = str(ROOT).encode()
    naming = [name for name, content in site_files(built_site).items() if checkout in content]
    assert not naming, f"these files name {ROOT}: {naming}"


def test_the_sitemap_is_dated_by_the_last_commit(built_site):
    stamp = last_commit_time()
    require(stamp is not None, "a git checkout (the build dates itself by its last commit)")
    day = datetime.fromtimestamp(int(stamp), UTC).strftime("%Y-%m-%d")
    dates = set(re.findall(r"<lastmod>(.*?)</lastmod>", (built_site / "sitemap.xml").read_text()))
    assert dates == {day}


def test_outside_a_git_checkout_there_is_no_commit_time(tmp_path):
    assert last_commit_time(tmp_path) is None
