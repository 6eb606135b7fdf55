"""Tests for network.py: exact gradients, learning, and the script itself."""

import os
import re
import subprocess
import sys
import warnings

import numpy as np
import pytest

import mnist
import network
from support import MNIST_SAMPLE as SAMPLE
from support import SNIPPET_FILES, SNIPPETS

MARKER = re.compile(r"^# --8<-- \[(start|end):([a-z][-_0-9a-z]*)\]$")
SECTIONS = [
    "imports",
    "network",
    "activations",
    "init",
    "forward",
    "cost",
    "output-error",
    "hidden-error",
    "gradients",
    "backward",
    "update",
    "train",
    "evaluate",
    "scale",
    "main",
]
EPOCH_LINE = re.compile(r"^epoch +(\d+): test accuracy (0\.\d{4}|1\.0000), test loss (\d+\.\d{4})$")


def tiny_problem(activation: str, cost: str) -> tuple[network.Network, np.ndarray, np.ndarray]:
    """A [5, 4, 3] float64 network with random biases, 8 random samples and labels."""
    rng = np.random.default_rng(1)
    net = network.init_network([5, 4, 3], activation, cost, rng=2, dtype=np.float64)
    net.biases = [rng.normal(0, 0.5, b.shape) for b in net.biases]  # zero biases would be too easy
    return net, rng.normal(0, 1, (8, 5)), rng.integers(0, 3, 8)


