"""Tests for plot_loss_curves.py: one run of the comparison, its table and loss curves."""

import matplotlib.pyplot as plt
import pytest

from compare_models import CHANGES
from practice_support import use_small_mnist
from support import run_snippet


@pytest.fixture(scope="module")
def run():
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_small_mnist(monkeypatch)
        yield run_snippet("plot_loss_curves")


def test_prints_the_table(run):
    ns, out = run
    assert out.strip() == ns["table"]
    assert len(ns["table"].splitlines()) == 2 + len(CHANGES)


def test_one_loss_curve_per_run(run):
    ns, _ = run
    assert len(plt.get_fignums()) == 1 and not plt.gcf().get_label()
    (ax,) = plt.gcf().axes
    assert ax.get_yscale() == "log"
    assert len(ax.lines) == len(ns["runs"])
    for line, result in zip(ax.lines, ns["runs"], strict=True):
        assert list(line.get_ydata()) == list(result.model.loss_curve_)
        assert result.name in line.get_label()
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == [line.get_label() for line in ax.lines]


def test_quoted_numbers_match_the_runs(run):
    ns, _ = run
    runs = ns["runs"]
    best = max(runs, key=lambda result: result.accuracy)
    assert (ns["best_name"], ns["best_accuracy"]) == (best.name, best.accuracy)
    assert runs[ns["best_step"] - 1] is best
    assert ns["workshop_accuracy"] == runs[0].accuracy and ns["wide_accuracy"] == runs[-1].accuracy
    assert ns["early_epochs"] == runs[4].epochs and ns["relu_seconds"] == runs[3].seconds
    assert ns["total_seconds"] == pytest.approx(sum(result.seconds for result in runs))
