"""Every code block on the site runs, as a reader would paste it.

Pages are read as the site renders them (sitegen.page_code: `--8<--` includes
expanded with the site's configuration, fenced blocks found by
pytest-codeblocks' parser). Each page's blocks run in order in a "reader's
folder" of that page, holding only the files the page offers for download
(`downloads/...` links): Python blocks in a fresh namespace, shell blocks with
bash. A block followed by `<!--pytest-codeblocks:expected-output-->` must
print exactly the output the page shows (placeholders filled from the build's
snippet results). Every python/bash fence in docs/ must become a test.

Blocks read MNIST from the tests' small subset of the bundled sample (40
training and 20 test images of each digit, tests/practice_support.py), where
training takes a fraction of the time; a block whose output the page shows
reads the whole sample, as the build did for the page's numbers. The build
itself runs every snippet, and the practice notebook, on the whole sample.
What the subset leaves untested: code that asks for more images than it holds
gets all of them (practice_exercises.py's training sets of 500, 1,000 and
2,000 images all train on the same 400), and the page notebooks other than
the practice one run on the whole sample nowhere in the tests.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen import page_code, pipeline, placeholders
from support import DOCS, ROOT, SNIPPETS

FENCE = re.compile(r"^\s*(`{3,})\s*([\w+-]*)", re.M)
CONTINUATION = "<!--pytest-codeblocks:cont-->"


def page_blocks(page: Path) -> list[page_code.Block]:
    return page_code.page_blocks(page, pipeline.CONFIG)


def all_blocks() -> list:
    params = []
    for page in sorted(DOCS.rglob("*.md")):
        for block in page_blocks(page):
            name = f"{page.relative_to(DOCS)}:{block.lineno}"
            marks = [eval(mark, {"pytest": pytest}) for mark in block.marks]
            params.append(pytest.param(page, block, id=name, marks=marks))
    return params


@pytest.fixture(scope="session")
def reader_folders(tmp_path_factory):
    """Per page, a folder holding only what the page offers for download, made on first use."""
    folders: dict[Path, Path] = {}
    offered = pipeline.downloads()

    def folder_for(page: Path) -> Path:
        if page not in folders:
            folders[page] = tmp_path_factory.mktemp(f"reader-{page.stem}")
            for name in page_code.page_downloads(page):
                shutil.copy(offered[name], folders[page] / name)
        return folders[page]
    return folder_for


def is_local(module, folder: Path) -> bool:
    """A module loaded from the snippets tree or from the reader's folder."""
    file = getattr(module, "__file__", None) or ""
    return file.startswith((str(SNIPPETS), str(folder)))


def run_python(code: str, origin: str, argv: list[str], folder: Path, monkeypatch) -> str:
    """Run a block as a script: `__main__`, in the reader's folder, with `argv`.

    Imports see the reader's folder and installed packages only: not the
    snippets tree, and no module an earlier test imported from it.
    """
    monkeypatch.chdir(folder)
    monkeypatch.setattr(sys, "path", [str(folder)] + [
        entry for entry in sys.path if not entry.startswith(str(SNIPPETS))])
    monkeypatch.setattr(sys, "argv", argv)
    for name, module in list(sys.modules.items()):
        if is_local(module, folder):
            monkeypatch.delitem(sys.modules, name)
    stdout = io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout):
            exec(compile(code, origin, "exec"), {"__name__": "__main__"})
    except SystemExit as exit_:
        assert exit_.code in (None, 0), f"{origin} exited with status {exit_.code}"
    finally:
        for name, module in list(sys.modules.items()):
            if is_local(module, folder):
                del sys.modules[name]  # the next page's folder has its own copies
    return stdout.getvalue()


def run_shell(code: str, folder: Path) -> str:
    """Run a shell block with this environment's `python` first on PATH, as in a venv."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    completed = subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=folder,
                               capture_output=True, text=True, timeout=600,
                               env={**os.environ, "PATH": path})
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


@pytest.mark.parametrize(("page", "block"), all_blocks())
def test_code_block_runs(page, block, reader_folders, snippet_results, small_mnist_folder,
                         monkeypatch):
    origin = f"{page.relative_to(ROOT)}, block at line {block.lineno}"
    # A block that is a whole command-line script can say which arguments it runs
    # with: <!--pytest.mark.argv(["script.py", "arg"])-->; by default it gets none.
    argv = block.argv or ["block.py"]
    folder = reader_folders(page)
    shows_output = block.expected_output is not None
    if not shows_output:
        monkeypatch.setenv(pipeline.DATA_VARIABLE, str(small_mnist_folder))
    if block.syntax == "python":
        stdout = run_python(block.code, origin, argv, folder, monkeypatch)
    else:
        stdout = run_shell(block.code, folder)
    if shows_output:
        shown = placeholders.fill(block.expected_output, snippet_results, str(page))
        assert stdout.strip() == shown.strip(), f"{origin} prints other than the page shows"


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_fence_is_collected(page):
    """A fence the collector cannot see (wrong info string, typo) would never be tested."""
    text = page.read_text()
    opening = [m[2] for m in FENCE.finditer(text)][::2]
    runnable = [info for info in opening if info in page_code.RUNNABLE | {"py"}]
    merged = text.count(CONTINUATION)
    assert len(page_blocks(page)) == len(runnable) - merged
