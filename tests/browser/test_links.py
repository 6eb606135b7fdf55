"""No broken reference anywhere in the built site.

LinkChecker crawls the served site from the home page and follows links,
`src` attributes and CSS `url()` references: every page, image, script,
stylesheet and font they name must be there. External links are out of reach
here and are skipped. Anchors are checked by reading the built pages once:
every `#fragment` of an internal link must be the id of an element of the page
it points into (LinkChecker's own anchor plugin fetches a page again for
every anchor, which takes many minutes for this site).
"""

from __future__ import annotations

import csv
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from support import require

CONFIG = """\
[checking]
threads=10
maxrequestspersecond=1000
[filtering]
ignore=
  ^https?://(?!127\\.0\\.0\\.1[:/])
"""


def test_linkchecker_finds_no_broken_reference(site_url, tmp_path):
    linkchecker = Path(sys.executable).with_name("linkchecker")
    require(linkchecker.is_file(), "LinkChecker (pip install linkchecker)")
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG)
    run = subprocess.run([str(linkchecker), "--config", str(config), "--no-status",
                          "--no-warnings", "--no-robots", "-v", "-o", "csv", site_url],
                         capture_output=True, text=True, timeout=1200)
    rows = list(csv.DictReader(
        (line for line in run.stdout.splitlines() if not line.startswith("#")), delimiter=";"))
    broken = [f"{row['result']}: {row['urlname']} (in {row['parentname']})"
              for row in rows if row["valid"] == "False"]
    assert not broken, "\n".join(broken)
    assert sum(row["valid"] == "True" for row in rows) > 100, "the crawl found too little"
    assert run.returncode == 0, run.stderr


class Anchors(HTMLParser):
    """The ids a page defines and the hrefs it links to."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "a" and found.get("href"):
            self.hrefs.append(found["href"])


def page_file(site: Path, url: str) -> Path:
    path = site / unquote(urlparse(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() or not path.suffix else path


def test_every_anchor_exists(built_site):
    pages = {}
    for html_file in sorted(built_site.rglob("*.html")):
        parser = Anchors()
        parser.feed(html_file.read_text())
        pages[html_file] = parser
    missing = []
    for html_file, parser in pages.items():
        base = "/" + html_file.relative_to(built_site).as_posix()
        for href in parser.hrefs:
            url, fragment = urldefrag(urljoin(base, href))
            if not fragment or urlparse(href).scheme:
                continue
            target = page_file(built_site, url)
            if target in pages and unquote(fragment) not in pages[target].ids:
                missing.append(f"{base}: {href}")
    assert not missing, "\n".join(missing)
