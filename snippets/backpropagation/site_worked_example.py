"""Backpropagation worked by hand in numbers, on a network of 2 inputs, 2 hidden and 1 output.

One training example, sigmoid neurons everywhere and the quadratic cost
C = (a - y)^2. The script does the forward pass neuron by neuron, every
error delta and every gradient by the chain rule, the same gradients by
central finite differences, and one gradient-descent step, and writes each
as TeX or a Markdown table for the Backpropagation at work page. It also
checks its hand-written sums against network.py's `forward` and `backward`.

What to look for: the chain-rule and finite-difference columns agree to every
digit shown, and one step lowers the cost.
"""

# %% The network and the example (indices count from 1 in the maths, 0 in the code)
import numpy as np

import network
from tables import markdown_table

x = np.array([1.0, 0.5])
y = 1.0  # network.py's quadratic cost with one output neuron: the target is 1
W1 = np.array([[0.2, -0.4], [0.7, 0.1]])
b1 = np.array([0.1, -0.3])
W2 = np.array([[0.6, -0.5]])
b2 = np.array([0.2])
learning_rate = 0.5
h = 1e-5
h_exponent = round(np.log10(h))
DIGITS = 6  # decimals shown for gradients


def sigmoid(z: float) -> float:
    return 1 / (1 + np.exp(-z))


def num(value: float, digits: int = 4) -> str:
    """A number for TeX, negative ones in brackets so they read inside a product."""
    text = f"{value:.{digits}f}"
    return f"({text})" if value < 0 else text


def result(value: float, digits: int = 4) -> str:
    """A number at the end of an equation: no brackets needed."""
    return f"{value:.{digits}f}"


# %% Forward pass, neuron by neuron
def forward_pass(W1, b1, W2, b2) -> dict:
    z1 = np.array([b1[j] + W1[j, 0] * x[0] + W1[j, 1] * x[1] for j in range(2)])
    a1 = np.array([sigmoid(z) for z in z1])
    z2 = b2[0] + W2[0, 0] * a1[0] + W2[0, 1] * a1[1]
    a2 = sigmoid(z2)
    return {"z1": z1, "a1": a1, "z2": z2, "a2": a2, "cost": (a2 - y) ** 2}


f = forward_pass(W1, b1, W2, b2)
z1, a1, z2, a2, cost_before = f["z1"], f["a1"], f["z2"], f["a2"], f["cost"]
forward_lines = [
    rf"z^1_{j + 1} &= b^1_{j + 1} + w^1_{{{j + 1}1}} x_1 + w^1_{{{j + 1}2}} x_2 "
    rf"= {num(b1[j], 1)} + {num(W1[j, 0], 1)} \times {num(x[0], 1)} + {num(W1[j, 1], 1)} "
    rf"\times {num(x[1], 1)} = {result(z1[j])} \\ "
    rf"a^1_{j + 1} &= \sigma(z^1_{j + 1}) = {result(a1[j])}"
    for j in range(2)]
forward_lines.append(
    rf"z^2_1 &= b^2_1 + w^2_{{11}} a^1_1 + w^2_{{12}} a^1_2 = {num(b2[0], 1)} + {num(W2[0, 0], 1)}"
    rf" \times {num(a1[0])} + {num(W2[0, 1], 1)} \times {num(a1[1])} = {result(z2)} \\ "
    rf"a^2_1 &= \sigma(z^2_1) = {result(a2)}")
forward_tex = r"\begin{aligned}" + r" \\ ".join(forward_lines) + r"\end{aligned}"
cost_tex = rf"C = (a^2_1 - y)^2 = ({num(a2)} - {y:g})^2 = {result(cost_before)}"

# %% Backward pass: BP1 for the output, BP2 for the hidden layer
delta2 = 2 * (a2 - y) * a2 * (1 - a2)
delta1 = np.array([W2[0, j] * delta2 * a1[j] * (1 - a1[j]) for j in range(2)])
delta_lines = [
    rf"\delta^2_1 &= 2\,(a^2_1 - y)\,a^2_1 (1 - a^2_1) = 2 \times {num(a2 - y)} \times {num(a2)}"
    rf" \times {num(1 - a2)} = {result(delta2)}"]
delta_lines += [
    rf"\delta^1_{j + 1} &= w^2_{{1{j + 1}}}\,\delta^2_1\,a^1_{j + 1} (1 - a^1_{j + 1}) = "
    rf"{num(W2[0, j], 1)} \times {num(delta2)} \times {num(a1[j])} \times {num(1 - a1[j])} "
    rf"= {result(delta1[j])}" for j in range(2)]
delta_tex = r"\begin{aligned}" + r" \\ ".join(delta_lines) + r"\end{aligned}"

