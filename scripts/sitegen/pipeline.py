"""The site's build-time work in one place, shared by the MkDocs hooks, the tests and the CLI."""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

from . import notebooks, page_code
from .placeholders import referenced_snippets
from .snippet_cache import SnippetResult, find_snippets, run_snippets

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
CONFIG = ROOT / "mkdocs.yml"
DEFAULT_DATA = ROOT / "data" / "mnist-sample"
DATA_VARIABLE = "MNIST_DATA_DIR"  # the folder of MNIST files snippets and notebooks read


def default_cache() -> Path:
    """The cache folder: snippets/ and notebooks/ results, keyed by content.

    Keyed by content, so builds of copies of the project can share it.
    """
    return Path(os.environ.get("SITEGEN_CACHE_DIR", ROOT / ".cache" / "sitegen"))


def build_environment(absolute: bool = False) -> dict[str, str]:
    """The environment snippets run in: the bundled MNIST sample unless told otherwise.

    The sample is named relative to a page folder (snippets/<page>/, where
    snippets run; all sit at the same depth), so output that names the folder
    shows the repository's path, not this machine's. Notebooks run in a
    folder of their own, so they get the `absolute` path.
    """
    chosen = Path(os.environ.get(DATA_VARIABLE) or DEFAULT_DATA)
    if absolute:
        chosen = chosen.resolve()
    elif chosen.resolve() == DEFAULT_DATA.resolve():
        chosen = Path(os.path.relpath(DEFAULT_DATA, SNIPPETS / "shared"))
    return {**os.environ, DATA_VARIABLE: str(chosen)}


def last_commit_time(root: Path = ROOT) -> str | None:
    """Seconds since 1970 of the checkout's last commit, or None outside a git checkout.

    MkDocs dates the sitemap (and its .gz) with SOURCE_DATE_EPOCH when it is
    set, and with the day of the build otherwise; the commit's time makes two
    builds of one commit agree on any day (reproducible-builds.org's convention).
    """
    try:
        found = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                               capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):  # no git on this machine
        return None
    stamp = found.stdout.strip()
    return stamp if found.returncode == 0 and stamp.isdigit() else None


def pages(docs: Path = DOCS) -> list[Path]:
    return sorted(docs.rglob("*.md"))


def snippets_for_docs(docs: Path = DOCS, cache: Path | None = None) -> dict[str, SnippetResult]:
    """Run (or take from cache) every snippet that a page under `docs` refers to."""
    wanted, known = set(), find_snippets(SNIPPETS)
    for page in pages(docs):
        wanted |= referenced_snippets(page.read_text(), known)
    return run_snippets(wanted, SNIPPETS, (cache or default_cache()) / "snippets",
                        build_environment())


def page_notebooks(docs: Path = DOCS) -> dict[str, nbformat.NotebookNode]:
    """A notebook (not yet run) for every page with Python to run, by page name."""
    built = {page.stem: notebooks.assemble(page, SNIPPETS, CONFIG) for page in pages(docs)}
    return {name: notebook for name, notebook in built.items() if notebook is not None}


def downloads(docs: Path = DOCS) -> dict[str, Path]:
    """Every file a page offers under downloads/, with the snippet it is copied from."""
    tree = find_snippets(SNIPPETS)
    offered = {name for page in pages(docs) for name in page_code.page_downloads(page)}
    missing = sorted(name for name in offered if name.removesuffix(".py") not in tree)
    if missing:
        raise notebooks.NotebookError(f"pages offer downloads/{missing}, which are no snippets")
    return {name: tree[name.removesuffix(".py")] for name in sorted(offered)}


def rendered_notebook_names(nav: list) -> list[str]:
    """Pages whose executed notebook the nav lists as `notebooks/<page>.md`."""
    found = []
    for entry in nav:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            if isinstance(value, list):
                found += rendered_notebook_names(value)
            elif isinstance(value, str) and value.startswith("notebooks/"):
                found.append(value.removeprefix("notebooks/").removesuffix(".md"))
    return found


def executed_notebooks(names: list[str], docs: Path = DOCS, cache: Path | None = None,
                       built: dict[str, nbformat.NotebookNode] | None = None,
                       offered: dict[str, Path] | None = None) -> dict[str, Path]:
    """The named pages' notebooks, executed in an empty folder (or taken from cache).

    `built` and `offered` are page_notebooks() and downloads() when the caller has them.
    """
    folder = (cache or default_cache()) / "notebooks"
    built = page_notebooks(docs) if built is None else built
    offered = downloads(docs) if offered is None else offered
    # The notebook holds all its code; the files it writes also declare the data they read.
    return {name: notebooks.build(
                name, built[name],
                [offered[file] for file in page_code.page_downloads(docs / f"{name}.md")],
                folder, build_environment(absolute=True), data_variables=(DATA_VARIABLE,))
            for name in names}


def snippets_and_notebooks(nav: list, docs: Path = DOCS,
                           built: dict[str, nbformat.NotebookNode] | None = None,
                           offered: dict[str, Path] | None = None,
                           ) -> tuple[dict[str, SnippetResult], dict[str, Path]]:
    """snippets_for_docs() and the executed notebooks the nav lists, run side by side.

    A notebook holds its own copy of the code, so it needs no snippet's result;
    running it while the snippets run keeps both cores busy on a cold build.
    `built` and `offered` as in executed_notebooks.
    """
    with ThreadPoolExecutor(max_workers=1) as side:
        rendered = side.submit(executed_notebooks, rendered_notebook_names(nav), docs,
                               built=built, offered=offered)
        results = snippets_for_docs(docs)
        return results, rendered.result()
