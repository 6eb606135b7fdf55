"""Highlighted code blocks remembered between the rebuilds of one `mkdocs serve`.

Pygments takes about half of Markdown's time on these pages (some 90 code
blocks, the folded whole-file examples among them), and an edit to a line of
prose changes none of them. SuperFences lets a custom fence named "*" take
over its default fence (pymdown-extensions 7.0); `format_fence` is that fence:
it hands each block to SuperFences' own highlighter, as the default fence
does, and keeps the HTML for the next build in the same process. It is there
in every build (one code path for `build` and `serve`); within one build it
only meets a block again where two pages repeat one at the same position.

The key holds everything the HTML depends on: the code, its language and
options, its classes, id and attributes, its line count (highlighted lines are
clamped to it), the block's number on the page (line anchors use it) and the
Highlight settings, so a hit is HTML the highlighter would make again. HTML
that holds a Markdown placeholder (a title kept in the page's HTML stash) is
never kept: the placeholder is only valid on its own page.
"""

from __future__ import annotations

from collections import OrderedDict

from markdown.util import STX
from pymdownx.superfences import highlight_validator

MAX_BLOCKS = 2000  # far more than the site has; edits add entries, the oldest go
remembered: OrderedDict[tuple, str] = OrderedDict()


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
        fence.highlight_ext.pygments_code_block += 1  # as the highlighter counts blocks
        return remembered[key]
    html = fence.highlight(src=src, language=language, options=dict(options), md=md, **kwargs)
    if STX not in html:
        remembered[key] = html
        if len(remembered) > MAX_BLOCKS:
            remembered.popitem(last=False)
    return html


def block_key(src: str, language: str, options: dict, fence, extra: dict) -> tuple:
    settings = fence.highlight_ext.get_pymdownx_highlight_settings()
    return (src, language, tuple(sorted(options.items())), repr(sorted(extra.items())),
            fence.line_count, fence.highlight_ext.pygments_code_block, fence.css_class,
            repr(sorted(settings.items())))
