"""Find and fill the references a page makes to snippet results.

- `{{ name.stdout }}`: what `snippets/name.py` printed;
- `{{ name.value }}` or `{{ name.value:.4f }}`: a top-level value of that
  snippet, formatted with the optional format spec;
- `figures/name.svg` or `figures/name-label.svg`: a figure it drew.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .snippet_cache import SnippetResult

VALUE = re.compile(r"\{\{\s*(?P<name>[A-Za-z_]\w*)\.(?P<key>[A-Za-z_]\w*)"
                   r"(?::(?P<spec>[^}\s]+))?\s*\}\}")
FIGURE = re.compile(r"figures/(?P<name>[A-Za-z_]\w*)(?:-[\w-]+)?\.svg")
# Anything that looks like a placeholder but is not one is an authoring error.
LOOSE = re.compile(r"\{\{[^}]*\}\}")


class PlaceholderError(Exception):
    """A page refers to a snippet value that does not exist or cannot be formatted."""


def referenced_snippets(markdown: str) -> set[str]:
    """Names of the snippets a page needs run, from its values and figures."""
    names = {match["name"] for match in VALUE.finditer(markdown)}
    return names | {match["name"] for match in FIGURE.finditer(markdown)}


def fill(markdown: str, results: Mapping[str, SnippetResult], page: str) -> str:
    """Replace every `{{ name.value }}` with the snippet's value or output."""
    def replace(match: re.Match) -> str:
        result = results.get(match["name"])
        if result is None:
            raise PlaceholderError(f"{page}: no results for snippet '{match['name']}'")
        if match["key"] == "stdout":
            return result.stdout.rstrip("\n")
        if match["key"] not in result.values:
            raise PlaceholderError(
                f"{page}: snippets/{match['name']}.py has no top-level value "
                f"'{match['key']}' (it has: {', '.join(sorted(result.values))})")
        try:
            return format(result.values[match["key"]], match["spec"] or "")
        except ValueError as exc:
            raise PlaceholderError(f"{page}: {match[0]}: {exc}") from exc

    filled = VALUE.sub(replace, markdown)
    leftover = LOOSE.search(filled)
    if leftover:
        raise PlaceholderError(f"{page}: malformed placeholder {leftover[0]!r}")
    return filled
