"""Two builds from empty caches are byte for byte the same.

The session's site (tests/conftest.py) is compared with a second build of a
scratch copy of the project, with an empty snippet cache and an empty
mkdocs-jupyter cache: every snippet, figure and notebook is made again
(conftest.cold_rebuild; it starts as soon as the first build is done and runs
alongside the other tests). A page
that quoted a time measured during the build, a notebook that kept its
execution timestamps or a figure with a fresh id would differ.

Builds in two checkouts must agree too, so no built file names the folder the
project was built in (a notebook once printed where it read MNIST from).
"""

from __future__ import annotations

from pathlib import Path

from support import ROOT


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_cold_build_gives_the_same_bytes(built_site, cold_rebuild):
    first, second = files_of(built_site), files_of(cold_rebuild)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"{len(differing)} files differ: {differing[:20]}"


def test_no_built_file_names_the_checkout(built_site):
    checkout = str(ROOT).encode()
    naming = [name for name, content in files_of(built_site).items() if checkout in content]
    assert not naming, f"these files name {ROOT}: {naming}"
