"""Placeholders reach into a snippet's data; a false claim on a page stops the build."""

from __future__ import annotations

import pytest

from sitegen.placeholders import (
    ClaimError,
    PlaceholderError,
    claims,
    fill,
    referenced_snippets,
)
from sitegen.snippet_cache import SnippetResult

RUNS = [{"name": "workshop", "accuracy": 0.83}, {"name": "wide", "accuracy": 0.95}]
RESULTS = {"demo": SnippetResult("demo", "printed\n",
                                 {"runs": RUNS, "best": RUNS[1], "n": 5000,
                                  "per_class": {"T-shirt/top": 0.8}})}


@pytest.mark.parametrize(("text", "expected"), [
    ("{{ demo.n:, }}", "5,000"),
    ("{{ demo.best.name }}", "wide"),
    ("{{ demo.runs[0].accuracy:.1% }}", "83.0%"),
    ("{{ demo.runs[-1].name }}", "wide"),
    ('{{ demo.per_class["T-shirt/top"]:.0% }}', "80%"),
    ("{{ demo.stdout }}", "printed"),
])
def test_values_are_reached_by_path(text, expected):
    assert fill(text, RESULTS, "page.md") == expected


def test_a_path_that_leads_nowhere_names_page_and_step():
    with pytest.raises(PlaceholderError, match=r"page\.md.*'\.speed'"):
        fill("{{ demo.best.speed }}", RESULTS, "page.md")


def test_a_true_claim_renders_as_nothing():
    text = ("The last row is the best."
            "{{ check demo: runs[-1].accuracy == max(r.accuracy for r in runs) }}")
    assert fill(text, RESULTS, "page.md") == "The last row is the best."


def test_a_false_claim_names_page_sentence_and_values():
    text = "Intro. The first row is the best.{{ check demo: runs[0] == best }} More."
    with pytest.raises(ClaimError) as failure:
        fill(text, RESULTS, "page.md")
    message = str(failure.value)
    assert message.startswith('page.md: the sentence "The first row is the best." is not true')
    assert "runs[0] == best" in message and "'accuracy': 0.83" in message


def test_claims_are_listed_with_their_sentences():
    text = "A. Nearly certain: {{ demo.n }} of them.{{ check demo: n > 1000 }}\n\nB."
    (claim,) = claims(text, "page.md")
    assert (claim.sentence, claim.snippet, claim.expression) == (
        "Nearly certain: … of them.", "demo", "n > 1000")


def test_a_claim_sees_the_values_inside_comprehensions():
    text = "Both beat the first.{{ check demo: all(r.accuracy >= runs[0].accuracy for r in runs) }}"
    assert fill(text, RESULTS, "page.md") == "Both beat the first."


def test_a_claim_compares_with_another_snippets_values():
    results = {**RESULTS, "table": SnippetResult("table", "", {"n": 5000, "total": 7})}
    text = "As in the table.{{ check demo: n == table.n and best.accuracy > table.total / 10 }}"
    assert fill(text, results, "page.md") == "As in the table."
    with pytest.raises(ClaimError, match=r"demo's n = 5000; snippet table's values = "
                                         r"\{'n': 5000, 'total': 7\}"):
        fill("Seven.{{ check demo: n == table.total }}", results, "page.md")
    with pytest.raises(PlaceholderError, match=r"cannot be evaluated.*nowhere"):
        fill("Unknown.{{ check demo: n == nowhere.n }}", results, "page.md")


def test_a_snippet_only_a_claim_reads_is_run_too():
    text = "Same.{{ check demo: n == table.n and all(r.n for r in runs) }} {{ demo.n }}"
    assert referenced_snippets(text, known={"demo", "table", "other"}) == {"demo", "table"}
    assert referenced_snippets(text) == {"demo"}


def test_a_claim_on_a_line_of_its_own_leaves_its_paragraph_whole():
    text = "It is big.\n{{ check demo: n > 1 }}\nSo it goes on.\n  {{ check demo: n }}\n\nNext."
    assert fill(text, RESULTS, "page.md") == "It is big.\nSo it goes on.\n\nNext."


def test_each_claim_names_only_its_own_sentence():
    text = ("Intro.\n\n- A list item. First claim.{{ check demo: n > 1 }}"
            " Second claim.{{ check demo: n > 2 }}\n- Next item: third claim.{{ check demo: n }}")
    assert [claim.sentence for claim in claims(text, "page.md")] == [
        "First claim.", "Second claim.", "Next item: third claim."]


def test_a_claim_may_not_call_what_it_likes():
    with pytest.raises(PlaceholderError, match="cannot be evaluated"):
        fill("Fine.{{ check demo: __import__('os') }}", RESULTS, "page.md")


def test_a_claim_with_braces_inside_is_refused_not_skipped():
    """A set literal ends CHECK's expression early: the claim must fail loudly, not vanish."""
    with pytest.raises(PlaceholderError, match=r"page\.md: malformed placeholder"):
        fill("Pairs.{{ check demo: {1, 2} <= {1, 2, 3} }}", RESULTS, "page.md")
