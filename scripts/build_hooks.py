"""MkDocs hooks: wire the build-time content of `scripts/sitegen` into the site.

- on_config: highlight code blocks through sitegen/highlight_memo.py, so the
  rebuilds of `mkdocs serve` take unchanged blocks from memory, and a new
  build takes them from the last build's (on_post_build saves them);
- on_serve: `mkdocs serve` looks for edits every 0.1 s (sitegen/serve_watch.py);
- on_startup: date the build by the last commit (sitemap), not by the day,
  and note whether it is a `--dirty` one;
- on_files: run (or take from cache) every snippet a page refers to, and add
  to the site's files: the figures; each page's notebook and the snippet files
  pages offer, under downloads/; the executed notebooks that the nav lists
  under notebooks/, as pages rendered by mkdocs-jupyter's converter
  (sitegen/notebook_render.py), with their figures; KaTeX's
  stylesheet and fonts (from node_modules); snippet values that are files of
  their own (VALUE_FILES);
- on_page_markdown: fill `{{ snippet.value }}` placeholders;
- on_page_content / on_env: give figures their size and lazy loading
  (sitegen/figure_tags.py); keep folded examples out of search
  (sitegen/search_scope.py); drop the code's spans that need not be there
  (sitegen/lean_code.py); typeset every page's math with KaTeX in one go, and
  keep only the KaTeX rules the pages use (not in a `--dirty` build);
  on a notebook page, put the rendering in the page's place (with its table
  of contents), swap mkdocs-jupyter's inlined JupyterLab styles for our
  small stylesheet and its inlined figures for their files, each described
  as its page describes it (sitegen/notebook_page.py), and keep the page out
  of search (its text is its page's);
- on_env: the theme's templates load compiled from a cache when unchanged
  (sitegen/template_cache.py), and learn where KaTeX's stylesheet is;
- on_page_context: Material's search reads a lighter copy of the page, the
  same index in a fraction of the time (search_scope.searchable); the page
  then gets its full HTML back, and the link to its notebook (a rendered
  notebook: the executed notebook itself);
- on_post_page: drop the indentation of the theme's markup (sitegen/lean_html.py);
- on_shutdown: skip Python's last garbage collection before the process ends.

The work itself lives in plain modules, so `scripts/generate.py` can do it
without MkDocs. Anything unexpected raises PluginError naming the file.
"""

from __future__ import annotations

import gc
import logging
import os
import posixpath
import sys
from collections.abc import Iterable
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).parent))
from sitegen import (
    figure_tags,
    highlight_memo,
    lean_code,
    lean_html,
    notebook_page,
    notebook_render,
    notebooks,
    pipeline,
    placeholders,
    search_scope,
    serve_watch,
    snippet_cache,
    template_cache,
    typeset,
)

log = logging.getLogger("mkdocs.plugins.build_hooks")
ROOT = pipeline.ROOT
# Site files whose text is a snippet's value: path in the site -> (snippet, value name).
VALUE_FILES = {"assets/models/digit-model.js": ("site_digit_model", "model_script")}
# KaTeX's stylesheet in the site; overrides/main.html links it on the pages with math.
KATEX_STYLESHEET = "assets/katex/katex.min.css"

# Module state lives for one build; `mkdocs serve` keeps the module, so reset it
# (on_pre_build), all but `startup`, which holds for the whole serve session.
results: dict[str, snippet_cache.SnippetResult] = {}
pages_with_math: dict[str, object] = {}  # src_uri -> Page, typeset in on_env
notebook_pages: set[str] = set()  # pages that offer downloads/<page>.ipynb
figures: dict[str, Path] = {}  # figure file name -> the file the snippet drew
notebook_figures: dict[str, str] = {}  # a rendered notebook's figure file name -> its alt text
rendered_pages: dict[str, notebook_render.RenderedNotebook] = {}  # notebooks/<page>.md -> it
full_html: dict[str, str] = {}  # a page's HTML while search reads its lighter copy
# on_startup's flags; "dirty" (`--dirty`): only the edited pages are built and typeset again.
startup: dict[str, bool] = {}


# Before Material's offline plugin, which would otherwise add the shim from unpkg.com.
@event_priority(100)
def on_config(config):
    """The offline copy's search runs in an iframe worker; its shim comes from npm.

    Code blocks are highlighted through sitegen/highlight_memo.py, which
    `mkdocs serve` rebuilds then take from memory, and a new build from the
    blocks the last one saved.
    """
    if config.plugins["material/offline"].config.enabled:
        config.extra["polyfills"] = ["assets/iframe-worker/index.js"]
    highlight_memo.add_fence(config.mdx_configs)
    highlight_memo.load(highlight_cache())
    return config


