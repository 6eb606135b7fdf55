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
    assert out.strip() == f"{ns['summary']}\n{ns['per_digit']}"
    assert ns["summary"].startswith(f"test accuracy: {ns['accuracy']:.1%}")


def test_numbers_agree(run):
    ns, _ = run
    counts = ns["counts"]
    assert counts.sum() == ns["n_test"]
    assert ns["n_test"] - np.trace(counts) == ns["n_wrong"]
    assert ns["accuracy"] == pytest.approx(np.trace(counts) / ns["n_test"])
    assert counts[ns["top_true"], ns["top_predicted"]] == ns["top_count"] >= ns["second_count"]
    assert ns["top_true"] != ns["top_predicted"]


def test_two_labelled_figures(run):
    figures = {plt.figure(number).get_label(): plt.figure(number) for number in plt.get_fignums()}
    assert set(figures) == {"confusion", "mistakes"}
    confusion_axes = figures["confusion"].axes[0]
    assert len(confusion_axes.texts) == 100  # a count in every cell
    shown = [ax for ax in figures["mistakes"].axes if ax.images]
    assert 0 < len(shown) <= 24
    for ax in shown:
        true, said = ax.get_title().split("\n")[0].removeprefix("true ").split(", said ")
        assert true != said
