"""Highlighted code blocks remembered between builds: in memory, and on disk.

Pygments takes about half of Markdown's time on these pages (some 90 code
blocks, the folded whole-file examples among them), and an edit to a line of
prose changes none of them. SuperFences lets a custom fence named "*" take
over its default fence (pymdown-extensions 7.0); `format_fence` is that fence:
it hands each block to SuperFences' own highlighter, as the default fence
does, and keeps the HTML for the next build: in memory for the rebuilds of
one `mkdocs serve`, and on disk (`save`, then `load` in the next process) for
the next `mkdocs build`. It is there in every build (one code path for `build`
and `serve`); within one build it only meets a block again where two pages
repeat one at the same position.

The key holds everything the HTML depends on: the code, its language and
options, its classes, id and attributes, its line count (highlighted lines are
clamped to it), the block's number on the page (line anchors use it), the
Highlight settings and the versions of Pygments, pymdown-extensions and
Markdown, so a hit is HTML the highlighter would make again. HTML that holds a
Markdown placeholder (a title kept in the page's HTML stash) is never kept:
the placeholder is only valid on its own page.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from importlib import metadata
from pathlib import Path

from markdown.util import STX
from pymdownx.superfences import highlight_validator

from .whole_files import replace_whole

MAX_BLOCKS = 2000  # far more than the site has; edits add entries, the oldest go
VERSIONS = ", ".join(f"{package} {metadata.version(package)}"
                     for package in ("Pygments", "pymdown-extensions", "Markdown"))
FILE = "blocks.json"
remembered: OrderedDict[str, str] = OrderedDict()  # a block's key -> its HTML
used: set[str] = set()  # the keys of this build's blocks: what `save` writes
loaded: set[Path] = set()  # folders this process has loaded


def fence_config() -> dict:
    """The `custom_fences` entry for pymdownx.superfences: every fence, highlighted once."""
    return {"name": "*", "class": "highlight", "format": format_fence,
            "validator": highlight_validator}


def add_fence(mdx_configs: dict) -> dict:
    """`mdx_configs` (Markdown's extension settings) with the fence added to SuperFences' own.

    Replaces the SuperFences entry rather than changing it, so a copy of the outer
    dict is enough to leave the original settings as they were.
    """
    fences = mdx_configs.get("pymdownx.superfences", {})
    mdx_configs["pymdownx.superfences"] = {
        **fences, "custom_fences": [*fences.get("custom_fences", []), fence_config()]}
    return mdx_configs


def format_fence(src: str, language: str, _class_name: str, options: dict, md, **kwargs) -> str:
    """SuperFences' default highlighting of the block, from memory when seen before.

    (The custom fence's class is unused: the highlighter sets the classes, as by default.)
    """
    fence = md.preprocessors["fenced_code_block"]
    key = block_key(src, language, options, fence, kwargs)
    if key in remembered:
        remembered.move_to_end(key)
        used.add(key)
        fence.highlight_ext.pygments_code_block += 1  # as the highlighter counts blocks
        return remembered[key]
    html = fence.highlight(src=src, language=language, options=dict(options), md=md, **kwargs)
    if STX not in html:
        remembered[key] = html
        used.add(key)
        if len(remembered) > MAX_BLOCKS:
            remembered.popitem(last=False)
    return html


def block_key(src: str, language: str, options: dict, fence, extra: dict) -> str:
    """SHA-256 over everything the block's HTML depends on (see the module's docstring)."""
    settings = fence.highlight_ext.get_pymdownx_highlight_settings()
    parts = (src, language, tuple(sorted(options.items())), repr(sorted(extra.items())),
             fence.line_count, fence.highlight_ext.pygments_code_block, fence.css_class,
             repr(sorted(settings.items())), VERSIONS)
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def load(folder: Path) -> None:
    """Take in the blocks an earlier build saved in `folder`, once per process.

    A missing or unreadable file is no blocks: they are highlighted again, and saved.
    """
    if folder in loaded:
        return
    loaded.add(folder)
    try:
        blocks = json.loads((folder / FILE).read_text())
    except (OSError, ValueError):
        return
    for key, html in blocks.items() if isinstance(blocks, dict) else []:
        remembered.setdefault(key, html)


def save(folder: Path) -> None:
    """Write this build's blocks to `folder` for the next process, and start a new build's list.

    An unchanged file is left alone, so a warm build writes nothing. A changed
    one is replaced whole (sitegen/whole_files.py), so a build that reads it
    at the same time sees the old blocks or the new ones.
    """
    text = json.dumps({key: remembered[key] for key in sorted(used) if key in remembered})
    used.clear()
    path = folder / FILE
    if not (path.is_file() and path.read_text() == text):
        replace_whole(path, lambda scratch: scratch.write_text(text))
