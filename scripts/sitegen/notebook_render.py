"""An executed notebook as a page: its HTML and its table of contents, rendered once.

mkdocs-jupyter's converter renders the notebook (nbconvert, with mkdocs-jupyter's
templates and heading ids), called as mkdocs-jupyter's own MkDocs plugin calls it
with the options in CONVERTER_OPTIONS. The rendering is kept beside the executed
notebook in the cache, with what made it (the notebook's hash, the options, the
versions of the packages that shape the HTML): a build takes it from there while
they are unchanged, and only a build that renders imports the converter (about
0.4 s of nbconvert and jupytext; as the plugin, mkdocs-jupyter imported them in
every build and every `mkdocs serve`).

Beside it too, an empty `<name>.md`, written with each rendering: the page's
source file for MkDocs, whose modification time tells `mkdocs build --dirty`
whether the page changed (`page_source`).

The table of contents lists the rendering's own headings, so each entry links to
an id the page has. Limits: it reads the markup nbconvert writes, a heading as
<hN id="..."> whose text ends in an anchor link (<a class="anchor-link">¶</a>).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from html import escape
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

from markdown.extensions.toc import nest_toc_tokens

from .notebooks import HELPER_FILE_TAG, NotebookError
from .whole_files import replace_whole

# As mkdocs-jupyter's plugin passes them with its defaults; helper-file cells show
# only "Writing mnist.py": the files themselves are on the page and in the download.
CONVERTER_OPTIONS = {
    "execute": False, "kernel_name": "", "theme": "", "allow_errors": True,
    "show_input": True, "no_input": False, "no_prompt": False,
    "remove_tag_config": {"remove_input_tags": [HELPER_FILE_TAG]},
    "highlight_extra_classes": "", "include_requirejs": False, "custom_mathjax_url": "",
}
# The packages whose versions shape the HTML: the converter, its templates' renderers.
CONVERTER = ("mkdocs-jupyter", "nbconvert", "mistune", "pygments", "jupyterlab-pygments",
             "jupytext", "nbformat")


@dataclass(frozen=True)
class RenderedNotebook:
    html: str
    toc_tokens: list[dict]  # nested, as mkdocs.structure.toc.get_toc takes them


def rendered(notebook: Path) -> RenderedNotebook:
    """The notebook's HTML and table of contents, from beside it when rendered before."""
    stored = notebook.with_suffix(".rendered.json")
    try:
        content = notebook.read_bytes()
    except OSError as exc:
        raise NotebookError(f"{notebook}: cannot read it: {exc.strerror}") from exc
    made_by = {"notebook": hashlib.sha256(content).hexdigest(),
               "converter": {name: version(name) for name in CONVERTER},
               "options": CONVERTER_OPTIONS}
    if (kept := stored_rendering(stored, made_by)) and page_source(notebook).is_file():
        return kept
    html = converted(notebook)
    rendering = RenderedNotebook(html, toc_tokens(html))
    replace_whole(stored, lambda scratch: scratch.write_text(
        json.dumps({"made_by": made_by, **asdict(rendering)}), encoding="utf-8"))
    replace_whole(page_source(notebook), lambda scratch: scratch.write_text(""))
    return rendering


def page_source(notebook: Path) -> Path:
    """The rendered page's (empty) source file, new with each rendering (see above)."""
    return notebook.with_suffix(".md")


def stored_rendering(stored: Path, made_by: dict) -> RenderedNotebook | None:
    """The rendering kept in `stored` if `made_by` (notebook, versions, options) made it;
    else None (also when the file is missing or unreadable: it is rendered again)."""
    try:
        kept = json.loads(stored.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("made_by") != made_by:
        return None
    return RenderedNotebook(kept["html"], kept["toc_tokens"])


def converted(notebook: Path) -> str:
    from mkdocs_jupyter.convert import nb2html  # imports nbconvert: only when rendering

    try:
        return nb2html(str(notebook), **CONVERTER_OPTIONS)
    except Exception as exc:  # nbconvert raises many kinds; name the file whatever it was
        raise NotebookError(f"{notebook}: mkdocs-jupyter could not render it: {exc}") from exc


def toc_tokens(html: str) -> list[dict]:
    """The headings that have an id, nested by level, their text without the anchor link."""
    headings = Headings()
    headings.feed(html)
    headings.close()
    return nest_toc_tokens(headings.found)


class Headings(HTMLParser):
    """Collects {level, id, name} of every <h1>-<h6 id>, skipping the anchor link's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.heading: dict | None = None
        self.in_anchor_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" and attributes.get("id"):
            self.heading = {"level": int(tag[1]), "id": attributes["id"], "name": ""}
        elif self.heading and tag == "a" and "anchor-link" in (attributes.get("class") or ""):
            self.in_anchor_link = True

    def handle_endtag(self, tag: str) -> None:
        if self.heading and tag == f"h{self.heading['level']}":
            self.heading["name"] = escape(self.heading["name"].strip(), quote=False)
            self.found.append(self.heading)
            self.heading = None
        elif tag == "a":
            self.in_anchor_link = False

    def handle_data(self, data: str) -> None:
        if self.heading and not self.in_anchor_link:
            self.heading["name"] += data