# %% Every gradient by the chain rule: error times incoming activation (BP3, BP4)
PARAMETERS = [("W1", (0, 0)), ("W1", (0, 1)), ("W1", (1, 0)), ("W1", (1, 1)), ("b1", (0,)),
              ("b1", (1,)), ("W2", (0, 0)), ("W2", (0, 1)), ("b2", (0,))]


def chain_rule(name: str, index: tuple) -> tuple[str, float]:
    """The parameter's gradient as an instantiated formula, and its value."""
    j = index[0]
    if name == "W1":
        k = index[1]
        return (rf"\delta^1_{j + 1}\,x_{k + 1} = {num(delta1[j])} \times {num(x[k], 1)}",
                delta1[j] * x[k])
    if name == "b1":
        return rf"\delta^1_{j + 1} = {result(delta1[j])}", delta1[j]
    if name == "W2":
        k = index[1]
        return (rf"\delta^2_1\,a^1_{k + 1} = {num(delta2)} \times {num(a1[k])}",
                delta2 * a1[k])
    return rf"\delta^2_1 = {result(delta2)}", delta2


def symbol(name: str, index: tuple) -> str:
    layer = name[1]
    if name.startswith("W"):
        return rf"\partial C / \partial w^{layer}_{{{index[0] + 1}{index[1] + 1}}}"
    return rf"\partial C / \partial b^{layer}_{index[0] + 1}"


# %% The same gradients by central finite differences
def params() -> dict[str, np.ndarray]:
    return {"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()}


def finite_difference(name: str, index: tuple) -> float:
    costs = []
    for sign in (+1, -1):
        p = params()
        p[name][index] += sign * h
        costs.append(forward_pass(p["W1"], p["b1"], p["W2"], p["b2"])["cost"])
    return (costs[0] - costs[1]) / (2 * h)


rows, gradients, estimates = [], {}, {}
for name, index in PARAMETERS:
    formula, value = chain_rule(name, index)
    estimate = finite_difference(name, index)
    gradients[(name, index)], estimates[(name, index)] = value, estimate
    rows.append([f"${symbol(name, index)}$", f"${formula}$", f"{value:.{DIGITS}f}",
                 f"{estimate:.{DIGITS}f}"])
gradient_table = markdown_table(["gradient", "chain rule, in numbers", "value",
                                 "finite difference"], rows, align="llrr")
hidden_errors_smaller = bool(np.abs(delta1).max() < abs(delta2) and np.abs(W2).max() < 1)
output_weights_move_most = bool(
    min(abs(gradients[("W2", (0, k))]) for k in range(2))
    > max(abs(gradients[("W1", (j, k))]) for j in range(2) for k in range(2)))
agree_to_digits_shown = all(f"{gradients[key]:.{DIGITS}f}" == f"{estimates[key]:.{DIGITS}f}"
                            for key in gradients)
largest_difference = max(abs(gradients[key] - estimates[key]) for key in gradients)

# %% network.py computes the same numbers
net = network.Network([W1.copy(), W2.copy()], [b1.copy(), b2.copy()], "sigmoid", "quadratic")
activations = network.forward(net, x[None, :])
grad_w, grad_b = network.backward(net, activations, np.array([0]))
matches_network_py = bool(
    np.allclose(activations[-1][0, 0], a2)
    and np.allclose(grad_w[0], [[gradients[("W1", (j, k))] for k in range(2)] for j in range(2)])
    and np.allclose(grad_w[1], [[gradients[("W2", (0, k))] for k in range(2)]])
    and np.allclose(grad_b[0], delta1) and np.allclose(grad_b[1], [delta2]))

# %% One step of gradient descent, and the cost after it
new = params()
for (name, index), value in gradients.items():
    new[name][index] -= learning_rate * value
cost_after = forward_pass(new["W1"], new["b1"], new["W2"], new["b2"])["cost"]
a2_after = forward_pass(new["W1"], new["b1"], new["W2"], new["b2"])["a2"]


def parameter(name: str, index: tuple) -> str:
    """The TeX name of one weight or bias: w^2_{11}, b^1_2, ..."""
    letter, layer = ("w", name[1]) if name.startswith("W") else ("b", name[1])
    subscript = "".join(str(i + 1) for i in index) if letter == "w" else str(index[0] + 1)
    return f"{letter}^{layer}_{{{subscript}}}"


step_rows = [[f"${parameter(name, index)}$", f"{params()[name][index]:.4f}",
              f"{-learning_rate * value:+.4f}", f"{new[name][index]:.4f}"]
             for (name, index), value in gradients.items()]
step_table = markdown_table(["parameter", "before", "$-\\eta \\times$ gradient", "after"],
                            step_rows, align="lrrr")
print(forward_tex, cost_tex, delta_tex, gradient_table, step_table, sep="\n\n")
print(f"\ncost {cost_before:.4f} -> {cost_after:.4f}; matches network.py: {matches_network_py}")
