"""Notebooks assembled from snippets: same code as the snippets, and they run end to end."""

from __future__ import annotations

import ast

import pytest

from sitegen import notebooks, pipeline

RECIPES = notebooks.read_recipes(pipeline.NOTEBOOK_RECIPES)


def code_of(script) -> list[str]:
    """The snippet's code lines without docstring, section markers, cell markers or blanks."""
    source = script.read_text()
    tree = ast.parse(source)
    if ast.get_docstring(tree):
        source = "\n".join(source.splitlines()[tree.body[0].end_lineno:])
    return [line for line in notebooks.MARKER.sub("", source).splitlines()
            if line.strip() and not line.startswith("# %%")]


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda r: r.name)
def test_notebook_holds_exactly_the_snippets_code(recipe):
    notebook = notebooks.assemble(recipe, pipeline.SNIPPETS)
    cells = [line for cell in notebook.cells if cell.cell_type == "code"
             for line in cell.source.splitlines() if line.strip()]
    expected = [line for name in recipe.snippets
                for line in code_of(pipeline.SNIPPETS / f"{name}.py")]
    assert cells == expected


def test_notebooks_run_end_to_end():
    """The site's notebooks, executed by the build (now, if their sources changed since).

    Every code cell ran in order in one fresh kernel and none failed; the
    executed code is the current assembly of the snippets, so a stale
    notebook from an older cache cannot pass.
    """
    built = pipeline.notebooks_for_site()
    for recipe in RECIPES:
        executed = notebooks.nbformat.read(built[recipe.name], as_version=4)
        current = notebooks.assemble(recipe, pipeline.SNIPPETS)
        assert [c.source for c in executed.cells] == [c.source for c in current.cells]
        code = [cell for cell in executed.cells if cell.cell_type == "code"]
        assert all(cell.execution_count for cell in code), "a cell did not run"
        outputs = [out for cell in code for out in cell.outputs]
        assert not [out for out in outputs if out.output_type == "error"]
        assert any(out.output_type == "display_data" for out in outputs), "no figure"


def test_recipe_with_unknown_field_is_rejected(tmp_path):
    recipe = tmp_path / "notebooks.toml"
    recipe.write_text('[x]\ntitle = "t"\nintro = "i"\nsnippets = []\ncolour = "red"\n')
    with pytest.raises(notebooks.NotebookError, match="colour"):
        notebooks.read_recipes(recipe)


def test_recipe_naming_a_missing_snippet_is_rejected(tmp_path):
    recipe = tmp_path / "notebooks.toml"
    recipe.write_text('[x]\ntitle = "t"\nintro = "i"\nsnippets = ["nope"]\n')
    with pytest.raises(notebooks.NotebookError, match="nope"):
        notebooks.read_recipes(recipe)
