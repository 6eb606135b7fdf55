"""Open every page of the built site in headless Chromium, served under a sub-path.

Fails on: a request outside the site (another host, or outside the sub-path),
a console error or uncaught exception, an HTTP error, math left untypeset, a
broken or unlabelled image, an internal link that does not resolve, or a serious or critical
accessibility violation found by axe-core (every default rule in the light scheme, the
colour rules again after the header's toggle switches the page to the dark one). Saves
a screenshot (JPEG) of each page's first screen, in the light scheme and in the
dark one, under test-artifacts/screenshots/ (the whole page took the browser
0.3-1.9 CPU-s more each).

The same first visit (a fresh context, so an empty cache) is weighed: every
page must transfer less than 300 kB, issue #17's target. The test server
compresses text files with gzip, as GitHub Pages does, so the transfer is what
a reader downloads; the size adds up the same files uncompressed, as they lie
in the offline copy, and must stay within 600 kB on every page.
test_page_weight writes the table for scripts/measure.py.

The site's KaTeX stylesheet holds only the rules its formulas use: on every
page, no rule left out of it may match an element.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from checks import COLOUR_RULES, PAGES, PREFIX, accessibility_problems, page_problems, page_url
from sitegen import typeset
from support import ARTIFACTS, ROOT

WEIGHT_LIMIT = 300_000  # issue #17's target for a first visit, compressed
SIZE_LIMIT = 600_000  # and uncompressed
# Page -> bytes of its first visit: "transferred" (compressed) and "size" (uncompressed).
WEIGHTS: dict[str, dict[str, int]] = {}


def save_screenshot(page, name: str, folder: Path) -> None:
    """A JPEG of the page's first screen, for people to look at."""
    path = folder / f"{name.replace('/', '_')}.jpg"
    page.screenshot(path=str(path), type="jpeg", quality=85)


def size_on_disk(site: Path, urls: list[str]) -> int:
    """Uncompressed bytes of the site's files behind `urls`."""
    total = 0
    for url in set(urls):
        path = site / unquote(urlparse(url).path).removeprefix(PREFIX)
        path = path / "index.html" if path.is_dir() else path
        total += path.stat().st_size if path.is_file() else 0
    return total


def weigh(page_name: str, seen, site: Path) -> list[str]:
    """Record the first visit's weight; a problem if it transfers WEIGHT_LIMIT or more."""
    transferred = seen.bytes_transferred
    WEIGHTS[page_name] = {"transferred": transferred, "size": size_on_disk(site, seen.urls)}
    if transferred < WEIGHT_LIMIT:
        return []
    return [f"the first visit transfers {transferred:,} bytes "
            f"(limit {WEIGHT_LIMIT:,})"]


# For each selector of KaTeX's whole stylesheet that matches an element of the open page
# (pseudo-elements left out: no element is one), whether the site's stylesheet has it too,
# with the same declarations. The browser parses both stylesheets and matches the selectors.
DROPPED_BUT_USED = """whole => {
  const selectors = sheet => [...sheet.cssRules].filter(rule => rule.selectorText).flatMap(
    rule => rule.selectorText.split(/,(?![^(]*\\))/).map(s => [s.trim(), rule.style.cssText]));
  const site = [...document.styleSheets].find(sheet => sheet.href?.endsWith("katex.min.css"));
  const kept = new Set(selectors(site).map(pair => pair.join(" { ")));
  const parsed = new CSSStyleSheet();
  parsed.replaceSync(whole);
  return selectors(parsed).filter(([selector]) =>
      document.querySelector(selector.replace(/::?(before|after)\\b/g, "")) !== null)
    .map(pair => pair.join(" { ")).filter(rule => !kept.has(rule));
}"""


@functools.cache
def whole_katex_stylesheet() -> str:
    return typeset.woff2_only_stylesheet(typeset.katex_dist(ROOT))


def katex_problems(page) -> list[str]:
    """Rules of KaTeX's stylesheet that typeset.rules_in_use left out but an element here uses."""
    if not page.locator(".katex").count():
        return []
    return [f"KaTeX rule left out of the site's stylesheet, used here: {rule}"
            for rule in page.evaluate(DROPPED_BUT_USED, whole_katex_stylesheet())]


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


@pytest.mark.parametrize("page_name", PAGES)
def test_page_in_browser(page_name, site_url, built_site, open_page, screenshots):
    """Every check in the light scheme; then the reader's toggle, and the colour rules again.

    Only the colour rules run in the dark scheme: the page is the same document
    in both, so every other rule finds there what it found in the light one.
    The toggle switches the palette in place, as Material does for a reader, so
    one load serves both schemes.
    """
    page, seen = open_page(page_url(site_url, page_name), site_url)
    problems = weigh(page_name, seen, built_site)  # before the checks load anything more
    problems += (page_problems(page, seen, site_url) + katex_problems(page)
                 + accessibility_problems(page))
    problems += [] if scheme(page) == "default" else [f"opened in the {scheme(page)} scheme"]
    save_screenshot(page, page_name, screenshots)
    light = seen.problems()  # page_problems reported those it found; add any since
    problems += [problem for problem in light if problem not in problems]
    page.locator('label[title="Switch to dark mode"]').click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished))")  # fades
    problems += [f"dark scheme: {problem}" for problem in accessibility_problems(page, COLOUR_RULES)
                 + [problem for problem in seen.problems() if problem not in light]]
    save_screenshot(page, f"dark-{page_name}", screenshots)
    assert not problems, "\n".join(problems)


