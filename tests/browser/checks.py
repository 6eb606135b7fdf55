"""What every page must get right, checked on an open Playwright page."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from mkdocs.config import load_config

from sitegen import pipeline
from support import DOCS, ROOT, require

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The site is served under this sub-path in the tests, as GitHub Pages serves a project site.
PREFIX = "/introduction-to-neural-networks/"

# Pages as MkDocs names them: docs/theory.md -> "theory", docs/index.md -> "index",
# plus the executed notebooks the nav lists (sitegen/notebook_render.py).
PAGES = sorted([str(p.relative_to(DOCS).with_suffix("")) for p in DOCS.rglob("*.md")]
               + [f"notebooks/{name}" for name in
                  pipeline.rendered_notebook_names(load_config(str(pipeline.CONFIG))["nav"])])

# Text of the article with code removed: raw TeX delimiters there mean untypeset math.
ARTICLE_TEXT = """() => {
  const article = document.querySelector("article").cloneNode(true);
  article.querySelectorAll("pre, code, script, style, .katex").forEach((node) => node.remove());
  return article.textContent;
}"""
MATH_STATE = """() => [...document.querySelectorAll(".arithmatex")]
  .map((node) => node.querySelector(".katex") !== null)"""
# Figures load lazily (when scrolled near): ask for every one now, and wait for each.
IMAGES = """async () => {
  const images = [...document.querySelectorAll("article img")];
  images.forEach((img) => { img.loading = "eager"; });
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  return images.map((img) => ({
    src: img.currentSrc || img.src, alt: img.alt, ok: img.complete && img.naturalWidth > 0}));
}"""
LINKS = """() => [...document.querySelectorAll("a[href]")].map((a) => a.href)"""
# Code blocks that scroll sideways, folds opened: the longest line of each, to name it.
WIDE_CODE = """() => {
  const closed = [...document.querySelectorAll("article details:not([open])")];
  closed.forEach((fold) => { fold.open = true; });
  const wide = [...document.querySelectorAll("article pre")]
    .map((pre) => pre.querySelector("code") || pre)
    .filter((code) => code.scrollWidth > code.clientWidth + 1)
    .map((code) => code.textContent.split("\\n").reduce((a, b) => (b.length > a.length ? b : a)));
  closed.forEach((fold) => { fold.open = false; });
  return wide;
}"""


def page_url(site_root: str, page: str, directory_urls: bool = True) -> str:
    """Where MkDocs publishes the page built from docs/<page>.md."""
    if not directory_urls:
        return urljoin(site_root, f"{page}.html")
    return urljoin(site_root, "" if page == "index" else page.removesuffix("/index") + "/")


def link_works(url: str) -> bool:
    if url.startswith("file:"):
        path = Path(unquote(urlparse(url).path))
        return (path / "index.html").is_file() if path.is_dir() else path.is_file()
    try:
        with urllib.request.urlopen(url) as response:
            return response.status < 400
    except urllib.error.HTTPError:
        return False


def page_problems(page, seen, site_root: str) -> list[str]:
    """Everything wrong with a loaded page: requests, errors, math, images, links."""
    problems = seen.problems()
    text = page.evaluate(ARTICLE_TEXT)
    raw_tex = [marker for marker in ("\\(", "\\[", "$$") if marker in text]
    problems += [f"untypeset math ({marker!r})" for marker in raw_tex]
    math = page.evaluate(MATH_STATE)
    problems += [f"{math.count(False)} formula(s) without KaTeX output"] if not all(math) else []
    for image in page.evaluate(IMAGES):
        problems += [f"broken image {image['src']}"] if not image["ok"] else []
        problems += [f"image without alt text {image['src']}"] if not image["alt"].strip() else []
    problems += [f"code block scrolls sideways: {line.strip()[:80]!r}"
                 for line in page.evaluate(WIDE_CODE)]
    internal = {urldefrag(link).url for link in page.evaluate(LINKS) if link.startswith(site_root)}
    problems += [f"broken link {link}" for link in sorted(internal) if not link_works(link)]
    return problems


# The default rules that read colours (axe's "cat.color" tag, less the AAA-level
# color-contrast-enhanced, which the default set leaves off too).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def accessibility_problems(page, rules: list[str] | None = None) -> list[str]:
    """Serious or critical axe-core violations on the open page: every default rule, or `rules`."""
    require(AXE.is_file(), f"axe-core in {AXE.parent} (npm ci)")
    if not page.evaluate("typeof axe === 'object'"):  # a second check reuses the page's copy
        page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"]}
    if rules is not None:
        options["runOnly"] = {"type": "rule", "values": rules}
    result = page.evaluate("(options) => axe.run(document, options)", options)
    return [f"axe {v['impact']}: {v['id']}: {v['help']} "
            f"({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
            for v in result["violations"] if v["impact"] in {"serious", "critical"}]


# A seven, as points of a stroke in fractions of a canvas's width and height.
PRESENTING = "document.documentElement.classList.contains('nn-presenting')"


def start_presenting(page) -> None:
    """Press T and wait for the slides: presenter mode loads figures and widgets first."""
    page.locator("body").press("t")
    page.wait_for_function(PRESENTING)


SEVEN = [(0.3, 0.25), (0.7, 0.25), (0.45, 0.8)]


def draw(page, points: list[tuple[float, float]], canvas: str = ".nn-draw__canvas") -> None:
    """Draw a stroke with the mouse through `points` on the canvas `canvas` selects."""
    box = page.locator(canvas).bounding_box()
    xy = [(box["x"] + fx * box["width"], box["y"] + fy * box["height"]) for fx, fy in points]
    page.mouse.move(*xy[0])
    page.mouse.down()
    for x, y in xy[1:]:
        page.mouse.move(x, y, steps=8)
    page.mouse.up()
