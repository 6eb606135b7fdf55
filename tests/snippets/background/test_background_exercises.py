"""Tests for background_exercises.py: the Background page's exercise answers."""

import pytest

from support import run_snippet


@pytest.fixture(scope="module")
def run():
    return run_snippet("background_exercises")


def test_counting_images(run):
    ns, _ = run
    assert ns["digits_in_count"] == len(str(256 ** 784))
    assert ns["exponent"] == pytest.approx(1888.06, abs=0.01)


def test_rule_and_examples_on_two_pairs(run):
    ns, out = run
    assert [r["digits"] for r in ns["results"]] == [[1, 0], [5, 3]]
    for result in ns["results"]:
        assert 0 <= result["rule"] <= 1 and 0 <= result["examples"] <= 1
    assert out.splitlines()[0].startswith("1 or 0: the ink rule is right ")
    assert 0.5 <= ns["commoner_share"] < 1
    light, heavy = ns["median_ink_list"][1], ns["median_ink_list"][0]
    assert light < 100 < heavy  # the threshold lies between a typical 1 and a typical 0
