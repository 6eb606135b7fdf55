"""Find and fill the references a page makes to snippet results, and check its claims.

- `{{ name.stdout }}`: what snippet `name` printed;
- `{{ name.path }}` or `{{ name.path:.4f }}`: one of its top-level values,
  formatted with the optional format spec. The path reaches into the plain
  data a snippet leaves behind (dicts, lists, dataclasses):
  `{{ plot_loss_curves.best.accuracy:.1% }}`, `{{ fashion.accuracies[0] }}`,
  `{{ site_benchmark_recorded.classes["Shirt"]:.1% }}`;
- `{{ check name: expression }}`: a claim. The sentence just before it on the
  page says something about a result ("the last row is the most accurate");
  the expression states it in Python over the snippet's values
  (`runs[-1].accuracy == max(run.accuracy for run in runs)`); a name that is
  none of its values but another snippet's name stands for that snippet's
  values, to compare two results (`total == other_snippet.total`; the
  snippet's own values come first). It renders
  as nothing; when the expression is false the build fails, naming the page,
  the sentence and the values the expression used;
- `figures/name.svg` or `figures/name-label.svg`: a figure it drew
  (`figures/name-label.webp` for a figure of photos or pixels,
  `figures/name-label@2x.webp` at twice the resolution).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass

from .snippet_cache import SnippetResult

PATH = r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[-?\d+\]|\[\"[^\"\]]*\"\])*"
VALUE = re.compile(r"\{\{\s*(?P<name>[A-Za-z_]\w*)\.(?P<path>" + PATH + r")"
                   r"(?::(?P<spec>[^}\s]+))?\s*\}\}")
CHECK = re.compile(r"\{\{\s*check\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<expression>[^}]+?)\s*\}\}")
# A check on a line of its own goes with its line: the paragraph around it stays one.
CHECK_LINE = re.compile(r"^[ \t]*" + CHECK.pattern + r"[ \t]*\n", re.MULTILINE)
FIGURE = re.compile(r"figures/(?P<name>[A-Za-z_]\w*)(?:-[\w-]+)?(?:@2x)?\.(?:svg|webp)")
STEP = re.compile(r"\.(?P<attribute>\w+)|\[(?P<index>-?\d+)\]|\[\"(?P<key>[^\"\]]*)\"\]")
# Anything that looks like a placeholder but is not one is an authoring error.
LOOSE = re.compile(r"\{\{.*?\}\}", re.S)  # a check with braces inside, too
# What a claim's expression may call: enough to compare and summarise results.
SAFE_BUILTINS = {f.__name__: f for f in (abs, all, any, enumerate, len, list, max, min, range,
                                         round, set, sorted, sum, zip)}


class PlaceholderError(Exception):
    """A page refers to a snippet value that does not exist or cannot be formatted."""


class ClaimError(PlaceholderError):
    """A sentence on a page says something about a result that the result does not bear out."""


class Record(dict):
    """A snippet's dict (or dataclass) with its keys also readable as attributes."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Claim:
    """One checked sentence: where it is, what it says and the condition behind it."""

    page: str
    sentence: str
    snippet: str
    expression: str


def referenced_snippets(markdown: str, known: Container[str] = ()) -> set[str]:
    """Names of the snippets a page needs run, from its values, claims and figures,
    and those of the `known` snippets that a claim's expression reads."""
    named = {match["name"] for pattern in (VALUE, CHECK, FIGURE)
             for match in pattern.finditer(markdown)}
    read = {name for match in CHECK.finditer(markdown)
            for name in names_in(match["expression"]) if name in known}
    return named | read


def names_in(expression: str) -> set[str]:
    """The names a claim's expression reads."""
    return {node.id for node in ast.walk(ast.parse(expression, mode="eval"))
            if isinstance(node, ast.Name)}


def records(value):
    """`value` with every dict in it a Record, so claims can write `run.accuracy`."""
    if isinstance(value, dict):
        return Record({key: records(item) for key, item in value.items()})
    if isinstance(value, list):
        return [records(item) for item in value]
    return value


