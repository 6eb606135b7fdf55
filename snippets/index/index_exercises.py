"""The answers to the Home page's exercises, computed.

A layer of two neurons as one matrix product, the first neuron's weighted sum
term by term, and where the bias moves the sigmoid's step.

What to look for: a layer is just several neurons sharing the same inputs, so
one matrix product computes all their weighted sums at once.
"""

# %% Exercise 2: a layer of two neurons, one matrix product
# --8<-- [start:layer]
import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function 1 / (1 + e^-z): maps any number into (0, 1)."""
    return 1.0 / (1.0 + np.exp(-z))


inputs = np.array([0.5, -1.0, 2.0])
weights = np.array([[0.8, 0.2, -0.5],    # row 1: the first neuron's weights
                    [-0.4, -0.6, 0.5]])  # row 2: the second neuron's
biases = np.array([0.1, 0.0])

weighted_sums = weights @ inputs + biases  # one z per neuron, in one product
outputs = sigmoid(weighted_sums)
for neuron, (z, a) in enumerate(zip(weighted_sums, outputs, strict=True), start=1):
    print(f"neuron {neuron}: weighted sum z = {z:.3f}, output a = {a:.3f}")
# --8<-- [end:layer]
layer_z = weighted_sums.tolist()
layer_a = outputs.tolist()

# %% Exercise 1: the first neuron by hand, and the input that gives exactly one half
bias = float(biases[0])
terms = (weights[0] * inputs).tolist()  # w_k x_k, one per input
hand_z = float(bias + sum(terms))
hand_a = float(sigmoid(hand_z))
# a = 1/2 exactly when z = 0: solve b + w_1 x_1 + w_2 x_2 + w_3 x_3 = 0 for x_3
half_x3 = float(-(bias + terms[0] + terms[1]) / weights[0][2])
first_matches = bool(np.isclose(layer_z[0], hand_z))

# %% Exercise 3: the bias moves the step sideways: a = 1/2 where w x + b = 0
step_w, step_b = 3.0, -6.0
step_x = -step_b / step_w
step_a = float(sigmoid(step_w * step_x + step_b))
steepness = step_w / 4  # the slope at the middle of the step: sigma'(0) w = w / 4
