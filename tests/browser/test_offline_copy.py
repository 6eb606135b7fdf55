"""The offline copy: unzip it and use it from disk (file://) with no network at all."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from checks import PAGES, page_problems, page_url, start_presenting
from support import ROOT


@pytest.fixture(scope="module")
def offline_root(built_site, tmp_path_factory) -> str:
    """Build the zip with the README's command, unzip it, return the site's file:// URL.

    Its build shares the snippet cache, so it waits for the site's.
    """
    folder = tmp_path_factory.mktemp("offline")
    archive = folder / "workshop-site.zip"
    built = subprocess.run([sys.executable, "scripts/offline_copy.py", "--out", str(archive)],
                           cwd=ROOT, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    return (folder / "workshop-site").as_uri() + "/"


@pytest.mark.parametrize("page_name", PAGES)
def test_offline_page(page_name, offline_root, open_page):
    page, seen = open_page(page_url(offline_root, page_name, directory_urls=False), offline_root)
    problems = page_problems(page, seen, offline_root)
    assert not problems, "\n".join(problems)


def test_offline_navigation_and_search(offline_root, open_page):
    page, seen = open_page(offline_root + "index.html", offline_root)
    page.locator("nav.md-nav--primary a.md-nav__link", has_text="Theory").first.click()
    page.wait_for_load_state("load")
    assert page.url == offline_root + "theory.html"
    page.click("input.md-search__input")
    page.keyboard.type("sigmoid")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    assert not seen.problems(), seen.problems()


def test_offline_zip_is_written_atomically(tmp_path):
    """A bad --out leaves nothing behind and says what is wrong."""
    out = tmp_path / "copy.tar"
    run = subprocess.run([sys.executable, "scripts/offline_copy.py", "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode != 0 and "must end in .zip" in run.stderr
    assert list(Path(tmp_path).iterdir()) == []


def test_offline_presenter_console_follows(offline_root, open_page):
    """Over file:// the console and the slides still move together (BroadcastChannel)."""
    page, seen = open_page(offline_root + "learning-rate.html", offline_root, (1280, 720))
    start_presenting(page)
    slide = "Number(document.documentElement.dataset.nnSlide)"
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    console = opened.value
    console.wait_for_function(f"{slide} === 0")
    console.keyboard.press("ArrowRight")
    page.wait_for_function(f"{slide} === 1")
    page.keyboard.press("ArrowRight")
    console.wait_for_function(f"{slide} === 2")
    assert not seen.problems(), seen.problems()
