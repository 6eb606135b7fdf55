"""Read the tables and headings of a built page as plain text, with math as its TeX."""

from __future__ import annotations

from html.parser import HTMLParser


class PageReader(HTMLParser):
    """Collects, in document order, ("heading", text) and ("table", rows) items.

    KaTeX output holds each formula twice (MathML and HTML); only the TeX in
    its <annotation> is kept, so `$w$` in a header cell reads as "w".
    """

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, object]] = []
        self.katex_depth = 0  # > 0 inside KaTeX output
        self.in_annotation = False  # inside KaTeX's <annotation>, which holds the TeX
        self.text: list[str] | None = None
        self.rows: list[list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "annotation":
            self.in_annotation = True
        elif self.katex_depth or (tag == "span" and dict(attrs).get("class") == "katex"):
            self.katex_depth += 1
        elif tag in {"h2", "h3", "th", "td"}:
            self.text = []
        elif tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])

    def handle_endtag(self, tag):
        if tag == "annotation":
            self.in_annotation = False
        elif self.katex_depth:
            self.katex_depth -= 1
        elif tag in {"h2", "h3"} and self.text is not None:
            self.items.append(("heading", "".join(self.text).replace("¶", "").strip()))
            self.text = None
        elif tag in {"th", "td"} and self.rows is not None and self.text is not None:
            self.rows[-1].append("".join(self.text).strip())
            self.text = None
        elif tag == "table" and self.rows is not None:
            self.items.append(("table", self.rows))
            self.rows = None

    def handle_data(self, data):
        if self.text is not None and (self.in_annotation or not self.katex_depth):
            self.text.append(data)


def read_page(html: str) -> list[tuple[str, object]]:
    reader = PageReader()
    reader.feed(html)
    return reader.items
