"""Tests for scripts/sitegen/notebook_render.py: an executed notebook as a page, rendered once."""

import json
import os
import re
from pathlib import Path

import nbformat
import pytest
from mkdocs.structure.toc import get_toc
from mkdocs_jupyter.plugin import get_nb_toc
from nbformat import v4

from sitegen import notebook_render
from sitegen.notebooks import HELPER_FILE_TAG, NotebookError


@pytest.fixture
def notebook(tmp_path) -> Path:
    helper = v4.new_code_cell("%%writefile helper.py\nHIDDEN = 1", metadata={
        "tags": [HELPER_FILE_TAG]})
    cells = [v4.new_markdown_cell("# A notebook\n\nSome text."), helper,
             v4.new_markdown_cell("## Fish & chips\n\n### Deeper"), v4.new_code_cell("shown = 2"),
             v4.new_markdown_cell("## Last")]
    path = tmp_path / "notebooks" / "example.ipynb"
    path.parent.mkdir()
    nbformat.write(v4.new_notebook(cells=cells), path)
    return path


def test_headings_nest_without_their_anchor_links():
    html = ('<h1 id="top">Top<a class="anchor-link" href="#top">¶</a></h1><p>x</p>'
            '<h2 id="a-b">A &amp; <code>b</code><a class="anchor-link" href="#a-b">¶</a></h2>'
            '<h3 id="c">C</h3><h2>no id: not listed</h2><h2 id="d">D</h2>')
    assert notebook_render.toc_tokens(html) == [
        {"level": 1, "id": "top", "name": "Top", "children": [
            {"level": 2, "id": "a-b", "name": "A &amp; b", "children": [
                {"level": 3, "id": "c", "name": "C", "children": []}]},
            {"level": 2, "id": "d", "name": "D", "children": []}]}]


def test_rendering_hides_helper_cells_and_lists_the_headings_as_mkdocs_jupyter_does(notebook):
    rendering = notebook_render.rendered(notebook)
    assert "shown = 2" in rendering.html and "HIDDEN" not in rendering.html
    ids = re.findall(r'<h[1-6] id="([^"]+)"', rendering.html)
    assert ids == ["a-notebook", "fish-chips", "deeper", "last"]
    # The reference: the table of contents mkdocs-jupyter's plugin makes (from Markdown)
    reference, title = get_nb_toc(str(notebook), 6)
    assert title == "A notebook"
    assert str(get_toc(rendering.toc_tokens)) == str(reference)


def test_a_second_build_takes_the_rendering_from_beside_the_notebook(notebook, monkeypatch):
    first = notebook_render.rendered(notebook)
    stored = notebook.with_suffix(".rendered.json")
    assert json.loads(stored.read_text())["html"] == first.html

    def must_not_render(path):
        raise AssertionError(f"rendered {path} again")

    monkeypatch.setattr(notebook_render, "converted", must_not_render)
    assert notebook_render.rendered(notebook) == first


def test_an_unreadable_stored_rendering_is_rendered_again(notebook):
    stored = notebook.with_suffix(".rendered.json")
    stored.write_text('{"made_by": ')  # cut short
    rendering = notebook_render.rendered(notebook)
    assert "shown = 2" in rendering.html
    assert json.loads(stored.read_text())["html"] == rendering.html


def test_other_converter_options_render_again(notebook, monkeypatch):
    notebook_render.rendered(notebook)
    monkeypatch.setitem(notebook_render.CONVERTER_OPTIONS, "remove_tag_config", {})
    assert "HIDDEN" in notebook_render.rendered(notebook).html
    assert "HIDDEN" in notebook.with_suffix(".rendered.json").read_text()


def test_an_edited_notebook_renders_again(notebook):
    assert "edited" not in notebook_render.rendered(notebook).html
    edited = nbformat.read(notebook, as_version=4)
    edited.cells.append(v4.new_markdown_cell("An edited notebook."))
    nbformat.write(edited, notebook)
    assert "An edited notebook." in notebook_render.rendered(notebook).html


def test_the_page_source_is_new_only_with_a_new_rendering(notebook, monkeypatch):
    """`mkdocs build --dirty` builds the page again only when its source is newer."""
    notebook_render.rendered(notebook)
    source = notebook_render.page_source(notebook)
    assert source.parent == notebook.parent and source.read_text() == ""
    os.utime(source, ns=(0, 0))
    notebook_render.rendered(notebook)
    assert source.stat().st_mtime_ns == 0  # taken from the stored rendering: untouched
    monkeypatch.setitem(notebook_render.CONVERTER_OPTIONS, "no_prompt", True)
    notebook_render.rendered(notebook)
    assert source.stat().st_mtime_ns > 0


def test_a_missing_page_source_renders_again(notebook):
    notebook_render.rendered(notebook)
    notebook_render.page_source(notebook).unlink()
    notebook_render.rendered(notebook)
    assert notebook_render.page_source(notebook).is_file()


def test_a_notebook_that_cannot_be_read_names_itself_and_leaves_nothing(tmp_path):
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{ not json")
    with pytest.raises(NotebookError, match=re.escape(str(broken))):
        notebook_render.rendered(broken)
    missing = tmp_path / "missing.ipynb"
    with pytest.raises(NotebookError, match=f"{re.escape(str(missing))}: cannot read it"):
        notebook_render.rendered(missing)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["broken.ipynb"]


def test_the_built_notebook_page_has_the_rendering_and_its_contents(built_site):
    html = (built_site / "notebooks" / "practice" / "index.html").read_text()
    heading_ids = re.findall(r'<h2 id="([^"]+)"', html)
    toc = re.search(r'data-md-component="toc"(.*?)</ul>\s*</nav>', html, re.DOTALL)
    assert heading_ids and toc
    assert re.findall(r'href="#([^"]+)"', toc.group(1)) == heading_ids
    assert re.search(r'<a href="practice.ipynb" download\s+title="Download this notebook"', html)
    assert (built_site / "notebooks" / "practice" / "practice.ipynb").is_file()