def on_serve(server, config, builder):
    """Poll the watched files every 0.1 s, not every 0.5 s (sitegen/serve_watch.py)."""
    return serve_watch.poll_every(server)


def on_startup(command, dirty) -> None:
    """Date the build by the last commit, not the day it runs (pipeline.last_commit_time);
    remember whether it builds only the edited pages (`--dirty`)."""
    startup["dirty"] = dirty
    if "SOURCE_DATE_EPOCH" not in os.environ and (stamp := pipeline.last_commit_time()):
        os.environ["SOURCE_DATE_EPOCH"] = stamp


def on_pre_build(config) -> None:
    highlight_memo.used.clear()  # what a failed build left
    results.clear()
    pages_with_math.clear()
    notebook_pages.clear()
    figures.clear()
    notebook_figures.clear()
    rendered_pages.clear()
    full_html.clear()


def on_files(files: Files, config) -> Files:
    docs = Path(config["docs_dir"])
    try:
        downloads = pipeline.downloads(docs)
        page_notebooks = pipeline.page_notebooks(docs)
        snippet_results, rendered = pipeline.snippets_and_notebooks(
            config["nav"], docs, built=page_notebooks, offered=downloads)
        katex = typeset.katex_dist(ROOT)
    except (snippet_cache.SnippetError, notebooks.NotebookError, typeset.MathError) as exc:
        raise PluginError(str(exc)) from exc
    results.update(snippet_results)
    notebook_pages.update(page_notebooks)
    log_snippet_runs()
    add_snippet_outputs(files, config)
    add_downloads(files, config, downloads, page_notebooks)
    try:
        add_rendered_notebooks(files, config, rendered, docs)
    except (notebook_page.FigureError, placeholders.PlaceholderError,
            notebooks.NotebookError) as exc:
        raise PluginError(str(exc)) from exc
    add_front_end(files, config, katex)
    return files


def log_snippet_runs() -> None:
    ran = sorted(name for name, result in results.items() if not result.from_cache)
    log.info("snippets: %d from cache, %d run%s", len(results) - len(ran), len(ran),
             f" ({', '.join(ran)})" if ran else "")


def add_snippet_outputs(files: Files, config) -> None:
    """The figures the snippets drew, and the values that are files of their own."""
    for result in results.values():
        figures.update(result.figures)
        for name, path in result.figures.items():
            files.append(File.generated(config, f"figures/{name}", abs_src_path=str(path)))
    for uri, (snippet, value) in VALUE_FILES.items():
        if snippet in results:  # only when a page uses the snippet
            files.append(File.generated(config, uri, content=results[snippet].values[value]))


def add_downloads(files: Files, config, downloads: dict[str, Path],
                  page_notebooks: dict[str, notebooks.nbformat.NotebookNode]) -> None:
    """The snippet files pages offer, and each page's notebook, under downloads/."""
    for name, path in downloads.items():
        files.append(File.generated(config, f"downloads/{name}", abs_src_path=str(path)))
    for name, notebook in page_notebooks.items():
        files.append(File.generated(config, f"downloads/{name}.ipynb",
                                    content=notebooks.nbformat.writes(notebook)))


def add_rendered_notebooks(files: Files, config, rendered: dict[str, Path], docs: Path) -> None:
    """The executed notebooks the nav lists, each as a page (filled in on_page_content)
    edited via the page it comes from, with its figures and a copy to download."""
    snippet_files = snippet_cache.find_snippets(pipeline.SNIPPETS)
    snippet_figures = {name: list(result.figures) for name, result in results.items()}
    for name, path in rendered.items():
        rendered_pages[f"notebooks/{name}.md"] = notebook_render.rendered(path)
        page_file = File.generated(config, f"notebooks/{name}.md",
                                   abs_src_path=str(notebook_render.page_source(path)))
        page_file.edit_uri = f"{name}.md"
        files.append(page_file)
        files.append(File.generated(config, executed_notebook(page_file),
                                    abs_src_path=str(path)))
        page = placeholders.fill((docs / f"{name}.md").read_text(), results, f"{name}.md")
        described = notebook_page.described_figures(page, snippet_files, snippet_figures)
        for figure, (png, alt) in notebook_page.figures_in(path, described).items():
            if figure not in notebook_figures:
                files.append(File.generated(config, f"figures/{figure}", content=png))
            notebook_figures[figure] = alt  # a figure in two notebooks: one file, the last alt


