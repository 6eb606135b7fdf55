"""The answers to the Going further page's exercises, computed.

A vanishing error by hand, a larger learning rate for the sigmoid network,
and a ReLU neuron that has died.

What to look for: a larger learning rate helps the sigmoid network only up to
a point, and a ReLU neuron whose weighted input is negative for every image
gets a gradient of exactly zero, so training never changes it again.
"""

# %% Exercise 2: can a larger learning rate help the sigmoid network?
# --8<-- [start:rates]
import numpy as np

import mnist
import network

train_images, train_labels, test_images, test_labels = mnist.load()
x_train, y_train = network.scale(train_images[:2000]), train_labels[:2000]  # quick: 2,000
x_test, y_test = network.scale(test_images), test_labels

runs = []
for activation, learning_rate in (("relu", 0.1), ("sigmoid", 0.1), ("sigmoid", 0.5),
                                  ("sigmoid", 1.0)):
    net = network.init_network(network.LAYER_SIZES, activation)
    network.train(net, x_train, y_train, epochs=5, learning_rate=learning_rate)
    accuracy, _ = network.evaluate(net, x_test, y_test)
    runs.append({"activation": activation, "learning_rate": learning_rate, "accuracy": accuracy})
    print(f"{activation:7} learning rate {learning_rate:<4g} test accuracy {accuracy:.1%}")
# --8<-- [end:rates]
relu_run, sigmoid_runs = runs[0], runs[1:]
best_sigmoid = max(sigmoid_runs, key=lambda run: run["accuracy"])

# %% Exercise 1: an error passing back through three sigmoid neurons, by hand
hand_z = [0.0, 2.0, 4.0]


def sigmoid_slope(z: float) -> float:
    """sigma'(z) = sigma(z) (1 - sigma(z))."""
    s = 1 / (1 + np.exp(-z))
    return float(s * (1 - s))


slopes = [sigmoid_slope(z) for z in hand_z]
shrink = float(np.prod(slopes))
best_case_denominator = 1 / sigmoid_slope(0.0) ** 3  # three slopes of 0.25 at best

# %% Exercise 3: a dead ReLU neuron: negative z for every image, so no gradient at all
dead = network.init_network(network.LAYER_SIZES)
dead_bias = -5.0
dead.biases[0][0] = dead_bias
dead_largest_z = float((x_train @ dead.weights[0][0] + dead_bias).max())
weights_before = dead.weights[0][0].copy()
network.train(dead, x_train, y_train, epochs=1)
dead_unchanged = bool(np.array_equal(weights_before, dead.weights[0][0])
                      and dead.biases[0][0] == dead_bias)
