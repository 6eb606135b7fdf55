"""A fully connected neural network in plain NumPy, trained by mini-batch SGD.

What it shows: every step of training a network from scratch, in reading
order: the activation functions, random initialisation, the forward pass,
backpropagation (one small function per equation), the gradient-descent
update with momentum, the training loop and evaluation. Run it as
`python network.py` to train on the digits in MNIST_DATA_DIR and watch the
test accuracy after each epoch.

What it leaves out, on purpose: convolutions, regularisation (no weight
decay, dropout or early stopping), adaptive optimisers such as Adam, batch
normalisation, automatic differentiation and GPUs. The only tricks are
momentum, a learning rate that shrinks as training goes on, and (if asked)
extra training images made by shifting the ones it has by a pixel or two.

Conventions: a batch is a 2-D array with one sample per row. `weights[l]`
has shape (n_out, n_in), so `weights[l][j, k]` connects neuron k of one
layer to neuron j of the next, as in the notation w_jk. Costs are averaged
over the batch, so the learning rate does not depend on the batch size.
"""

# --8<-- [start:imports]
import itertools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

import mnist

# --8<-- [end:imports]


# --8<-- [start:network]
Gradients = tuple[list[np.ndarray], list[np.ndarray]]  # (weight gradients, bias gradients)


@dataclass
class Network:
    """The parameters of a network and the choices that fix its maths."""

    weights: list[np.ndarray]  # weights[l]: shape (neurons in layer l+1, neurons in layer l)
    biases: list[np.ndarray]  # biases[l]: one bias per neuron of layer l+1
    activation: str = "relu"  # of the hidden layers: "relu" or "sigmoid"
    cost: str = "cross_entropy"  # "cross_entropy" (softmax output) or "quadratic" (sigmoid output)


# --8<-- [end:network]


# --8<-- [start:activations]
def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z), squashing any number into (0, 1)."""
    # Same function written with tanh: no overflow warning from exp() for very negative z
    return 0.5 * (1 + np.tanh(0.5 * z))


def relu(z: np.ndarray) -> np.ndarray:
    """max(0, z): passes positive inputs through, silences negative ones."""
    return np.maximum(z, 0, out=z)  # overwrites z, which nobody needs afterwards


def softmax(z: np.ndarray) -> np.ndarray:
    """Turn each row of scores into probabilities that sum to 1."""
    # Subtracting the row maximum changes nothing mathematically but keeps exp() finite
    e = np.exp(z - z.max(axis=1, keepdims=True))
    e /= e.sum(axis=1, keepdims=True)  # in place: no second array of the same size
    return e


def derivative(activation: str, a: np.ndarray) -> np.ndarray:
    """sigma'(z), written in terms of the output a = sigma(z) so we need not keep z."""
    if activation == "sigmoid":
        return a * (1 - a)
    return a > 0  # True/False, which multiplies like 1/0 without making a float copy


ACTIVATIONS = {"sigmoid": sigmoid, "relu": relu}
# --8<-- [end:activations]


# --8<-- [start:init]
LAYER_SIZES = [784, 256, 10]  # the default: 784 pixels in, 256 hidden neurons, 10 digits out


def init_network(
    sizes: list[int],
    activation: str = "relu",
    cost: str = "cross_entropy",
    rng: np.random.Generator | int = 0,
    dtype: type = np.float32,
) -> Network:
    """Random weights scaled by each layer's fan-in, and zero biases."""
    rng = np.random.default_rng(rng)
    # Variance 2/n_in for ReLU (it zeroes half its inputs), 1/n_in for sigmoid:
    # either way the signal neither explodes nor dies out from layer to layer.
    gain = 2.0 if activation == "relu" else 1.0
    weights, biases = [], []
    for n_in, n_out in itertools.pairwise(sizes):
        weights.append(rng.normal(0, np.sqrt(gain / n_in), (n_out, n_in)).astype(dtype))
        biases.append(np.zeros(n_out, dtype))
    return Network(weights, biases, activation, cost)


# --8<-- [end:init]


