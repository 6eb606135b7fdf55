"""Tests for plot_evaluation.py: the printed summary and its two figures."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from practice_support import use_small_mnist
from support import run_snippet


@pytest.fixture(scope="module")
def run():
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_small_mnist(monkeypatch)
        yield run_snippet("plot_evaluation")


def test_prints_summary_and_table(run):
    ns, out = run
    *_, surest, sure = out.strip().splitlines()
    assert out.strip() == f"{ns['summary']}\n{ns['per_digit']}\n{surest}\n{sure}"
    confidences = ns["surest_confidences"]
    assert surest == (f"its {len(confidences)} surest mistakes: {confidences.min():.1%} to "
                      f"{confidences.max():.1%} sure")
    assert ns["summary"].startswith(f"test accuracy: {ns['accuracy']:.1%}")


def test_numbers_agree(run):
    ns, _ = run
    counts = ns["counts"]
    assert counts.sum() == ns["n_test"]
    assert ns["n_test"] - np.trace(counts) == ns["n_wrong"]
    assert ns["accuracy"] == pytest.approx(np.trace(counts) / ns["n_test"])
    assert counts[ns["top_true"], ns["top_predicted"]] == ns["top_count"] >= ns["second_count"]
    assert ns["top_true"] != ns["top_predicted"]


def test_the_sure_answers_are_counted_against_an_independent_count(run):
    ns, _ = run
    probabilities, labels = ns["probabilities"], ns["data"][3]
    sure = [(row.max(), row.argmax() == label) for row, label in zip(probabilities, labels,
                                                                     strict=True)
            if row.max() > ns["SURE"]]
    assert ns["n_sure"] == len(sure) > 0
    assert ns["sure_mean"] == pytest.approx(np.mean([chance for chance, _ in sure]))
    assert ns["sure_right"] == pytest.approx(np.mean([right for _, right in sure]))
    assert ns["sure_wrong_ratio"] == pytest.approx((1 - ns["sure_right"]) / (1 - ns["sure_mean"]))


def test_two_labelled_figures(run):
    ns, _ = run
    figures = {plt.figure(number).get_label(): plt.figure(number) for number in plt.get_fignums()}
    assert set(figures) == {"confusion", "mistakes"}
    confusion_axes = figures["confusion"].axes[0]
    assert len(confusion_axes.texts) == 100  # a count in every cell
    shown = [ax for ax in figures["mistakes"].axes if ax.images]
    assert 0 < len(shown) == len(ns["surest_mistakes"]) <= ns["ROWS"] * ns["COLUMNS"]
    for ax in shown:
        true, said = ax.get_title().split("\n")[0].removeprefix("true ").split(", said ")
        assert true != said
