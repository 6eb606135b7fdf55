"""The project's conventions that keep snippets, pages and tests in step."""

from __future__ import annotations

import ast

import pytest

from support import ROOT, SNIPPETS

SCRIPTS = sorted(SNIPPETS.glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_every_snippet_has_its_own_test_module(script):
    """tests/snippets/ mirrors snippets/: one test module per snippet."""
    assert (ROOT / "tests" / "snippets" / f"test_{script.stem}.py").is_file()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_every_snippet_says_what_it_shows(script):
    docstring = ast.get_docstring(ast.parse(script.read_text()))
    assert docstring and len(docstring.split()) >= 5, f"{script.name} needs a module docstring"
