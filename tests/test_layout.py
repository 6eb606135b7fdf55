"""The project's conventions that keep snippets, pages and tests in step."""

from __future__ import annotations

import ast

import pytest

from support import DOCS, ROOT, SNIPPET_FILES, SNIPPETS

SCRIPTS = sorted(SNIPPET_FILES.values())
PAGES = {page.stem for page in DOCS.glob("*.md")}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_every_snippet_has_its_own_test_module(script):
    """tests/snippets/ mirrors snippets/: one test module per snippet, in the same folder."""
    folder = script.parent.relative_to(SNIPPETS)
    assert (ROOT / "tests" / "snippets" / folder / f"test_{script.stem}.py").is_file()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_every_snippet_says_what_it_shows(script):
    docstring = ast.get_docstring(ast.parse(script.read_text()))
    assert docstring and len(docstring.split()) >= 5, f"{script.name} needs a module docstring"


def test_snippet_folders_are_pages_or_shared():
    """snippets/<page>/ holds the code of docs/<page>.md; snippets/shared/ what several import."""
    folders = {path.name for path in SNIPPETS.iterdir() if path.is_dir()}
    assert folders - {"__pycache__"} <= PAGES | {"shared"}
    assert not list(SNIPPETS.glob("*.py")), "a snippet belongs in a page folder or shared/"


def test_shared_modules_are_imported_by_more_than_one_page():
    """A module only one page's code imports belongs in that page's folder."""
    shared = {path.stem for path in (SNIPPETS / "shared").glob("*.py")}
    importers: dict[str, set[str]] = {name: set() for name in shared}
    for script in SCRIPTS:
        for node in ast.walk(ast.parse(script.read_text())):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                if name in importers and script.stem != name:
                    importers[name].add(script.parent.name)
    lonely = {name: pages for name, pages in importers.items()
              if len(pages - {"shared"}) < 2 and not (pages & {"shared"})}
    assert not lonely