def test_the_browser_has_a_mouse(browser):
    """Material's CSS and script ask for hover and a fine pointer, as a reader's mouse gives."""
    page = browser.new_page()
    try:
        assert page.evaluate("matchMedia('(hover: hover) and (pointer: fine)').matches")
    finally:
        page.close()


def test_a_dark_preference_opens_pages_in_the_dark_scheme(site_url, open_page):
    """The palette follows prefers-color-scheme (mkdocs.yml) on a first visit."""
    page, seen = open_page(site_url, site_url, color_scheme="dark")
    assert scheme(page) == "slate"
    assert not seen.problems(), seen.problems()


def test_the_watch_names_requests_that_leave_the_site(site_url, open_page):
    """What every check above relies on: another host, and a path outside the sub-path."""
    page, seen = open_page(page_url(site_url, "background"), site_url)
    root = urlparse(site_url)
    elsewhere = f"{root.scheme}://{root.netloc}/elsewhere.json"
    page.evaluate("(urls) => Promise.allSettled(urls.map((url) => fetch(url)))",
                  ["http://example.com/x.json", elsewhere])
    seen.settle(page)
    assert seen.outside == ["http://example.com/x.json", elsewhere]
    assert f"request outside the site: {elsewhere}" in seen.problems()


def test_page_weight(site_url, built_site, open_page, request):
    """The weights of the first visits above, as a table (and pages run alone weighed here)."""
    for name in sorted(set(PAGES) - set(WEIGHTS)):  # when this test runs on its own
        _, seen = open_page(page_url(site_url, name), site_url)
        weigh(name, seen, built_site)
    ARTIFACTS.mkdir(exist_ok=True)  # for scripts/measure.py
    (ARTIFACTS / "page-weight.json").write_text(json.dumps(
        {name: WEIGHTS[name] for name in sorted(PAGES)}, indent=1))
    rows = [f"{name:28} {WEIGHTS[name]['transferred'] / 1000:9.1f} kB "
            f"{WEIGHTS[name]['size'] / 1000:9.1f} kB" for name in sorted(PAGES)]
    heaviest = max(PAGES, key=lambda name: WEIGHTS[name]["transferred"])
    summary = ("Page weight, first load with an empty cache:\n"
               f"{'page':28} {'transfer':>12} {'size':>12}\n" + "\n".join(rows)
               + f"\nheaviest: {heaviest} "
               f"({WEIGHTS[heaviest]['transferred'] / 1e6:.2f} MB transferred)")
    # For the terminal summary (conftest.py); record_property would warn under --junitxml.
    request.node.user_properties.append(("summary", summary))
    assert WEIGHTS[heaviest]["transferred"] < WEIGHT_LIMIT, f"{heaviest} is too heavy"
    too_large = {name for name in PAGES if WEIGHTS[name]["size"] > SIZE_LIMIT}
    assert not too_large, f"over {SIZE_LIMIT:,} bytes uncompressed: {too_large}"



def test_the_katex_stylesheet_keeps_under_half_of_katexs(built_site):
    """What test_page_in_browser checks against (katex_problems) is worth having."""
    kept = (built_site / "assets" / "katex" / "katex.min.css").stat().st_size
    assert kept < len(whole_katex_stylesheet()) / 2
    assert 'class="katex"' in (built_site / "backpropagation" / "index.html").read_text()


def test_every_page_is_checked(built_site: Path):
    """The list of pages above comes from docs/; make sure the site has no others."""
    built = sorted(str(p.parent.relative_to(built_site))
                   for p in built_site.rglob("index.html"))
    expected = sorted("." if p == "index" else p for p in PAGES)
    assert [b for b in built if not b.startswith(("assets", "search"))] == expected


def index_requested(seen) -> bool:
    return any(url.endswith("/search/search_index.json") for url in seen.urls)


def worker_started(seen) -> bool:
    return any("/assets/javascripts/workers/search." in url for url in seen.urls)


@pytest.mark.parametrize("how", ["click", "key"])
def test_search_finds_a_page(how, site_url, open_page):
    """The index and the search worker load when the reader reaches for search, not on load."""
    page, seen = open_page(site_url, site_url)
    assert not index_requested(seen), "the search index loaded with the page"
    assert not worker_started(seen), "the search worker started with the page"
    if how == "click":
        page.click("input.md-search__input")
    else:
        page.locator("body").press("s")  # Material's shortcut: focuses the search field
    page.wait_for_function("document.activeElement?.matches('.md-search__input')")
    page.keyboard.type("sigmoid")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0 and index_requested(seen) and worker_started(seen)
    assert not seen.problems()


def test_a_page_opened_from_a_result_highlights_the_terms(site_url, open_page):
    """Material marks the searched words (search.highlight), which needs the index at once."""
    page, seen = open_page(page_url(site_url, "theory") + "?h=sigmoid", site_url)
    page.locator("article mark").first.wait_for(state="attached", timeout=10_000)
    assert index_requested(seen) and not seen.problems()


def test_404_page_works_at_any_depth(site_url, open_page):
    page, seen = open_page(site_url + "no/such/deeply/nested/page/", site_url)
    # The page itself is a 404 (the browser logs that too); nothing else may fail.
    assert seen.http_errors == [f"404 {site_url}no/such/deeply/nested/page/"]
    seen.http_errors.clear()
    seen.console_errors.remove("Failed to load resource: the server responded with a status "
                               "of 404 (Not Found)")
    assert "404" in page.locator("article").inner_text()
    stylesheets = page.evaluate("document.styleSheets.length")
    assert stylesheets > 0 and not seen.problems(), seen.problems()
