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


def test_prints_the_run_and_its_lowest_test_loss(run):
    ns, out = run
    history = ns["history"]
    assert len(history.test_accuracy) == network.EPOCHS
    assert ns["lowest_test_loss"] == history.test_loss[ns["lowest_test_loss_epoch"] - 1]
    assert ns["lowest_test_loss"] == min(history.test_loss)
    assert ns["n_training"] == 400 and ns["n_test"] == 200  # the small subset
    assert f"test accuracy {history.test_accuracy[-1]:.4f}" in out
    assert out.strip().endswith(f"after epoch {ns['lowest_test_loss_epoch']}")


def test_settled_epoch_is_the_first_from_which_the_test_loss_stays_near_its_lowest(run):
    ns, out = run
    losses, settled = ns["history"].test_loss, ns["settled_epoch"]
    assert max(losses[settled - 1:]) <= 1.02 * ns["lowest_test_loss"]
    assert settled == 1 or max(losses[settled - 2:]) > 1.02 * ns["lowest_test_loss"]
    assert f"from epoch {settled} on" in out
