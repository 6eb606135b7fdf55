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


def test_prints_the_table_and_the_most_accurate_run(run):
    ns, out = run
    table, rest = out.strip().split("\n\n")
    best, wide = rest.splitlines()
    assert table == ns["table"]
    assert len(ns["table"].splitlines()) == 2 + len(CHANGES)
    step = ns["runs"].index(ns["best"]) + 1
    assert best == f"most accurate: step {step}, {ns['best'].name} ({ns['best'].accuracy:.1%})"
    assert wide == (f"the wide network on its own training images: "
                    f"{ns['wide_training_accuracy']:.1%}")


def test_the_wide_networks_training_accuracy_is_its_answers_on_the_training_images(run):
    ns, _ = run
    (images, labels, *_), wide = ns["data"], ns["runs"][-1]
    answers = wide.model.predict(images.astype("float32") / 255)
    assert ns["wide_training_accuracy"] == pytest.approx((answers == labels).mean())


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


def test_best_is_chosen_by_accuracy(run):
    ns, _ = run
    assert ns["best"].accuracy == max(result.accuracy for result in ns["runs"])
