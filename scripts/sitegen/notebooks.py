"""A Jupyter notebook for every page with code: the page's blocks, runnable on their own.

`assemble` turns a page into a notebook a reader can save into an empty folder
and run top to bottom in a fresh kernel:

1. a title cell (the page's title and what the notebook needs);
2. one `%%writefile` cell per file the page offers for download (the helper
   modules its code imports, see `page_code`), so nothing else is needed;
3. the page's runnable Python blocks in page order, each under the heading it
   sits under on the page. A block that reads its command line sets `sys.argv`
   first (as the page runs it); blocks the tests skip and shell blocks are
   left out.

`execute` runs a notebook in an empty temporary folder with nbclient, the
way a reader would, and strips what would differ between two runs (timings).
A data folder the notebook reads is linked into that folder, so its outputs
name the link, not a path on the machine that built the site.
`build` executes a page's notebook for the site, cached by a hash of the
notebook and the data it reads, so an unchanged notebook is not run again;
it stores each PNG figure of the outputs with a palette of at most 256
colours (`smaller_png`): matplotlib's figures use few colours, so they look
the same at about a third of the bytes, on the notebook's page and in the
file readers download from it.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import io
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from PIL import Image

from . import page_code
from .snippet_cache import COMPUTE_ENV, cache_key, find_snippets
from .whole_files import replace_whole

# Figures in a notebook are PNGs inside the page; at 72 dpi they stay light.
NOTEBOOK_MATPLOTLIBRC = "figure.dpi: 72\n"
HELPER_FILE_TAG = "helper-file"  # notebook_render: the rendered page hides these cells' code
ARGV_NOTE = "  # as on the command line"
NEEDS = "Python 3.11 or newer with NumPy, matplotlib, scikit-learn, Pillow and pooch"
COLOURS = 256  # the most colours a stored figure keeps


class NotebookError(Exception):
    """A page's notebook could not be assembled, or one of its cells failed."""


# Cells made directly, not with nbformat.v4.new_*_cell: those check each cell
# against the schema, again on every rebuild. The tests validate each notebook whole.
def code_cell(source: str) -> nbformat.NotebookNode:
    return nbformat.NotebookNode(cell_type="code", metadata=nbformat.NotebookNode(),
                                 execution_count=None, source=source, outputs=[])


def markdown_cell(source: str) -> nbformat.NotebookNode:
    return nbformat.NotebookNode(cell_type="markdown", metadata=nbformat.NotebookNode(),
                                 source=source)


def page_title(page: Path) -> str:
    for line in page.read_text().splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise NotebookError(f"{page}: a page with code needs a '# Title' line")


def intro_cell(page: Path, downloads: list[str]) -> nbformat.NotebookNode:
    files = ", ".join(f"`{name}`" for name in downloads)
    setup = (f"The first cells write the files the page asks you to download ({files}) "
             "into the notebook's folder. " if downloads else "")
    return markdown_cell(
        f"# {page_title(page)}\n\nThe code of this page of *Introduction to Machine Learning "
        f"and Neural Networks*, block by block in the page's order. {setup}Run the cells "
        f"from top to bottom in an empty folder; it needs {NEEDS}.")


def writefile_cells(downloads: list[str], snippets: Path, page: Path) -> list:
    tree = find_snippets(snippets)
    cells = []
    for name in downloads:
        stem = name.removesuffix(".py")
        if not name.endswith(".py") or stem not in tree:
            raise NotebookError(f"{page}: offers downloads/{name}, which is no snippet")
        source = tree[stem].read_text()
        cell = code_cell(f"%%writefile {name}\n{source}".rstrip())
        cell.metadata["tags"] = [HELPER_FILE_TAG]  # the rendered page shows only its output
        cells.append(cell)
    return cells


def with_argv(block: page_code.Block) -> str:
    """The block's code; a script that reads its command line first gets the page's one.

    In a notebook, sys.argv holds the kernel's own arguments, not the script's.
    """
    code = block.code.rstrip()
    if block.argv is None and "sys.argv" not in code:
        return code
    argv = repr(block.argv) if block.argv else "sys.argv[:1]"
    return f"import sys\n\nsys.argv = {argv}{ARGV_NOTE}\n\n{code}"


def block_cells(blocks: list[page_code.Block]) -> list:
    """Markdown cells for the headings and code cells for the runnable Python blocks."""
    cells, heading = [], None
    for block in blocks:
        if block.syntax != "python" or block.skipped:
            continue
        if block.heading != heading:
            heading = block.heading
            cells.append(markdown_cell(f"## {heading}"))
        cells.append(code_cell(with_argv(block)))
    return cells


