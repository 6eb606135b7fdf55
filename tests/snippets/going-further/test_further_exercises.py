"""Tests for further_exercises.py: the Going further page's exercise answers."""

import pytest

from support import run_snippet


@pytest.fixture(scope="module")
def run():
    return run_snippet("further_exercises")


def test_sigmoid_slopes_by_hand(run):
    ns, _ = run
    assert ns["slopes"][0] == 0.25
    assert ns["slopes"] == sorted(ns["slopes"], reverse=True)
    assert ns["shrink"] == pytest.approx(ns["slopes"][0] * ns["slopes"][1] * ns["slopes"][2])


def test_runs_differ_only_in_activation_and_rate(run):
    ns, out = run
    assert [(r["activation"], r["learning_rate"]) for r in ns["runs"]] == [
        ("relu", 0.1), ("sigmoid", 0.1), ("sigmoid", 0.5), ("sigmoid", 1.0)]
    assert len(out.splitlines()) == 4 and all("test accuracy" in line for line in out.splitlines())
    assert ns["best_sigmoid"] in ns["sigmoid_runs"]


def test_a_dead_relu_neuron_stays_dead(run):
    ns, _ = run
    assert ns["dead_largest_z"] < 0
    assert ns["dead_unchanged"]
