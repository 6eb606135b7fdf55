"""The project's conventions that keep snippets, pages and tests in step."""

from __future__ import annotations

import ast

import pytest

from sitegen.placeholders import referenced_snippets
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
    """snippets/<page>/ holds the code of docs/<page>.md and of the pages that continue its
    lesson (learning-rate.md continues single-neuron.md); snippets/shared/ what several import."""
    folders = {path.name for path in SNIPPETS.iterdir() if path.is_dir()}
    assert folders - {"__pycache__"} <= PAGES | {"shared"}
    assert not list(SNIPPETS.glob("*.py")), "a snippet belongs in a page folder or shared/"


def test_shared_modules_serve_more_than_one_page():
    """A module that only one page's code imports or quotes belongs in that page's folder."""
    shared = {path.stem for path in (SNIPPETS / "shared").glob("*.py")}
    users: dict[str, set[str]] = {name: set() for name in shared}
    for script in SCRIPTS:
        for node in ast.walk(ast.parse(script.read_text())):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                if name in users and script.stem != name:
                    users[name].add(script.parent.name)
    for page in DOCS.glob("*.md"):  # pages quote values and show figures by snippet name
        for name in referenced_snippets(page.read_text()) & shared:
            users[name].add(page.stem)
    lonely = {name: pages for name, pages in users.items()
              if len(pages - {"shared"}) < 2 and "shared" not in pages}
    assert not lonely
