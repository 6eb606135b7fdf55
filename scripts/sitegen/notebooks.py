"""Jupyter notebooks assembled from snippets, executed once and cached.

A recipe in `snippets/notebooks.toml` names a notebook and the snippets it is
made of, in order:

    [practice]
    title = "Practice: recognising digits with scikit-learn"
    intro = "Markdown shown at the top."
    snippets = ["process_digits", "evaluate_model"]

Each snippet's `# %%` cells become code cells and its `# %% [markdown]`
cells and module docstring become Markdown, so the notebook holds exactly the
code the pages show. The notebook is executed (cwd `snippets/`, the build's
MNIST folder) and stored in the cache under a hash of its recipe and sources;
a notebook whose inputs did not change is not executed again.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import shutil
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .snippet_cache import cache_key

MARKER = re.compile(r"^\s*# --8<-- \[(start|end):[\w-]+\]\s*$", re.MULTILINE)
RECIPE_FIELDS = {"title", "intro", "snippets"}


class NotebookError(Exception):
    """A recipe that cannot be read, or a notebook cell that failed."""


@dataclass(frozen=True)
class Recipe:
    name: str
    title: str
    intro: str
    snippets: tuple[str, ...]


def read_recipes(path: Path) -> list[Recipe]:
    """The recipes in a TOML file; unknown fields or missing snippets raise."""
    try:
        table = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise NotebookError(f"{path}: {exc}") from exc
    recipes = []
    for name, fields in table.items():
        if set(fields) != RECIPE_FIELDS:
            raise NotebookError(f"{path}: [{name}] needs exactly {sorted(RECIPE_FIELDS)}, "
                                f"has {sorted(fields)}")
        missing = [s for s in fields["snippets"] if not (path.parent / f"{s}.py").is_file()]
        if missing:
            raise NotebookError(f"{path}: [{name}] names missing snippets {missing}")
        recipes.append(Recipe(name, fields["title"], fields["intro"], tuple(fields["snippets"])))
    return recipes


def snippet_cells(script: Path) -> list:
    """The snippet's cells: docstring and `# %% [markdown]` as Markdown, the rest as code."""
    source = script.read_text()
    tree = ast.parse(source)
    docstring = ast.get_docstring(tree)
    if docstring:  # the docstring becomes the heading cell, not code
        source = "\n".join(source.splitlines()[tree.body[0].end_lineno:])
    notebook = jupytext.reads(MARKER.sub("", source), fmt="py:percent")
    heading = f"## {script.stem.replace('_', ' ').capitalize()}\n\nThe code of `{script.name}`."
    cells = [nbformat.v4.new_markdown_cell(f"{heading}\n\n{docstring or ''}".strip())]
    for cell in notebook.cells:
        maker = nbformat.v4.new_code_cell if cell.cell_type == "code" \
            else nbformat.v4.new_markdown_cell
        if cell.source.strip():
            cells.append(maker(cell.source.strip()))
    return cells


def assemble(recipe: Recipe, snippets_dir: Path) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    notebook.cells.append(nbformat.v4.new_markdown_cell(f"# {recipe.title}\n\n{recipe.intro}"))
    for name in recipe.snippets:
        notebook.cells.extend(snippet_cells(snippets_dir / f"{name}.py"))
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index}"  # stable ids: the same sources give the same notebook
    return notebook


# Figures in the notebook are PNGs inside the page; at 72 dpi they stay light.
NOTEBOOK_MATPLOTLIBRC = "figure.dpi: 72\n"


def execute(notebook: nbformat.NotebookNode, snippets_dir: Path, env: dict[str, str]) -> None:
    """Run every cell in a fresh kernel in snippets_dir; a failing cell raises with its source."""
    client = NotebookClient(notebook, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(snippets_dir)}})
    with tempfile.TemporaryDirectory() as settings:
        (Path(settings) / "matplotlibrc").write_text(NOTEBOOK_MATPLOTLIBRC)
        kernel_env = {**env, "MPLBACKEND": "module://matplotlib_inline.backend_inline",
                      "MATPLOTLIBRC": settings}
        try:
            client.execute(env=kernel_env)
        except CellExecutionError as exc:
            raise NotebookError(str(exc)) from exc


def build(recipe: Recipe, snippets_dir: Path, cache_dir: Path, env: dict[str, str]) -> Path:
    """The executed notebook's path in the cache, executing it only when its inputs changed."""
    scripts = [snippets_dir / f"{name}.py" for name in recipe.snippets]
    key = cache_key(scripts, env, runner=Path(__file__))
    key = hashlib.sha256(f"{key}{recipe}".encode()).hexdigest()[:20]
    # <key>/notebooks/<name>.ipynb: the key folder can serve as an MkDocs source folder.
    target = cache_dir / recipe.name / key / "notebooks" / f"{recipe.name}.ipynb"
    if target.is_file():
        return target
    notebook = assemble(recipe, snippets_dir)
    execute(notebook, snippets_dir, env)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_suffix(".tmp")
    nbformat.write(notebook, scratch)
    os.replace(scratch, target)
    for stale in target.parents[2].iterdir():
        if stale != target.parents[1]:
            shutil.rmtree(stale)
    return target
