"""Check network.py's backpropagation against finite differences, for every kind of network.

Backpropagation computes all the partial derivatives of the cost in one
backward pass. A central finite difference estimates each one separately, by
nudging a single weight or bias up and down by a tiny step h and measuring
how much the cost changes. The two methods share no code beyond the forward
pass and the cost, so if they agree, the backward pass is right.

The check runs on a tiny network (5 inputs, 4 hidden neurons, 3 outputs) in
float64, for both hidden activations and both output layers with their costs,
and prints the largest relative error it finds among the weights and among
the biases of each. What to look for: errors around 1e-8 or smaller mean the
two agree as closely as finite differences can measure; an error anywhere
near 1 means a bug. The last line shows one: gradients that were added up
over the batch instead of averaged.
"""

# --8<-- [start:estimate]
import numpy as np

import network
from tables import markdown_table

STEP = 1e-6  # h: small for an accurate slope, not so small that rounding swamps it


def numerical_gradients(
    net: network.Network, x: np.ndarray, labels: np.ndarray, h: float = STEP
) -> network.Gradients:
    """Central differences (C(p + h) - C(p - h)) / 2h for every weight and bias p."""
    estimates = []
    for param in net.weights + net.biases:
        grad = np.zeros_like(param)
        for index in np.ndindex(param.shape):
            original = param[index]
            costs = []
            for nudged in (original + h, original - h):
                param[index] = nudged  # changes the array inside net
                costs.append(network.cost(net, network.forward(net, x)[-1], labels))
            param[index] = original
            grad[index] = (costs[0] - costs[1]) / (2 * h)
        estimates.append(grad)
    n_layers = len(net.weights)
    return estimates[:n_layers], estimates[n_layers:]


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    """Largest |analytic - numeric| / (|analytic| + |numeric|) over all entries."""
    size = np.abs(analytic) + np.abs(numeric)
    # The floor only matters when both are exactly 0, that is, when they agree perfectly
    return float(np.max(np.abs(analytic - numeric) / np.maximum(size, 1e-300)))


# --8<-- [end:estimate]


# %% A tiny network and a random batch
SIZES = [5, 4, 3]  # inputs, hidden neurons, outputs
BATCH = 8  # examples in the batch
CASES = [  # (hidden activation, output layer and cost)
    ("sigmoid", "cross_entropy"),
    ("relu", "cross_entropy"),
    ("sigmoid", "quadratic"),
    ("relu", "quadratic"),
]
OUTPUTS = {"cross_entropy": "softmax + cross-entropy", "quadratic": "sigmoid + quadratic"}


def tiny_problem(
    activation: str, cost: str, seed: int = 0
) -> tuple[network.Network, np.ndarray, np.ndarray]:
    """A float64 network with non-zero biases, a batch of random inputs and their labels."""
    rng = np.random.default_rng(seed)
    net = network.init_network(SIZES, activation, cost, rng=rng, dtype=np.float64)
    net.biases = [rng.normal(0, 0.5, b.shape) for b in net.biases]  # zeros would hide bugs
    x = rng.normal(0, 1, (BATCH, SIZES[0]))
    return net, x, rng.integers(0, SIZES[-1], BATCH)


# %% Both ways of getting the gradients, compared
def gradients_both_ways(activation: str, cost: str) -> tuple[network.Gradients, network.Gradients]:
    """Backpropagation's gradients and the finite-difference estimates, on the tiny problem."""
    net, x, labels = tiny_problem(activation, cost)
    analytic = network.backward(net, network.forward(net, x), labels)
    return analytic, numerical_gradients(net, x, labels)


def largest_errors(analytic: network.Gradients, numeric: network.Gradients) -> tuple[float, float]:
    """The largest relative error among all the weights, and among all the biases."""
    weights, biases = (
        max(map(relative_error, a, n)) for a, n in zip(analytic, numeric, strict=True)
    )
    return weights, biases


def summed_not_averaged(grads: network.Gradients, n: int) -> network.Gradients:
    """A classic slip: gradients added up over a batch of n but not divided by n."""
    return [g * n for g in grads[0]], [g * n for g in grads[1]]


# %% Every case, and the slip, as a table
def error_table(rows: list[tuple[str, str, float, float]]) -> str:
    """A Markdown table: one row per checked network, errors in scientific notation."""
    headers = ["hidden layer", "output layer and cost", "largest relative error, weights",
               "largest relative error, biases"]
    return markdown_table(headers, [[activation, output, f"{weights:.1e}", f"{biases:.1e}"]
                                    for activation, output, weights, biases in rows], align="llrr")


if __name__ == "__main__":
    rows = []
    for activation, cost in CASES:
        rows.append(
            (activation, OUTPUTS[cost], *largest_errors(*gradients_both_ways(activation, cost)))
        )
    analytic, numeric = gradients_both_ways("sigmoid", "cross_entropy")
    bug_error = max(largest_errors(summed_not_averaged(analytic, BATCH), numeric))
    table = error_table(rows)
    worst_error = max(max(weights, biases) for _, _, weights, biases in rows)
    print(table)
    print(f"\nlargest relative error of all: {worst_error:.1e}")
    print(f"with the slip (summed, not averaged): largest relative error {bug_error:.2f}")