def executed_notebook(page_file: File) -> str:
    """Where the site offers the executed notebook a rendered page shows: beside the page's
    HTML file (notebooks/<name>/<name>.ipynb, or notebooks/<name>.ipynb in the offline copy)."""
    name = posixpath.splitext(posixpath.basename(page_file.src_uri))[0]
    return posixpath.join(posixpath.dirname(page_file.dest_uri), f"{name}.ipynb")


def add_front_end(files: Files, config, katex: Path) -> None:
    """KaTeX's stylesheet and fonts, and the offline copy's search shim, from node_modules.

    on_env keeps only the stylesheet's rules that the typeset pages use.
    """
    files.append(File.generated(config, KATEX_STYLESHEET,
                                content=typeset.woff2_only_stylesheet(katex)))
    add_tree(files, config, katex, "assets/katex", ["fonts/*.woff2"])
    # Material's offline plugin would load this shim from unpkg.com; ours comes from npm.
    add_tree(files, config, ROOT / "node_modules" / "iframe-worker" / "shim",
             "assets/iframe-worker", ["index.js"])


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
    if rendering := rendered_pages.get(page.file.src_uri):
        html = rendering.html
        page.toc = get_toc(rendering.toc_tokens)
    try:
        html = figure_tags.sized_and_lazy(html, figures)
    except figure_tags.FigureError as exc:
        raise PluginError(str(exc)) from exc
    html = search_scope.folded_examples_unindexed(html)
    html = lean_code.unwrap_plain_tokens(html)
    if rendering:
        # Its text is its page's again: search would show every hit twice.
        page.meta["search"] = {"exclude": True}
        html = notebook_page.lighten(html, get_relative_url("assets/notebook.css", page.url))
        return notebook_page.figures_linked(
            html, get_relative_url("figures", page.url) + "/", notebook_figures)
    return html


@event_priority(100)  # before Material's search plugin reads the page
def _search_reads_a_lighter_copy(context, page, config, nav):
    full_html[page.file.src_uri] = page.content
    page.content = search_scope.searchable(page.content)
    return context


@event_priority(-100)  # after it
def _full_page_and_its_notebook(context, page, config, nav):
    """The page's HTML again; pages with code offer their notebook, rendered notebooks
    themselves."""
    page.content = full_html.pop(page.file.src_uri)
    name = Path(page.file.src_uri).stem
    if page.file.src_uri in rendered_pages:
        page.meta["executed_notebook"] = executed_notebook(page.file)
    elif name in notebook_pages:
        page.meta["notebook"] = f"downloads/{name}.ipynb"
    return context


on_page_context = CombinedEvent(_search_reads_a_lighter_copy, _full_page_and_its_notebook)


def on_env(env, config, files):
    env.bytecode_cache = template_cache.compiled_templates(env, pipeline.default_cache() / "jinja")
    env.globals["katex_stylesheet"] = KATEX_STYLESHEET
    try:
        typeset_html = typeset.typeset_pages(
            {name: page.content for name, page in pages_with_math.items()}, ROOT,
            cache=pipeline.default_cache() / "katex")
    except typeset.MathError as exc:
        raise PluginError(str(exc)) from exc
    for name, page in pages_with_math.items():
        page.content = typeset_html[name]
    if not startup.get("dirty"):  # else some pages were not typeset again: keep every rule
        keep_katex_rules_in_use(files.get_file_from_path(KATEX_STYLESHEET), typeset_html.values())
    return env


def keep_katex_rules_in_use(stylesheet: File, pages: Iterable[str]) -> None:
    """Trim KaTeX's stylesheet in the site to the rules `pages` use (typeset.rules_in_use)."""
    try:
        stylesheet.content_string = typeset.rules_in_use(stylesheet.content_string, pages)
    except typeset.MathError as exc:
        raise PluginError(f"{typeset.katex_dist(ROOT) / 'katex.min.css'}: {exc}") from exc


def on_post_page(output: str, page, config) -> str:
    return lean_html.squeezed(output)


def on_post_build(config) -> None:
    highlight_memo.save(highlight_cache())


def highlight_cache() -> Path:
    """Where highlight_memo keeps the last build's blocks (SITEGEN_CACHE_DIR's highlight/)."""
    return pipeline.default_cache() / "highlight"


def on_shutdown() -> None:
    """The build is over, and for `mkdocs build` the process ends next: Python's last
    garbage collection over the ~90,000 objects a build leaves took 0.15-0.2 s of a 2 s
    warm build, and frozen objects are skipped. Every file is written and closed by
    now, so no finalizer is needed for it; a serve session reaches this when it stops."""
    gc.freeze()
