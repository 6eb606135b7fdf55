"""Typeset TeX with KaTeX at build time, so pages need no math JavaScript.

pymdownx.arithmatex (generic mode) leaves `<span class="arithmatex">\\(...\\)</span>`
and `<div class="arithmatex">\\[...\\]</div>` in the HTML. `typeset_pages`
renders every formula of every page in one `node` call (starting node is the
slow part) and puts KaTeX's HTML inside those wrappers. KaTeX comes from
`node_modules`, installed by `npm ci`.

KaTeX writes each formula three times: as MathML (what screen readers read),
as its TeX source (an annotation inside the MathML) and as the HTML that is
drawn. Material's search would index all three, so the MathML carries
`data-search-exclude` and search shows the formula as drawn. (Not the other
way round: Material's search parser stops skipping at the first nested
`</span>`, and the drawn HTML is all nested spans.)
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

from .search_scope import unindexed
from .whole_files import replace_whole

RENDER_SCRIPT = Path(__file__).with_name("render_math.js")
FORMULA = re.compile(r'(?P<open><span class="arithmatex">)\\\((?P<inline>.*?)\\\)(?=</span>)'
                     r'|(?P<open_block><div class="arithmatex">)\\\[(?P<block>.*?)\\\](?=</div>)',
                     re.S)


MATHML_OPENING = '<span class="katex-mathml">'
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
# A minified stylesheet's top-level rules: KaTeX's has no nested blocks (@media and the like).
CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
CSS_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
NEGATION = re.compile(r":not\([^(),]*\)")  # :not(.a): .a need not be on the page
# What a plain reading of selectors cannot judge: :is(.a, .b), :not(.a, .b), [href$=".x"], \:
UNREADABLE = re.compile(r"[(\[\\]")


class MathError(Exception):
    """A formula KaTeX cannot typeset, or KaTeX is not installed."""


def katex_dist(project_root: Path) -> Path:
    """The folder with KaTeX's CSS and fonts; fails clearly if npm ci was not run."""
    dist = project_root / "node_modules" / "katex" / "dist"
    if not (dist / "katex.min.css").is_file():
        raise MathError(f"KaTeX is not installed in {dist.parent}: run 'npm ci' in {project_root}")
    return dist


def woff2_only_stylesheet(dist: Path) -> str:
    """KaTeX's stylesheet with each font's fallbacks (.woff, .ttf) dropped.

    Every browser that runs the site reads woff2, the only fonts the site ships;
    the fallback `url()`s would be references to files that do not exist.
    """
    css = (dist / "katex.min.css").read_text()
    trimmed = re.sub(r',url\(fonts/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
    leftover = re.findall(r"url\(fonts/[\w-]+\.(?!woff2\))\w+\)", trimmed)
    if leftover:
        raise MathError(f"{dist / 'katex.min.css'}: unexpected font references {leftover[:3]}")
    return trimmed


def rules_in_use(css: str, pages: Iterable[str]) -> str:
    """KaTeX's stylesheet with only the rules that can match an element of `pages`.

    KaTeX's HTML is static, so the classes on the typeset pages are all its rules
    can select. A selector is kept when every class it names (outside a simple
    `:not()`) is on some page. @font-face rules are kept (browsers fetch only
    the fonts in use), and so is every rule whose selectors are more than a
    plain list (UNREADABLE). tests/browser/test_pages.py checks, in the browser,
    that no rule left out matches an element of a page with math.
    """
    rules = CSS_RULE.findall(css)
    if "".join(f"{selectors}{{{body}}}" for selectors, body in rules) != css.strip():
        raise MathError("KaTeX's stylesheet has nested or stray blocks; "
                        "typeset.rules_in_use reads only a flat list of rules")
    used = {name for page in pages for value in CLASS_ATTRIBUTE.findall(page)
            for name in value.split()}
    kept = [(selectors_in_use(selectors, used), body) for selectors, body in rules]
    return "".join(f"{selectors}{{{body}}}" for selectors, body in kept if selectors) + "\n"


def selectors_in_use(selectors: str, used: set[str]) -> str:
    """Those of a rule's comma-separated `selectors` that name only `used` classes ("" if
    none); all of them for @font-face and for selectors this reading cannot judge."""
    if selectors.startswith("@") or UNREADABLE.search(NEGATION.sub("", selectors)):
        return selectors
    return ",".join(selector for selector in selectors.split(",")
                    if set(CSS_CLASS.findall(NEGATION.sub("", selector))) <= used)


def formulas_in(page_html: str) -> list[tuple[str, bool]]:
    """`(tex, display)` for each formula, TeX unescaped from HTML."""
    return [(html.unescape(m["block"] if m["open_block"] else m["inline"]), bool(m["open_block"]))
            for m in FORMULA.finditer(page_html)]


def render(formulas: list[tuple[str, bool]], project_root: Path,
           cache: Path | None = None) -> list[dict]:
    """KaTeX's answer for each formula: `{"html": ...}` or `{"error": ...}`.

    With a `cache` folder, answers are kept under a hash of the formulas, the
    render script and KaTeX's version, so a rebuild with the same math starts
    no `node`.
    """
    dist = katex_dist(project_root)
    key = hashlib.sha256("\0".join([
        json.dumps(formulas), RENDER_SCRIPT.read_text(),
        json.loads((dist.parent / "package.json").read_text())["version"],
    ]).encode()).hexdigest()[:20]
    kept = cache / f"{key}.json" if cache else None
    if kept and kept.is_file():
        return json.loads(kept.read_text())
    request = json.dumps({"root": str(project_root), "formulas": formulas})
    completed = subprocess.run(["node", str(RENDER_SCRIPT)], input=request,
                               capture_output=True, text=True)
    if completed.returncode:
        raise MathError(f"node {RENDER_SCRIPT.name} failed:\n{completed.stderr}")
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        for stale in kept.parent.glob("*.json"):
            stale.unlink()
        replace_whole(kept, lambda scratch: scratch.write_text(completed.stdout))
    return json.loads(completed.stdout)


def typeset_pages(pages: Mapping[str, str], project_root: Path,
                  cache: Path | None = None) -> dict[str, str]:
    """Each page's HTML with its formulas typeset; a bad formula raises naming the page."""
    found = {name: formulas_in(text) for name, text in pages.items()}
    flat = [formula for formulas in found.values() for formula in formulas]
    answers = iter(render(flat, project_root, cache) if flat else [])
    typeset = {}
    for name, text in pages.items():
        page_answers = [next(answers) for _ in found[name]]
        for (tex, _), answer in zip(found[name], page_answers, strict=True):
            if "error" in answer:
                raise MathError(f"{name}: cannot typeset ${tex}$: {answer['error']}")
        typeset[name] = insert_rendered(text, [hidden_from_search(answer["html"])
                                               for answer in page_answers])
    return typeset


def hidden_from_search(rendered: str) -> str:
    """KaTeX's HTML with its MathML copy (and TeX source) marked for search to skip."""
    return unindexed(rendered, MATHML_OPENING)


def insert_rendered(page_html: str, rendered: list[str]) -> str:
    """Put each rendered formula inside its arithmatex wrapper, in order."""
    pieces = iter(rendered)
    return FORMULA.sub(lambda m: (m["open"] or m["open_block"]) + next(pieces), page_html)
