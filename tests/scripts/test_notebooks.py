"""Every page with code offers a notebook that runs on its own in an empty folder.

The notebooks are made from the pages' own blocks (sitegen.notebooks). Each
one runs here as a reader would run it: saved alone into an empty temporary
folder, executed top to bottom by nbclient in a fresh kernel that has nothing
of the project on its path, reading MNIST through MNIST_DATA_DIR from the
tests' small subset of the bundled sample (tests/practice_support.py), as the
code-block tests do (see there what that leaves untested). The notebook the
site renders (executed by the build in the same way, on the whole sample) is
checked from the build's own result.
"""

from __future__ import annotations

import base64
import copy
import io
import os

import nbformat
import numpy as np
import pytest
from mkdocs.config import load_config
from PIL import Image

from sitegen import notebooks, page_code, pipeline
from support import DOCS, figure_png

NOTEBOOKS = pipeline.page_notebooks()
RENDERED = pipeline.rendered_notebook_names(load_config(str(pipeline.CONFIG))["nav"])


def test_every_page_with_python_has_a_notebook():
    with_code = {page.stem for page in pipeline.pages()
                 if any(block.syntax == "python" and not block.skipped
                        for block in page_code.page_blocks(page, pipeline.CONFIG))}
    assert set(NOTEBOOKS) == with_code
    assert {"single-neuron", "backpropagation", "practice", "from-scratch"} <= with_code


@pytest.mark.filterwarnings("error")  # nbformat only warns about (and adds) a missing cell id
@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_notebook_is_valid_nbformat(name):
    """The cells are made without nbformat's per-cell check, so check the whole notebook."""
    notebook = copy.deepcopy(NOTEBOOKS[name])
    nbformat.validate(notebook)
    assert all(cell.get("id") for cell in notebook.cells)


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_notebook_holds_the_pages_python_in_order(name):
    blocks = [block.code.rstrip() for block in page_code.page_blocks(DOCS / f"{name}.md",
                                                                      pipeline.CONFIG)
              if block.syntax == "python" and not block.skipped]
    code = [cell.source for cell in NOTEBOOKS[name].cells if cell.cell_type == "code"
            and not cell.source.startswith("%%writefile")]
    assert [cell.split(f"{notebooks.ARGV_NOTE}\n\n")[-1] for cell in code] == blocks


@pytest.mark.parametrize("name", sorted(set(NOTEBOOKS) - set(RENDERED)))
def test_notebook_runs_alone_in_an_empty_folder(name, small_mnist_folder):
    notebook = nbformat.reads(nbformat.writes(NOTEBOOKS[name]), as_version=4)  # a copy
    env = {**os.environ, pipeline.DATA_VARIABLE: str(small_mnist_folder)}
    notebooks.execute_in_empty_folder(notebook, env, (pipeline.DATA_VARIABLE,))
    assert_ran_cleanly(notebook)


@pytest.mark.parametrize("name", RENDERED)
def test_rendered_notebook_was_run_alone_by_the_build(name, built_site):
    """The build ran it in an empty folder (or did now, if its inputs changed)."""
    executed = nbformat.read(pipeline.executed_notebooks([name])[name], as_version=4)
    assert [c.source for c in executed.cells] == [c.source for c in NOTEBOOKS[name].cells]
    assert_ran_cleanly(executed)
    outputs = [out for cell in executed.cells if cell.cell_type == "code" for out in cell.outputs]
    assert any(out.output_type == "display_data" for out in outputs), "no figure"


def assert_ran_cleanly(notebook: nbformat.NotebookNode) -> None:
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), "a cell did not run"
    errors = [out for cell in code for out in cell.outputs if out.output_type == "error"]
    assert not errors
    assert not any("execution" in cell.metadata for cell in code), "timings would differ per run"


def test_a_page_offering_a_missing_file_fails(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Page\n\n[get it](downloads/nope.py)\n\n```python\nprint(1)\n```\n")
    with pytest.raises(notebooks.NotebookError, match=r"downloads/nope\.py"):
        notebooks.assemble(page, pipeline.SNIPPETS, pipeline.CONFIG)


def test_printed_text_split_by_the_kernel_is_joined():
    stream = nbformat.v4.new_output
    outputs = [stream("stream", name="stdout", text="training images"),
               stream("stream", name="stdout", text=": 5,000\n"),
               stream("stream", name="stderr", text="warning\n"),
               stream("display_data", data={"text/plain": "<Figure>"}),
               stream("stream", name="stdout", text="done\n")]
    joined = notebooks.joined_streams(outputs)
    assert [(out.output_type, out.get("text")) for out in joined] == [
        ("stream", "training images: 5,000\n"), ("stream", "warning\n"),
        ("display_data", None), ("stream", "done\n")]


def test_stored_figures_shrink_and_keep_their_look():
    png = figure_png()
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"}),
        nbformat.v4.new_output("stream", name="stdout", text="done\n")])])
    outputs = notebooks.with_smaller_figures(notebook).cells[0].outputs
    smaller = outputs[0].data["image/png"]
    assert len(smaller) < 0.7 * len(png)
    before, after = (np.asarray(Image.open(io.BytesIO(base64.b64decode(p))).convert("RGBA"),
                                dtype=float) for p in (png, smaller))  # fmt: skip
    assert before.shape == after.shape
    assert np.abs(before - after).mean() < 2  # out of 255: no visible change
    assert outputs[0].data["text/plain"] == "<Figure>" and outputs[1].text == "done\n"
