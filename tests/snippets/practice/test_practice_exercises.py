"""Tests for practice_exercises.py: the Practice page's exercise answers."""

import pytest

from practice_support import use_small_mnist
from support import run_snippet


@pytest.fixture(scope="module")
def run():
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_small_mnist(monkeypatch)
        yield run_snippet("practice_exercises")


def test_precision_and_recall_by_hand(run):
    ns, _ = run
    assert (ns["called_five"], ns["are_five"], ns["right_five"]) == (45, 50, 40)
    assert ns["hand_precision"] == pytest.approx(40 / 45)
    assert ns["hand_recall"] == pytest.approx(0.8)
    assert ns["function_agrees"]
    assert ns["hand_total"] == 150


def test_one_line_per_training_set_size(run):
    ns, out = run
    assert ns["name"] == "ReLU activation"
    lines = out.splitlines()
    assert len(lines) == len(ns["sizes"]) == len(ns["accuracies"])
    assert lines[0] == f"  250 training images: test accuracy {ns['accuracies'][0]:.1%}"
    assert len(ns["gains"]) == len(ns["sizes"]) - 1
