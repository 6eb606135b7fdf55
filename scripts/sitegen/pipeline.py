"""The site's build-time work in one call, shared by the MkDocs hooks, the tests and the CLI."""

from __future__ import annotations

import os
from pathlib import Path

from . import notebooks
from .placeholders import referenced_snippets
from .snippet_cache import SnippetResult, run_snippets

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
DEFAULT_DATA = ROOT / "data" / "mnist-sample"
NOTEBOOK_RECIPES = SNIPPETS / "notebooks.toml"


def default_cache() -> Path:
    """The cache folder: snippets/ and notebooks/ results, keyed by content.

    Keyed by content, so builds of copies of the project can share it.
    """
    return Path(os.environ.get("SITEGEN_CACHE_DIR", ROOT / ".cache" / "sitegen"))


def build_environment() -> dict[str, str]:
    """The environment snippets run in: the bundled MNIST sample unless told otherwise.

    The sample is named relative to snippets/ (where snippets run), so output
    that names the folder shows the repository's path, not this machine's.
    """
    chosen = Path(os.environ.get("MNIST_DATA_DIR") or DEFAULT_DATA)
    if chosen.resolve() == DEFAULT_DATA.resolve():
        chosen = Path(os.path.relpath(DEFAULT_DATA, SNIPPETS))
    return {**os.environ, "MNIST_DATA_DIR": str(chosen)}


def snippets_for_docs(docs: Path = DOCS, cache: Path | None = None) -> dict[str, SnippetResult]:
    """Run (or take from cache) every snippet that a page under `docs` refers to."""
    wanted = set()
    for page in sorted(docs.rglob("*.md")):
        wanted |= referenced_snippets(page.read_text())
    return run_snippets(wanted, SNIPPETS, (cache or default_cache()) / "snippets",
                        build_environment())


def notebooks_for_site(cache: Path | None = None) -> dict[str, Path]:
    """Executed notebooks (name -> .ipynb in the cache) for every recipe in notebooks.toml."""
    if not NOTEBOOK_RECIPES.is_file():
        return {}
    folder = (cache or default_cache()) / "notebooks"
    env = build_environment()
    return {recipe.name: notebooks.build(recipe, SNIPPETS, folder, env)
            for recipe in notebooks.read_recipes(NOTEBOOK_RECIPES)}
