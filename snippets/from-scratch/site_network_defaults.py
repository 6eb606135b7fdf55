"""The settings network.py trains with unless told otherwise, read from the code itself.

network.py keeps its choices in two places: module constants (LAYER_SIZES,
EPOCHS) and the default values of the arguments of `init_network` and
`train`. This script reads both, so the "From scratch" page can quote them
without retyping them, and prints them as a table.
"""

import inspect
import itertools

import numpy as np

import network
from tables import markdown_table


def argument_defaults(function: object) -> dict:
    """The default value of each of a function's arguments that has one."""
    parameters = inspect.signature(function).parameters.values()
    return {p.name: p.default for p in parameters if p.default is not inspect.Parameter.empty}


def count_parameters(sizes: list[int]) -> int:
    """Weights and biases of a fully connected network with these layer sizes."""
    return sum(n_out * (n_in + 1) for n_in, n_out in itertools.pairwise(sizes))


init, training = argument_defaults(network.init_network), argument_defaults(network.train)
layers = " → ".join(map(str, network.LAYER_SIZES))
n_inputs, hidden_neurons, n_outputs = (network.LAYER_SIZES[i] for i in (0, 1, -1))
n_parameters = count_parameters(network.LAYER_SIZES)
finite_difference_passes = 2 * n_parameters  # nudging each parameter up and down
# Multiplications per example: one per weight going forwards; going backwards one per
# weight for the gradients, and one per weight of every layer but the first for the errors.
weights_per_layer = [n_in * n_out for n_in, n_out in itertools.pairwise(network.LAYER_SIZES)]
backward_to_forward = (2 * sum(weights_per_layer) - weights_per_layer[0]) / sum(weights_per_layer)
activation, cost, dtype = init["activation"], init["cost"], np.dtype(init["dtype"]).name
bytes_per_number = np.dtype(init["dtype"]).itemsize
parameter_megabytes = n_parameters * bytes_per_number / 1e6
epochs, batch_size = network.EPOCHS, training["batch_size"]
learning_rate, momentum = training["learning_rate"], training["momentum"]
shifted_copies = training["shifted_copies"]
momentum_speedup = 1 / (1 - momentum)  # how far a steady gradient's steps grow, at most

table = markdown_table(["setting", "default"], [
    ["layer sizes", layers],
    ["weights and biases", f"{n_parameters:,}"],
    ["hidden activation", activation],
    ["output and cost", "softmax + cross-entropy" if cost == "cross_entropy" else cost],
    ["numbers", f"{dtype} ({bytes_per_number} bytes each)"],
    ["epochs", epochs],
    ["batch size", batch_size],
    ["learning rate", f"{learning_rate:g}, falling towards 0 along half a cosine wave"],
    ["momentum", f"{momentum:g}"],
    ["shifted copies of the training images", shifted_copies],
], align="ll")  # fmt: skip
print(table)