# --8<-- [start:forward]
def forward(net: Network, x: np.ndarray) -> list[np.ndarray]:
    """Activations of every layer for a batch x, input first: [x, a1, ..., output]."""
    output = softmax if net.cost == "cross_entropy" else sigmoid
    activations = [x]
    for layer, (w, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        z = activations[-1] @ w.T  # one row per sample, so W a + b becomes a W^T + b
        z += b  # adding in place saves making another array of z's size
        last = layer == len(net.weights) - 1
        activations.append(output(z) if last else ACTIVATIONS[net.activation](z))
    return activations


# --8<-- [end:forward]


# --8<-- [start:cost]
def one_hot(labels: np.ndarray, n_classes: int, dtype: type = np.float32) -> np.ndarray:
    """The desired output y for each label: 1 for the right class, 0 elsewhere."""
    return np.eye(n_classes, dtype=dtype)[labels]


def cost(net: Network, output: np.ndarray, labels: np.ndarray) -> float:
    """Mean cost of a batch of outputs against their labels."""
    y = one_hot(labels, output.shape[1], output.dtype)
    if net.cost == "cross_entropy":
        # The floor stops log(0) if a confident prediction is completely wrong
        return float(-np.mean(np.log(np.maximum(np.sum(output * y, axis=1), 1e-30))))
    return float(np.mean(np.sum((output - y) ** 2, axis=1)))  # the workshop's sum of (a - y)^2


# --8<-- [end:cost]


# --8<-- [start:output-error]
def output_error(net: Network, output: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """BP1: delta = dC/dz for the output layer, one row per sample."""
    y = one_hot(labels, output.shape[1], output.dtype)
    if net.cost == "cross_entropy":
        return output - y  # softmax's derivative cancels against the log in the cost
    return 2 * (output - y) * derivative("sigmoid", output)


# --8<-- [end:output-error]


# --8<-- [start:hidden-error]
def hidden_error(
    net: Network, delta_next: np.ndarray, w_next: np.ndarray, a: np.ndarray
) -> np.ndarray:
    """BP2: a hidden layer's delta from the delta of the layer after it."""
    # Each neuron collects the errors it caused downstream, weighted by the connections
    return (delta_next @ w_next) * derivative(net.activation, a)


# --8<-- [end:hidden-error]


# --8<-- [start:gradients]
def layer_gradients(delta: np.ndarray, a_prev: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """BP3 and BP4: one layer's weight and bias gradients, averaged over the batch."""
    n = len(delta)
    grad_w = delta.T @ a_prev  # BP4: dC/dw_jk = a_k delta_j, summed over the batch
    grad_w /= n
    grad_b = delta.sum(axis=0) / n  # BP3: dC/db_j = delta_j
    return grad_w, grad_b


# --8<-- [end:gradients]


# --8<-- [start:backward]
def backward(net: Network, activations: list[np.ndarray], labels: np.ndarray) -> Gradients:
    """Gradients of the mean cost for every weight and bias, from the output back."""
    delta = output_error(net, activations[-1], labels)
    grad_w, grad_b = [], []
    for layer in reversed(range(len(net.weights))):
        gw, gb = layer_gradients(delta, activations[layer])
        grad_w.insert(0, gw)
        grad_b.insert(0, gb)
        if layer > 0:  # the input layer has no parameters, so no delta is needed there
            delta = hidden_error(net, delta, net.weights[layer], activations[layer])
    return grad_w, grad_b


# --8<-- [end:backward]


# --8<-- [start:update]
def update(
    net: Network,
    grads: Gradients,
    velocity: list[np.ndarray],
    learning_rate: float,
    momentum: float,
) -> None:
    """One step of gradient descent with momentum, changing net and velocity in place."""
    # The velocity is a running sum of past steps: it speeds up along directions the
    # gradient keeps pointing and damps the zig-zag across narrow valleys.
    params = net.weights + net.biases
    for i, grad in enumerate(grads[0] + grads[1]):
        velocity[i] *= momentum
        velocity[i] -= learning_rate * grad
        params[i] += velocity[i]  # in place, so the arrays inside net change too


# --8<-- [end:update]


# --8<-- [start:train]
EPOCHS = 15  # the default number of passes over the training data


def shuffled_batches(n: int, batch_size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Indices 0..n-1 in a random order, cut into mini-batches."""
    order = rng.permutation(n)  # a fresh order every epoch, so the batches differ
    return [order[start : start + batch_size] for start in range(0, n, batch_size)]


def decaying_rates(learning_rate: float, steps: int) -> Iterator[float]:
    """One learning rate per update, falling from learning_rate to 0 along half a cosine wave."""
    # Big steps early to make progress, then smaller and smaller ones to settle into a minimum.
    # The cosine stays high for longer than a straight line, then eases gently down to 0.
    progress = np.arange(steps) / steps  # 0 at the first update, almost 1 at the last
    return iter((learning_rate * (1 + np.cos(np.pi * progress)) / 2).tolist())


def shifted(images: np.ndarray, rng: np.random.Generator, max_shift: int = 2) -> np.ndarray:
    """A copy of square images, each moved by up to max_shift pixels up/down and left/right."""
    side = math.isqrt(images.shape[1])  # 28 for 784 pixels
    squares, moved = images.reshape(-1, side, side), np.empty_like(images).reshape(-1, side, side)
    moves = rng.integers(-max_shift, max_shift + 1, size=(len(images), 2))  # (down, right)
    for move in np.unique(moves, axis=0):  # 25 different moves at most: one np.roll for each
        chosen = np.all(moves == move, axis=1)
        # np.roll wraps what falls off one edge round to the other: little harm for MNIST,
        # whose outer two rows and columns are blank in most digits (the From scratch page counts).
        moved[chosen] = np.roll(squares[chosen], tuple(move), axis=(1, 2))
    return moved.reshape(images.shape)


def train(
    net: Network,
    x: np.ndarray,
    labels: np.ndarray,
    *,
    epochs: int = EPOCHS,
    batch_size: int = 100,
    learning_rate: float = 0.05,
    momentum: float = 0.9,
    shifted_copies: int = 0,
    seed: int = 0,
    callback: Callable[[int, Network], Any] | None = None,
) -> list[Any]:
    """Mini-batch SGD with momentum; returns what callback(epoch, net) gave after each epoch."""
    rng = np.random.default_rng(seed)
    if shifted_copies:  # extra training images: each copy moves every image a pixel or two
        x = np.concatenate([x] + [shifted(x, rng) for _ in range(shifted_copies)])
        labels = np.tile(labels, 1 + shifted_copies)
    velocity = [np.zeros_like(p) for p in net.weights + net.biases]
    rates = decaying_rates(learning_rate, epochs * math.ceil(len(x) / batch_size))
    history = []
    for epoch in range(1, epochs + 1):
        for batch in shuffled_batches(len(x), batch_size, rng):
            grads = backward(net, forward(net, x[batch]), labels[batch])
            update(net, grads, velocity, next(rates), momentum)
        if callback is not None:
            history.append(callback(epoch, net))
    return history


# --8<-- [end:train]


# --8<-- [start:evaluate]
def predict_proba(net: Network, x: np.ndarray) -> np.ndarray:
    """The network's output for each sample: one score per class."""
    return forward(net, x)[-1]


def evaluate(net: Network, x: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Accuracy (fraction of labels predicted right) and mean cost on a data set."""
    output = predict_proba(net, x)
    accuracy = float(np.mean(output.argmax(axis=1) == labels))
    return accuracy, cost(net, output, labels)


# --8<-- [end:evaluate]


# --8<-- [start:scale]
def scale(images: np.ndarray, dtype: type = np.float32) -> np.ndarray:
    """Pixels 0..255 as floats in [0, 1]: small inputs keep the first layer's z moderate."""
    return images.astype(dtype) / 255


# --8<-- [end:scale]


# --8<-- [start:main]
if __name__ == "__main__":
    train_images, train_labels, test_images, test_labels = mnist.load()
    x_train, x_test = scale(train_images), scale(test_images)
    net = init_network(LAYER_SIZES)
    print(f"{len(x_train)} training images, {len(x_test)} test images, layers {LAYER_SIZES}")

    def report(epoch: int, net: Network) -> tuple[float, float]:
        accuracy, loss = evaluate(net, x_test, test_labels)
        print(f"epoch {epoch:2d}: test accuracy {accuracy:.4f}, test loss {loss:.4f}")
        return accuracy, loss

    history = train(net, x_train, train_labels, callback=report)
    test_accuracy, test_loss = history[-1]
# --8<-- [end:main]
