"""The code a page gives its reader: its code blocks in order, and the files it offers.

A page's blocks are read the way the site renders them: `--8<--` includes are
expanded by pymdownx.snippets with the site's own configuration, then
pytest-codeblocks' parser finds the fenced blocks (with their
`<!--pytest...-->` marks). A page offers a file for download with a link to
`downloads/<file>` (`[mnist.py](downloads/mnist.py)`); the build publishes
that file from `snippets/`. What a page offers is all a reader has besides
what its blocks create, so the tests run a page's blocks, and its notebook
runs, with exactly those files.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
from mkdocs.config import load_config
from pytest_codeblocks.main import CodeBlock, extract_from_buffer

RUNNABLE = {"python", "bash", "sh"}
FENCE_INFO = re.compile(r"^(\s*`{3,})\s*([\w+-]+)[^\n`]*$", re.M)
DOWNLOAD = re.compile(r"\]\(downloads/(?P<file>[\w.-]+)\)")
HEADING = re.compile(r"^(#{2,3}) (.+?)(?:\s*\{.*\})?$")
SKIP = "pytest.mark.skip"
ARGV = re.compile(r"pytest\.mark\.argv\((?P<argv>\[.*\])\)")


@dataclass(frozen=True)
class Block:
    """One runnable block: its code, language, the heading above it, and how it runs."""

    code: str
    syntax: str
    lineno: int
    heading: str
    marks: tuple[str, ...]
    expected_output: str | None

    @property
    def skipped(self) -> bool:
        return any(mark.startswith(SKIP) for mark in self.marks)

    @property
    def argv(self) -> list[str] | None:
        """The command-line arguments the page says this script block runs with."""
        for mark in self.marks:
            if match := ARGV.fullmatch(mark):
                return eval(match["argv"], {})  # a list literal written in our own pages
        return None


@cache
def _snippet_preprocessor(config_file: Path):
    config = load_config(str(config_file))
    md = markdown.Markdown(extensions=config["markdown_extensions"],
                           extension_configs=config["mdx_configs"])
    return md.preprocessors["snippet"]


def expand_includes(text: str, config_file: Path) -> str:
    """The page with its `--8<--` includes expanded, exactly as the site build does."""
    return "\n".join(_snippet_preprocessor(config_file).run(text.split("\n"))) + "\n"


def normalise_info_strings(text: str) -> str:
    """Keep only the language word of each fence (`python title="x"` -> `python`)."""
    return FENCE_INFO.sub(lambda m: m[1] + {"py": "python"}.get(m[2], m[2]), text)


def headings_by_line(text: str) -> list[tuple[int, str]]:
    """(line number, title) of every level-2 and level-3 heading, outside fences."""
    found, in_fence = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        elif not in_fence and (match := HEADING.match(line)):
            found.append((number, match[2]))
    return found


def page_blocks(page: Path, config_file: Path) -> list[Block]:
    """The runnable blocks of a page, in order, each with the heading it sits under."""
    expanded = normalise_info_strings(expand_includes(page.read_text(), config_file))
    headings = headings_by_line(expanded)
    blocks = []
    for block in extract_from_buffer(io.StringIO(expanded)):
        if block.syntax in RUNNABLE:
            above = [title for number, title in headings if number < block.lineno]
            blocks.append(to_block(block, above[-1] if above else ""))
    return blocks


def to_block(block: CodeBlock, heading: str) -> Block:
    return Block(block.code, block.syntax, block.lineno, heading, tuple(block.marks),
                 block.expected_output)


def page_downloads(page: Path) -> list[str]:
    """The files a page offers for download, in the order it first links them."""
    return list(dict.fromkeys(match["file"] for match in DOWNLOAD.finditer(page.read_text())))
