"""Every code block on the site runs, as a reader would paste it.

Pages are expanded with pymdownx.snippets using the site's own configuration
(so `--8<--` includes become the code a reader sees), then pytest-codeblocks'
parser finds the fenced blocks. Python blocks run in a fresh namespace in a
"reader's folder" holding a copy of `snippets/`; shell blocks run with bash
there. A block followed by `<!--pytest-codeblocks:expected-output-->` must
print exactly the output the page shows (placeholders filled from the build's
snippet results). Every python/bash fence in docs/ must become a test.
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

import markdown
import pytest
from mkdocs.config import load_config
from pytest_codeblocks.main import CodeBlock, extract_from_buffer

from sitegen import placeholders
from support import DOCS, ROOT, SNIPPETS

RUNNABLE = {"python", "bash", "sh"}
FENCE = re.compile(r"^\s*(`{3,})\s*([\w+-]*)", re.M)
FENCE_INFO = re.compile(r"^(\s*`{3,})\s*([\w+-]+)[^\n`]*$", re.M)
CONTINUATION = "<!--pytest-codeblocks:cont-->"


def expand_snippets(text: str) -> str:
    """The page with its `--8<--` includes expanded, exactly as the site build does."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"],
                           extension_configs=config["mdx_configs"])
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n"))) + "\n"


def normalise_info_strings(text: str) -> str:
    """Keep only the language word of each fence (`python title="x"` -> `python`)."""
    return FENCE_INFO.sub(lambda m: m[1] + {"py": "python"}.get(m[2], m[2]), text)


def page_blocks(page: Path) -> list[CodeBlock]:
    expanded = normalise_info_strings(expand_snippets(page.read_text()))
    blocks = extract_from_buffer(io.StringIO(expanded))
    return [block for block in blocks if block.syntax in RUNNABLE]


def all_blocks() -> list:
    params = []
    for page in sorted(DOCS.rglob("*.md")):
        for block in page_blocks(page):
            name = f"{page.relative_to(DOCS)}:{block.lineno}"
            marks = [eval(mark, {"pytest": pytest}) for mark in block.marks]
            params.append(pytest.param(page, block, id=name, marks=marks))
    return params


@pytest.fixture(scope="module")
def reader_folder(tmp_path_factory) -> Path:
    """A folder like the one a reader builds: the snippet files side by side."""
    folder = tmp_path_factory.mktemp("reader")
    for snippet in SNIPPETS.glob("*.py"):
        shutil.copy(snippet, folder)
    return folder


def run_python(code: str, origin: str, argv: list[str], folder: Path, monkeypatch) -> str:
    """Run a block as a script: `__main__`, in the reader's folder, with `argv`."""
    monkeypatch.chdir(folder)
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setattr(sys, "argv", argv)
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        try:
            exec(compile(code, origin, "exec"), {"__name__": "__main__"})
        except SystemExit as exit_:
            assert exit_.code in (None, 0), f"{origin} exited with status {exit_.code}"
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
def test_code_block_runs(page, block, reader_folder, snippet_results, monkeypatch, request):
    origin = f"{page.relative_to(ROOT)}, block at line {block.lineno}"
    # A block that is a whole command-line script can say which arguments it runs
    # with: <!--pytest.mark.argv(["script.py", "arg"])-->; by default it gets none.
    argv_mark = request.node.get_closest_marker("argv")
    argv = argv_mark.args[0] if argv_mark else ["block.py"]
    if block.syntax == "python":
        stdout = run_python(block.code, origin, argv, reader_folder, monkeypatch)
    else:
        stdout = run_shell(block.code, reader_folder)
    if block.expected_output is not None:
        shown = placeholders.fill(block.expected_output, snippet_results, str(page))
        assert stdout.strip() == shown.strip(), f"{origin} prints other than the page shows"


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_fence_is_collected(page):
    """A fence the collector cannot see (wrong info string, typo) would never be tested."""
    text = page.read_text()
    opening = [m[2] for m in FENCE.finditer(text)][::2]
    runnable = [info for info in opening if info in RUNNABLE | {"py"}]
    merged = text.count(CONTINUATION)
    assert len(page_blocks(page)) == len(runnable) - merged
