"""The site build: strict, incremental when warm, deterministic, and loud about broken input.

Broken-input tests build a scratch copy of the project with one thing broken
and check that the build fails with a message naming the file. They share the
snippet cache with the real build (results are keyed by content), so they only
run what they changed.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sitegen import search_scope
from support import CACHE, site_files
from support import build_project as build
from support import search_sections as sections


def add_to_page(project: Path, page: str, text: str) -> None:
    path = project / "docs" / page
    path.write_text(path.read_text() + "\n" + text + "\n")


def test_strict_build_has_no_warnings(built_site):
    assert (built_site / "index.html").is_file()
    assert (built_site / "figures" / "plot_first_neuron.svg").is_file()


def test_bad_tex_fails_naming_the_page(project):
    add_to_page(project, "index.md", r"A broken formula: $\frac{1}{$.")
    result = build(project)
    assert result.returncode != 0
    assert "index.md" in result.stderr and "KaTeX parse error" in result.stderr


def test_missing_snippet_fails_naming_the_file(project):
    add_to_page(project, "index.md", '```python\n--8<-- "no_such_snippet.py"\n```')
    result = build(project)
    assert result.returncode != 0
    assert "no_such_snippet.py" in result.stderr


def test_raising_figure_script_fails_naming_script_and_line(project):
    (project / "snippets" / "index" / "plot_broken.py").write_text(
        '"""A figure script with a bug."""\nimport matplotlib.pyplot as plt\n\n'
        'plt.plot([1, 2, 3])\nvalue = 1 / 0\n')
    add_to_page(project, "index.md", "![A figure that cannot be drawn](figures/plot_broken.svg)")
    result = build(project)
    assert result.returncode != 0
    assert "plot_broken.py, line 5" in result.stderr and "ZeroDivisionError" in result.stderr


def test_unknown_placeholder_fails_naming_the_page(project):
    add_to_page(project, "index.md", "The answer is {{ first_neuron.no_such_value }}.")
    result = build(project)
    assert result.returncode != 0
    assert "index.md" in result.stderr and "no_such_value" in result.stderr


@pytest.fixture
def private_cache(built_site, tmp_path) -> Path:
    """A copy of the build's filled cache (snippets and notebooks) that a test may change."""
    return shutil.copytree(CACHE, tmp_path / "cache", ignore=shutil.ignore_patterns("*.tmp"))


def test_warm_rebuild_runs_nothing_and_gives_the_same_site(project, private_cache):
    """The second build runs no snippet, writes nothing to the cache and, with the theme's
    templates loaded compiled from the cache this time, makes the same site."""
    cache = private_cache
    shutil.rmtree(cache / "jinja", ignore_errors=True)  # the first build compiles them
    assert build(project, cache).returncode == 0
    first = site_files(project / "site")
    cached_files = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}
    warm = build(project, cache)
    assert warm.returncode == 0, warm.stderr
    assert "0 run" in warm.stderr
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == cached_files
    assert site_files(project / "site") == first
    assert "figures/plot_first_neuron.svg" in first


def test_changed_script_reruns_only_itself(project, private_cache):
    cache = private_cache
    script = project / "snippets" / "index" / "plot_first_neuron.py"
    script.write_text(script.read_text().replace("alpha=0.3", "alpha=0.4"))
    rebuild = build(project, cache)
    assert rebuild.returncode == 0, rebuild.stderr
    assert "1 run (plot_first_neuron)" in rebuild.stderr


def test_search_reads_a_lighter_copy_of_every_page_to_the_same_effect(built_site):
    """search_scope.searchable leaves Material's search the same sections on every built page."""
    for page in sorted(built_site.rglob("*.html")):
        article = re.search(r"<article.*?</article>", page.read_text(), re.S)
        if article:
            full = sections(article[0])
            assert full == sections(search_scope.searchable(article[0])), page
            assert full, page


def test_search_indexes_each_formula_once_no_fold_and_no_notebook_page(built_site):
    """KaTeX writes a formula three times (MathML, TeX, drawn HTML); search keeps the drawn one.

    Folded example files are not indexed (handwriting_set.py's BLUE_INK is only in one).
    """
    entries = json.loads((built_site / "search" / "search_index.json").read_text())["docs"]
    text = {entry["location"]: entry["text"] for entry in entries}
    backpropagation = " ".join(words for place, words in text.items()
                               if place.startswith("backpropagation/"))
    assert "δl error" in backpropagation  # the drawn formula, once
    assert "δlδl" not in backpropagation and "w, bw, b" not in backpropagation
    assert not [place for place in text if place.startswith("notebooks/")]
    assert "BLUE_INK" in (built_site / "practice" / "index.html").read_text()
    assert not [place for place, words in text.items() if "BLUE_INK" in words]


def test_pages_link_katex_styles_where_there_is_math(built_site):
    pages = sorted(built_site.rglob("index.html"))
    with_math = {page for page in pages if 'class="katex"' in page.read_text()}
    linked = {page for page in pages if "assets/katex/katex.min.css" in page.read_text()}
    assert with_math and with_math != set(pages)  # the site has pages of both kinds
    assert linked == with_math
