"""Tests for plot_training_curves.py: one figure with loss and accuracy panels."""

import matplotlib.pyplot as plt
import pytest

import network
from practice_support import use_small_mnist
from support import run_snippet


@pytest.fixture(scope="module")
def run():
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_small_mnist(monkeypatch)
        yield run_snippet("plot_training_curves")
    plt.close("all")


def test_one_unlabelled_figure_with_two_panels(run):
    ns, _ = run
    assert len(plt.get_fignums()) == 1 and not plt.gcf().get_label()
    loss_ax, accuracy_ax = plt.gcf().axes
    history = ns["history"]
    assert [list(line.get_ydata()) for line in loss_ax.lines] == [
        history.train_loss,
        history.test_loss,
    ]
    assert list(accuracy_ax.lines[0].get_ydata()) == history.test_accuracy
    assert loss_ax.get_yscale() == "log"


def test_quoted_numbers(run):
    ns, out = run
    history = ns["history"]
    assert ns["epochs"] == network.EPOCHS == len(history.test_accuracy)
    assert ns["final_accuracy"] == history.test_accuracy[-1]
    assert ns["lowest_test_loss"] == history.test_loss[ns["lowest_test_loss_epoch"] - 1]
    assert ns["lowest_test_loss"] == min(history.test_loss)
    assert ns["n_training"] == 400 and ns["n_test"] == 200  # the small subset
    assert f"test accuracy {ns['final_accuracy']:.4f}" in out
