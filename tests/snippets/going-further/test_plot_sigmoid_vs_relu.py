"""Tests for plot_sigmoid_vs_relu.py: both runs in one figure, and the quoted numbers."""

import matplotlib.pyplot as plt
import pytest

from practice_support import use_small_mnist
from support import run_snippet


@pytest.fixture(scope="module")
def run():
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_small_mnist(monkeypatch)
        yield run_snippet("plot_sigmoid_vs_relu")
    plt.close("all")


def test_one_figure_two_panels_two_lines_each(run):
    ns, _ = run
    assert len(plt.get_fignums()) == 1 and not plt.gcf().get_label()
    loss_ax, accuracy_ax = plt.gcf().axes
    for ax, measure in ((loss_ax, "train_loss"), (accuracy_ax, "test_accuracy")):
        assert [line.get_label() for line in ax.lines] == ["sigmoid", "relu"]
        for line, name in zip(ax.lines, ("sigmoid", "relu"), strict=True):
            assert list(line.get_ydata()) == getattr(ns["histories"][name], measure)


def test_same_settings_except_the_activation(run):
    ns, _ = run
    sigmoid, relu = ns["histories"]["sigmoid"], ns["histories"]["relu"]
    assert (sigmoid.activation, relu.activation) == ("sigmoid", "relu")
    assert sigmoid.epochs == relu.epochs


def test_quoted_numbers(run):
    ns, out = run
    relu = ns["histories"]["relu"]
    assert ns["relu_accuracy"] == relu.test_accuracy[-1]
    catch_up = ns["relu_catch_up_epoch"]
    assert relu.test_accuracy[catch_up - 1] >= ns["sigmoid_accuracy"]
    assert all(accuracy < ns["sigmoid_accuracy"] for accuracy in relu.test_accuracy[: catch_up - 1])
    assert out.count("test accuracy after epoch 1") == 2