def assemble(page: Path, snippets: Path, config_file: Path) -> nbformat.NotebookNode | None:
    """The page's notebook, or None when the page has no Python for a reader to run."""
    blocks = page_code.page_blocks(page, config_file)
    code = block_cells(blocks)
    if not any(cell.cell_type == "code" for cell in code):
        return None
    downloads = page_code.page_downloads(page)
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    notebook.cells = [intro_cell(page, downloads), *writefile_cells(downloads, snippets, page),
                      *code]
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index}"  # stable ids: the same page gives the same notebook
    return notebook


def execute(notebook: nbformat.NotebookNode, folder: Path, env: Mapping[str, str]) -> None:
    """Run every cell in a fresh kernel in `folder`; a failing cell raises with its source."""
    client = NotebookClient(notebook, timeout=900, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(folder)}})
    with tempfile.TemporaryDirectory() as settings:
        (Path(settings) / "matplotlibrc").write_text(NOTEBOOK_MATPLOTLIBRC)
        kernel_env = {**env, "MPLBACKEND": "module://matplotlib_inline.backend_inline",
                      "MATPLOTLIBRC": settings, **COMPUTE_ENV}
        kernel_env.pop("PYTHONPATH", None)  # the notebook must find everything in its folder
        try:
            client.execute(env=kernel_env)
        except CellExecutionError as exc:
            raise NotebookError(str(exc)) from exc
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = joined_streams(cell.outputs)


def joined_streams(outputs: list) -> list:
    """Outputs with each run of printed text in one piece.

    The kernel sends printed text in chunks whose borders depend on timing,
    so the same cell may give one output or two; joined, two runs agree.
    """
    joined = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (output.output_type == "stream" and previous is not None
                and previous.output_type == "stream" and previous.name == output.name):
            previous.text += output.text
        else:
            joined.append(output)
    return joined


def smaller_png(encoded: str) -> str:
    """A base64 PNG stored again with a palette of at most COLOURS colours, if that is smaller."""
    original = base64.b64decode(encoded)
    image = Image.open(io.BytesIO(original))
    # Fast octree is Pillow's quantizer that keeps transparency (RGBA)
    paletted = image.convert("RGBA").quantize(COLOURS, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    paletted.save(buffer, "PNG", optimize=True)
    smaller = buffer.getvalue()
    return base64.b64encode(smaller if len(smaller) < len(original) else original).decode()


def with_smaller_figures(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook with every PNG output stored by `smaller_png` (in place)."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                output.data["image/png"] = smaller_png(output.data["image/png"])
    return notebook


def execute_in_empty_folder(notebook: nbformat.NotebookNode, env: Mapping[str, str],
                            data_variables: tuple[str, ...] = ()) -> None:
    """Run the notebook in a new folder; each of `data_variables` names a folder of env's.

    That folder is linked into the new one, and the variable set to the link's
    name: outputs that show where the data came from are the same on every machine.
    """
    with tempfile.TemporaryDirectory(prefix="notebook-") as folder:
        env = dict(env)
        for variable in data_variables:
            data = Path(env[variable]).resolve()
            (Path(folder) / data.name).symlink_to(data, target_is_directory=True)
            env[variable] = data.name
        execute(notebook, Path(folder), env)


def build(name: str, notebook: nbformat.NotebookNode, sources: list[Path], cache_dir: Path,
          env: Mapping[str, str], *, data_variables: tuple[str, ...] = ()) -> Path:
    """The executed notebook's path in the cache, executing it only when its inputs changed.

    `sources` are the snippet files behind the notebook (the data they declare
    counts too); `data_variables` as in `execute_in_empty_folder`.
    """
    key = hashlib.sha256((cache_key(sources, env, runner=Path(__file__))
                          + nbformat.writes(notebook)).encode()).hexdigest()[:20]
    # <key>/notebooks/<name>.ipynb: the key folder can serve as an MkDocs source folder.
    target = cache_dir / name / key / "notebooks" / f"{name}.ipynb"
    if target.is_file():
        return target
    executed = copy.deepcopy(notebook)  # the caller's notebook stays as the page offers it
    execute_in_empty_folder(executed, env, data_variables)
    replace_whole(target, lambda scratch: nbformat.write(with_smaller_figures(executed), scratch))
    for stale in target.parents[2].iterdir():
        if stale != target.parents[1]:
            shutil.rmtree(stale)
    return target