def numerical_gradient(net, x, labels, param: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central differences of the mean cost, nudging one entry of `param` at a time."""
    grad = np.zeros_like(param)
    for index in np.ndindex(param.shape):
        original = param[index]
        costs = []
        for value in (original + eps, original - eps):
            param[index] = value
            costs.append(network.cost(net, network.forward(net, x)[-1], labels))
        param[index] = original
        grad[index] = (costs[0] - costs[1]) / (2 * eps)
    return grad


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
@pytest.mark.parametrize("cost", ["cross_entropy", "quadratic"])
def test_backprop_matches_finite_differences(activation, cost):
    net, x, labels = tiny_problem(activation, cost)
    grad_w, grad_b = network.backward(net, network.forward(net, x), labels)
    params, grads = net.weights + net.biases, grad_w + grad_b
    assert [g.shape for g in grads] == [p.shape for p in params]
    for param, grad in zip(params, grads, strict=True):
        numeric = numerical_gradient(net, x, labels, param)
        # Every single entry, relative to its size (floored: a zero gradient has no size)
        error = np.abs(grad - numeric) / np.maximum(np.abs(grad) + np.abs(numeric), 1e-2)
        assert error.max() < 1e-6
        assert np.linalg.norm(grad - numeric) / np.linalg.norm(grad + numeric) < 1e-6


def test_float32_by_default_and_no_overflow_warnings():
    net = network.init_network([784, 16, 10])
    x = np.linspace(-1e4, 1e4, 784 * 3, dtype=np.float32).reshape(3, 784)  # absurdly big inputs
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        activations = network.forward(net, x)
        grads = network.backward(net, activations, np.array([0, 1, 2]))
    assert all(a.dtype == np.float32 for a in activations[1:])
    assert all(g.dtype == np.float32 for g in grads[0] + grads[1])
    np.testing.assert_allclose(activations[-1].sum(axis=1), 1, rtol=1e-5)


def test_update_is_momentum_sgd():
    net = network.Network([np.ones((1, 2))], [np.zeros(1)])
    velocity = [np.full((1, 2), 0.5), np.zeros(1)]
    grads = ([np.array([[1.0, -1.0]])], [np.array([2.0])])
    network.update(net, grads, velocity, learning_rate=0.1, momentum=0.9)
    np.testing.assert_allclose(velocity[0], [[0.35, 0.55]])  # 0.9 * 0.5 - 0.1 * grad
    np.testing.assert_allclose(net.weights[0], [[1.35, 1.55]])
    np.testing.assert_allclose(net.biases[0], [-0.2])


def test_learning_rate_falls_along_half_a_cosine():
    rates = list(network.decaying_rates(0.2, 4))
    half = np.sqrt(0.5) / 2
    np.testing.assert_allclose(rates, [0.2, 0.2 * (0.5 + half), 0.1, 0.2 * (0.5 - half)])


def test_shifted_moves_each_image_by_at_most_two_pixels():
    images = np.zeros((200, 784), np.float32)
    images[:, 14 * 28 + 14] = 1  # one lit pixel in the middle of each image
    moved = network.shifted(images, np.random.default_rng(0)).reshape(200, 28, 28)
    offsets = np.argwhere(moved)[:, 1:] - 14
    assert len(offsets) == 200 and np.abs(offsets).max() == 2  # every image keeps its pixel
    assert len({tuple(o) for o in offsets}) == 25  # and all 5 x 5 moves occur
    assert images.sum() == 200  # the originals are untouched


def test_shifted_copies_add_training_images(monkeypatch):
    images, labels, _, _ = mnist.load(SAMPLE)
    x, y = network.scale(images[:64]), labels[:64]
    seen, real_backward = [], network.backward

    def counting_backward(net, activations, batch_labels):
        seen.append(batch_labels)
        return real_backward(net, activations, batch_labels)

    monkeypatch.setattr(network, "backward", counting_backward)
    network.train(network.init_network([784, 8, 10]), x, y, epochs=1, batch_size=32,
                  shifted_copies=2)  # fmt: skip
    trained_on = np.concatenate(seen)
    assert len(trained_on) == 3 * 64  # each image and two shifted copies, once each
    np.testing.assert_array_equal(np.bincount(trained_on), 3 * np.bincount(y))


def test_scale_gives_float32_in_unit_interval():
    x = network.scale(np.array([[0, 128, 255]], dtype=np.uint8))
    assert x.dtype == np.float32
    np.testing.assert_allclose(x, [[0, 128 / 255, 1]])


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_tiny_network_memorises_32_images(activation):
    images, labels, _, _ = mnist.load(SAMPLE)
    x, y = network.scale(images[:32]), labels[:32]
    net = network.init_network([784, 16, 10], activation)
    history = network.train(
        net, x, y, epochs=60, batch_size=8, callback=lambda _, n: network.evaluate(n, x, y)
    )
    assert len(history) == 60
    assert history[-1][0] == 1.0  # every training image right
    assert history[-1][1] < history[0][1]  # and the cost went down


def test_training_is_reproducible():
    images, labels, _, _ = mnist.load(SAMPLE)
    x, y = network.scale(images[:300]), labels[:300]
    nets = [network.init_network([784, 8, 10], rng=3) for _ in range(2)]
    for net in nets:
        network.train(net, x, y, epochs=2, seed=4)
    for a, b in zip(
        nets[0].weights + nets[0].biases, nets[1].weights + nets[1].biases, strict=True
    ):
        np.testing.assert_array_equal(a, b)


def test_small_data_settings_pass_95_percent_on_the_sample():
    # The benchmark's settings for the 5,000-image sample (scripts/benchmark.py, SCRATCH)
    images, labels, test_images, test_labels = mnist.load(SAMPLE)
    net = network.init_network([784, 128, 10], rng=0)
    network.train(net, network.scale(images), labels, epochs=4, batch_size=128,
                  learning_rate=0.3, shifted_copies=1, seed=0)  # fmt: skip
    accuracy, _ = network.evaluate(net, network.scale(test_images), test_labels)
    assert accuracy >= 0.95


def test_script_prints_one_line_per_epoch():
    env = {**os.environ, "MNIST_DATA_DIR": str(SAMPLE)}
    run = subprocess.run(
        [sys.executable, "network.py"], cwd=SNIPPETS / "shared", env=env, capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "5000 training images, 10000 test images, layers [784, 256, 10]"
    epochs = [EPOCH_LINE.match(line) for line in lines[1:]]
    assert all(epochs), lines
    assert [int(m[1]) for m in epochs] == list(range(1, network.EPOCHS + 1))
    assert float(epochs[-1][2]) > 0.93


def sections() -> dict[str, str]:
    """The snippet sections of network.py in file order, each as the page would show it."""
    found, current = {}, None
    for line in SNIPPET_FILES["network"].read_text().splitlines():
        marker = MARKER.match(line)
        if marker is None:
            if current is not None:
                found[current].append(line)
            continue
        kind, name = marker.groups()
        assert (kind == "start") == (current is None), f"{name}: sections must not overlap"
        assert kind == "end" or name not in found, f"{name}: used twice"
        current = name if kind == "start" else None
        found.setdefault(name, [])
    assert current is None, f"{current} never ends"
    return {name: "\n".join(lines) for name, lines in found.items()}


def test_sections_run_one_after_another_like_page_blocks(monkeypatch):
    found = sections()
    assert list(found) == SECTIONS
    namespace = {"__name__": "page"}  # not __main__: the training run is tested below
    for name, code in found.items():
        assert code.strip() and not code[0].isspace(), name
        exec(compile(code, f"network.py:{name}", "exec"), namespace)
    net = namespace["init_network"]([5, 3, 2])
    namespace["train"](net, np.eye(5, dtype=np.float32), np.arange(5) % 2, epochs=2)
    assert isinstance(net, namespace["Network"])