def lookup(result: SnippetResult, path: str, page: str):
    """The value at `path` (`name.attribute[0]["key"]`) in a snippet's values."""
    first = re.match(r"\w+", path)[0]
    rest = path.removeprefix(first)
    if first not in result.values:
        raise PlaceholderError(f"{page}: snippet '{result.name}' has no top-level value "
                               f"'{first}' (it has: {', '.join(sorted(result.values))})")
    value = result.values[first]
    for step in STEP.finditer(rest):
        try:
            value = (value[step["attribute"]] if step["attribute"] is not None
                     else value[int(step["index"])] if step["index"] is not None
                     else value[step["key"]])
        except (KeyError, IndexError, TypeError) as exc:
            raise PlaceholderError(f"{page}: '{result.name}.{path}': no {step[0]!r} "
                                   f"in {str(value)[:200]}") from exc
    return value


def claims(markdown: str, page: str) -> list[Claim]:
    """Every checked sentence of a page, in order."""
    return [Claim(page, sentence_before(markdown, match.start()), match["name"],
                  match["expression"]) for match in CHECK.finditer(markdown)]


def sentence_before(markdown: str, end: int) -> str:
    """The sentence that ends where a check marker starts (within its paragraph or list item)."""
    paragraph = re.split(r"\n\s*\n|\n\s*(?:[-*]|\d+\.)\s", markdown[:end])[-1]
    paragraph = LOOSE.sub("…", CHECK.sub("", paragraph))
    sentences = re.split(r"(?<=[.!?:])\s+(?=[A-Z*`$(])", " ".join(paragraph.split()))
    return sentences[-1]


def check(claim: Claim, results: Mapping[str, SnippetResult]) -> None:
    """Evaluate a claim over its snippet's values; raise ClaimError when it is false."""
    result = snippet(results, claim.snippet, claim.page)
    names = names_in(claim.expression)
    own = {name: records(result.values[name]) for name in names if name in result.values}
    others = {name: records(results[name].values) for name in names - own.keys()
              if name in results}  # another snippet's values, as `other.value`
    try:
        # The values are globals, so that comprehensions in the expression can see them too.
        holds = eval(claim.expression, {"__builtins__": SAFE_BUILTINS, **own, **others})
    except Exception as exc:
        raise PlaceholderError(f"{claim.page}: the check `{claim.expression}` of the sentence "
                               f"\"{claim.sentence}\" cannot be evaluated: {exc!r}") from exc
    if not holds:
        shown = "; ".join([f"{claim.snippet}'s {name} = {str(value)[:300]}"
                           for name, value in sorted(own.items())]
                          + [f"snippet {name}'s values = {str(value)[:300]}"
                             for name, value in sorted(others.items())])
        raise ClaimError(f"{claim.page}: the sentence \"{claim.sentence}\" is not true of the "
                         f"results: `{claim.expression}` is false for {shown}")


def snippet(results: Mapping[str, SnippetResult], name: str, page: str) -> SnippetResult:
    if name not in results:
        raise PlaceholderError(f"{page}: no results for snippet '{name}'")
    return results[name]


def fill(markdown: str, results: Mapping[str, SnippetResult], page: str) -> str:
    """Check every claim, then replace every `{{ name.path }}` with its value or output."""
    for claim in claims(markdown, page):
        check(claim, results)

    def replace(match: re.Match) -> str:
        result = snippet(results, match["name"], page)
        if match["path"] == "stdout":
            return result.stdout.rstrip("\n")
        value = lookup(result, match["path"], page)
        try:
            return format(value, match["spec"] or "")
        except (ValueError, TypeError) as exc:
            raise PlaceholderError(f"{page}: {match[0]}: {exc}") from exc

    filled = VALUE.sub(replace, CHECK.sub("", CHECK_LINE.sub("", markdown)))
    leftover = LOOSE.search(filled)
    if leftover:
        raise PlaceholderError(f"{page}: malformed placeholder {leftover[0]!r}")
    return filled
