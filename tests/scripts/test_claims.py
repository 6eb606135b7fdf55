"""Every sentence on a page that describes a result is guarded, and a false one stops the build.

A claim is a `{{ check snippet: expression }}` placed right after its sentence
(see `sitegen.placeholders`). The inventory test lists them all, page by page,
so a reviewer can read which sentences are guarded and by what; the build test
makes one real claim false and checks that `mkdocs build --strict` fails,
naming the page, the sentence and the values.
"""

from __future__ import annotations

import ast
import re

import pytest

from sitegen.placeholders import CHECK, Claim, claims
from sitegen.snippet_cache import find_snippets
from support import DOCS, SNIPPETS, build_project

# Pages whose prose describes results (learning curves, comparisons, mistakes):
# each must guard such sentences with claims.
PAGES_DESCRIBING_RESULTS = ("single-neuron.md", "learning-rate.md", "backprop-equations.md",
                            "backprop-at-work.md", "practice.md", "going-further.md")
# The claim made false on purpose: "Smaller steps never overshoot, ..."
BROKEN_PAGE, BROKEN_SENTENCE = "learning-rate.md", "Smaller steps never overshoot"


def every_claim() -> list[Claim]:
    return [claim for page in sorted(DOCS.glob("*.md"))
            for claim in claims(page.read_text(), page.name)]


def test_inventory_of_claims():
    inventory = every_claim()
    print("\n".join(f"{claim.page}: {claim.sentence} -> [{claim.snippet}] {claim.expression}"
                    for claim in inventory))
    pages = {claim.page for claim in inventory}
    assert set(PAGES_DESCRIBING_RESULTS) <= pages, "a page that describes results has no claims"
    assert len(inventory) >= 40


@pytest.mark.parametrize("claim", every_claim(), ids=lambda claim: claim.sentence[:60])
def test_claim_names_a_snippet_and_reads_its_values(claim):
    assert claim.snippet in find_snippets(SNIPPETS), f"{claim.page}: no snippet {claim.snippet}"
    names = {node.id for node in ast.walk(ast.parse(claim.expression, mode="eval"))
             if isinstance(node, ast.Name)}
    assert names, f"{claim.page}: `{claim.expression}` reads no value of {claim.snippet}"
    assert claim.sentence.strip(" …")


def test_a_claim_made_false_fails_the_build(project):
    page = project / "docs" / BROKEN_PAGE
    text = page.read_text()
    (claim,) = [match for match, listed in zip(CHECK.finditer(text), claims(text, BROKEN_PAGE),
                                               strict=True)
                if listed.sentence.startswith(BROKEN_SENTENCE)]
    negated = f"{{{{ check {claim['name']}: not ({claim['expression']}) }}}}"
    page.write_text(text[:claim.start()] + negated + text[claim.end():])
    result = build_project(project)
    assert result.returncode != 0
    message = re.search(r"learning-rate\.md: the sentence \"(.*?)\" is not true of the results: "
                        r"`(.*?)` is false for (\w+)'s (.*)", result.stderr)
    assert message, result.stderr[-2000:]
    sentence, expression, snippet, values = message.groups()
    assert sentence.startswith(BROKEN_SENTENCE) and snippet == claim["name"]
    assert expression == f"not ({claim['expression']})"
    assert "behaviour = [" in values and "'overshoots'" in values
