"""MkDocs hooks: wire the build-time content of `scripts/sitegen` into the site.

- on_files: run (or take from cache) every snippet a page refers to and every
  notebook in snippets/notebooks.toml, and add the figures, the notebooks and
  KaTeX's stylesheet and fonts (from node_modules) to the site's files;
- on_page_markdown: fill `{{ snippet.value }}` placeholders;
- on_page_content / on_env: typeset every page's math with KaTeX in one go;
  on a notebook page, swap mkdocs-jupyter's inlined JupyterLab styles for our
  small stylesheet (sitegen/notebook_page.py).

The work itself lives in plain modules, so `scripts/generate.py` can do it
without MkDocs. Anything unexpected raises PluginError naming the file.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).parent))
from sitegen import notebook_page, notebooks, pipeline, placeholders, snippet_cache, typeset

log = logging.getLogger("mkdocs.plugins.build_hooks")
ROOT = pipeline.ROOT

# Module state lives for one build; `mkdocs serve` keeps the module, so reset it.
results: dict[str, snippet_cache.SnippetResult] = {}
pages_with_math: dict[str, object] = {}  # src_uri -> Page, typeset in on_env


def on_pre_build(config) -> None:
    results.clear()
    pages_with_math.clear()


# Before mkdocs-jupyter's on_files, so it sees (and renders) the generated notebooks.
@event_priority(100)
def on_files(files: Files, config) -> Files:
    try:
        results.update(pipeline.snippets_for_docs(Path(config["docs_dir"])))
        built_notebooks = pipeline.notebooks_for_site()
        katex = typeset.katex_dist(ROOT)
    except (snippet_cache.SnippetError, notebooks.NotebookError, typeset.MathError) as exc:
        raise PluginError(str(exc)) from exc
    ran = sorted(name for name, result in results.items() if not result.from_cache)
    log.info("snippets: %d from cache, %d run%s", len(results) - len(ran), len(ran),
             f" ({', '.join(ran)})" if ran else "")
    for result in results.values():
        for name, path in result.figures.items():
            files.append(File.generated(config, f"figures/{name}", abs_src_path=str(path)))
    for name, path in built_notebooks.items():
        # A real source folder, not File.generated: mkdocs-jupyter's file wrapper
        # derives the source path from src_dir.
        files.append(File(f"notebooks/{name}.ipynb", src_dir=str(path.parents[1]),
                          dest_dir=config["site_dir"],
                          use_directory_urls=config["use_directory_urls"]))
    add_tree(files, config, katex, "assets/katex", ["katex.min.css", "fonts/*.woff2"])
    # Material's offline plugin would load this shim from unpkg.com; ours comes from npm.
    add_tree(files, config, ROOT / "node_modules" / "iframe-worker" / "shim",
             "assets/iframe-worker", ["index.js"])
    return files


def add_tree(files: Files, config, source: Path, dest: str, patterns: list[str]) -> None:
    """Add files from outside docs/ (e.g. node_modules) to the site under `dest`."""
    for pattern in patterns:
        for path in sorted(source.glob(pattern)):
            uri = f"{dest}/{path.relative_to(source).as_posix()}"
            files.append(File.generated(config, uri, abs_src_path=str(path)))


def on_page_markdown(markdown: str, page, config, files) -> str:
    try:
        return placeholders.fill(markdown, results, page.file.src_uri)
    except placeholders.PlaceholderError as exc:
        raise PluginError(str(exc)) from exc


def on_page_content(html: str, page, config, files) -> str:
    pages_with_math[page.file.src_uri] = page
    if page.file.src_uri.endswith(".ipynb"):
        return notebook_page.lighten(html, get_relative_url("assets/notebook.css", page.url))
    return html


def on_page_context(context, page, config, nav):
    """A generated notebook's source is its recipe: point "edit this page" there."""
    if page.file.src_uri.startswith("notebooks/") and page.edit_url:
        page.edit_url = page.edit_url.replace(f"docs/{page.file.src_uri}",
                                              "snippets/notebooks.toml")
    return context


def on_env(env, config, files):
    try:
        typeset_html = typeset.typeset_pages(
            {name: page.content for name, page in pages_with_math.items()}, ROOT)
    except typeset.MathError as exc:
        raise PluginError(str(exc)) from exc
    for name, page in pages_with_math.items():
        page.content = typeset_html[name]
    return env
