"""How hard training pushes a wrong output neuron, with each of network.py's output layers.

The output error delta = dC/dz of an output neuron sets the size of every
gradient that flows back from it, so it says how hard training pushes that
neuron towards the right answer. Take the neuron for the right class, whose
target is 1, when it outputs a:

- sigmoid output and quadratic cost (the workshop's cost): delta = 2 (a - 1) a (1 - a);
- softmax output and cross-entropy cost: delta = a - 1.

Both are computed here by network.py's own `output_error`, for outputs
from unsure (0.5) to confidently wrong (0.001). What to look for: the
quadratic cost's delta is largest at a = 1/3 (where a (1 - a)^2 peaks) and then shrinks towards zero
just as the answer gets worse, because of the factor a (1 - a) = sigma'(z);
cross-entropy's delta keeps growing towards -1, so the worse the answer, the
harder it is corrected.
"""

import numpy as np

import network
from tables import markdown_table

RIGHT_OUTPUTS = [0.5, 1 / 3, 0.1, 0.01, 0.001]  # what the right class's neuron outputs (target 1)
N_CLASSES = 10


def output_rows(right_outputs: list[float], n_classes: int = N_CLASSES) -> np.ndarray:
    """One row of outputs per value: class 0 gets it, the other classes share the rest."""
    right = np.array(right_outputs, dtype=np.float64)[:, None]
    rest = np.repeat((1 - right) / (n_classes - 1), n_classes - 1, axis=1)
    return np.hstack([right, rest])  # each row sums to 1, as a softmax output does


def right_class_deltas(cost: str, right_outputs: list[float]) -> np.ndarray:
    """delta of the right class's output neuron, as network.output_error computes it."""
    net = network.Network(weights=[], biases=[], cost=cost)  # output_error only reads .cost
    labels = np.zeros(len(right_outputs), dtype=int)  # class 0 is the right answer
    return network.output_error(net, output_rows(right_outputs), labels)[:, 0]


def deltas_table(right_outputs: list[float], quadratic: np.ndarray, softmax: np.ndarray,
                 ratios: np.ndarray) -> str:
    """A Markdown table of both deltas for each output, and how many times larger one is."""
    headers = ["output $a$ of the right class (target 1)", "$z$ for a sigmoid output",
               "$\\delta$, sigmoid + quadratic", "$\\delta$, softmax + cross-entropy", "ratio"]
    rows = [[f"{a:.3g}", f"{np.log(a / (1 - a)):.2f}",  # z, the input for which sigmoid(z) = a
             f"{q:.4f}", f"{s:.4f}", f"{ratio:.0f}"]
            for a, q, s, ratio in zip(right_outputs, quadratic, softmax, ratios, strict=True)]
    return markdown_table(headers, rows)


if __name__ == "__main__":
    quadratic = right_class_deltas("quadratic", RIGHT_OUTPUTS)
    softmax = right_class_deltas("cross_entropy", RIGHT_OUTPUTS)
    ratios = softmax / quadratic  # how many times harder cross-entropy pushes
    table = deltas_table(RIGHT_OUTPUTS, quadratic, softmax, ratios)
    print(table)
