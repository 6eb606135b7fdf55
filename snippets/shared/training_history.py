"""Train network.py's network on MNIST and record how it does after every epoch.

`train_with_history` trains the default network (network.LAYER_SIZES, the
default learning rate, momentum and number of epochs) and measures, after
every pass over the training images, the mean cost on the training images,
the mean cost on the test images and the test accuracy. The figure scripts
plot_training_curves.py and plot_sigmoid_vs_relu.py draw what it records.

Run it on its own to see the numbers as a table, one row per epoch.
"""

from dataclasses import dataclass, field

import numpy as np

import mnist
import network
from tables import markdown_table

Data = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


@dataclass
class History:
    """What one training run measured after each epoch (epoch 1 is index 0)."""

    activation: str
    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    test_accuracy: list[float] = field(default_factory=list)

    @property
    def epochs(self) -> list[int]:
        return list(range(1, len(self.test_accuracy) + 1))


def load_scaled(data_dir: str | None = None) -> Data:
    """MNIST from mnist.load(), with the pixels scaled to [0, 1] as float32."""
    train_images, train_labels, test_images, test_labels = mnist.load(data_dir)
    return network.scale(train_images), train_labels, network.scale(test_images), test_labels


def train_with_history(
    data: Data, activation: str = "relu", epochs: int = network.EPOCHS, seed: int = 0
) -> History:
    """Train a fresh default network with this hidden activation, measuring every epoch."""
    x_train, y_train, x_test, y_test = data
    history = History(activation)

    def measure(_epoch: int, net: network.Network) -> None:
        history.train_loss.append(network.evaluate(net, x_train, y_train)[1])
        accuracy, loss = network.evaluate(net, x_test, y_test)
        history.test_accuracy.append(accuracy)
        history.test_loss.append(loss)

    net = network.init_network(network.LAYER_SIZES, activation, rng=seed)
    network.train(net, x_train, y_train, epochs=epochs, seed=seed, callback=measure)
    return history


def history_table(history: History) -> str:
    """The measurements as a Markdown table, one row per epoch."""
    columns = (history.train_loss, history.test_loss, history.test_accuracy)
    rows = [[epoch, *(f"{value:.4f}" for value in values)]
            for epoch, *values in zip(history.epochs, *columns, strict=True)]
    return markdown_table(["epoch", "training loss", "test loss", "test accuracy"], rows)


if __name__ == "__main__":
    print(history_table(train_with_history(load_scaled())))
