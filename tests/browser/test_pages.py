"""Open every page of the built site in headless Chromium and check what a reader gets.

Fails on: a request to any host but 127.0.0.1, a console error or uncaught
exception, an HTTP error, math left untypeset, a broken or unlabelled image,
or an internal link that does not resolve. Saves a full-page screenshot of
each page under test-artifacts/screenshots/.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest

from support import DOCS

PAGES = sorted(str(p.relative_to(DOCS).with_suffix("")) for p in DOCS.rglob("*.md"))

# Text of the article with code removed: raw TeX delimiters there mean untypeset math.
ARTICLE_TEXT = """() => {
  const article = document.querySelector("article").cloneNode(true);
  article.querySelectorAll("pre, code, .katex").forEach((node) => node.remove());
  return article.textContent;
}"""
MATH_STATE = """() => [...document.querySelectorAll(".arithmatex")]
  .map((node) => node.querySelector(".katex") !== null)"""
IMAGES = """() => [...document.querySelectorAll("article img")].map((img) => ({
  src: img.currentSrc, alt: img.alt, ok: img.complete && img.naturalWidth > 0}))"""
LINKS = """() => [...document.querySelectorAll("a[href]")].map((a) => a.href)"""


def page_url(site_url: str, page: str) -> str:
    """Where MkDocs (directory URLs) publishes the page built from docs/<page>.md."""
    return urljoin(site_url, "" if page == "index" else page.removesuffix("/index") + "/")


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("page_name", PAGES)
def test_page_in_browser(page_name, site_url, new_page, screenshots):
    page, seen = new_page
    page.goto(page_url(site_url, page_name), wait_until="networkidle")
    page.evaluate("document.fonts.ready")

    problems = seen.problems()
    text = page.evaluate(ARTICLE_TEXT)
    raw_tex = [marker for marker in ("\\(", "\\[", "$$") if marker in text]
    problems += [f"untypeset math ({marker!r})" for marker in raw_tex]
    math = page.evaluate(MATH_STATE)
    problems += [f"{math.count(False)} formula(s) without KaTeX output"] if not all(math) else []
    for image in page.evaluate(IMAGES):
        problems += [f"broken image {image['src']}"] if not image["ok"] else []
        problems += [f"image without alt text {image['src']}"] if not image["alt"].strip() else []
    internal = {urldefrag(link).url for link in page.evaluate(LINKS) if link.startswith(site_url)}
    problems += [f"broken link {link}" for link in sorted(internal) if status_of(link) >= 400]

    page.screenshot(path=str(screenshots / f"{page_name.replace('/', '_')}.png"), full_page=True)
    assert not problems, "\n".join(problems)


def test_every_page_is_checked(built_site: Path):
    """The list of pages above comes from docs/; make sure the site has no others."""
    built = sorted(str(p.parent.relative_to(built_site))
                   for p in built_site.rglob("index.html"))
    expected = sorted("." if p == "index" else p for p in PAGES)
    assert [b for b in built if not b.startswith(("assets", "search"))] == expected
