"""Tests for training_history.py: one measurement per epoch, reproducibly."""

import numpy as np
import pytest

import network
from practice_support import small_mnist
from training_history import History, history_table, load_scaled, train_with_history


@pytest.fixture(scope="module")
def data():
    train_images, train_labels, test_images, test_labels = small_mnist()
    return (network.scale(train_images), train_labels, network.scale(test_images), test_labels)


def test_measures_after_every_epoch(data):
    history = train_with_history(data, "sigmoid", epochs=4)
    assert history.activation == "sigmoid"
    assert history.epochs == [1, 2, 3, 4]
    assert len(history.train_loss) == len(history.test_loss) == 4
    assert all(0 <= accuracy <= 1 for accuracy in history.test_accuracy)
    assert history.train_loss[-1] < history.train_loss[0]  # it learns


def test_same_as_evaluating_the_trained_network(data):
    history = train_with_history(data, epochs=3, seed=1)
    net = network.init_network(network.LAYER_SIZES, rng=1)
    network.train(net, data[0], data[1], epochs=3, seed=1)
    accuracy, loss = network.evaluate(net, data[2], data[3])
    assert history.test_accuracy[-1] == pytest.approx(accuracy, abs=1e-3)
    assert history.test_loss[-1] == pytest.approx(loss, rel=1e-3)


def test_reproducible(data):
    first, second = (train_with_history(data, epochs=2) for _ in range(2))
    assert first == second


def test_load_scaled_reads_the_sample():
    x_train, y_train, x_test, y_test = load_scaled()
    assert x_train.dtype == np.float32 and x_train.min() >= 0 and x_train.max() <= 1
    assert len(x_train) == len(y_train) == 5000 and len(x_test) == len(y_test) == 10_000


def test_table_has_a_row_per_epoch():
    history = History("relu", [0.5, 0.25], [0.6, 0.4], [0.8, 0.9])
    assert history_table(history).splitlines()[-1] == "| 2 | 0.2500 | 0.4000 | 0.9000 |"
