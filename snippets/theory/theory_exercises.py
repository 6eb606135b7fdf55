"""The answers to the Theory page's exercises, computed.

One neuron by hand, counting parameters, and why layers need an activation.

What to look for: two layers without an activation function compute exactly
what one layer computes, so stacking them adds nothing.
"""

# %% Exercise 1: one neuron by hand
import numpy as np

hand_x = np.array([1.0, 0.0, 2.0])
hand_w = np.array([2.0, -1.0, -0.5])
hand_b = -0.5
hand_z = float(hand_b + hand_w @ hand_x)
hand_a = float(1 / (1 + np.exp(-hand_z)))


# %% Exercise 2: counting weights and biases
# --8<-- [start:count]
def count_parameters(sizes: list[int]) -> int:
    """Weights (n_in * n_out per layer) plus biases (n_out per layer)."""
    return sum(sizes[i] * sizes[i + 1] + sizes[i + 1] for i in range(len(sizes) - 1))


print(count_parameters([784, 14, 14, 10]), count_parameters([784, 256, 10]))
# --8<-- [end:count]
workshop_parameters = count_parameters([784, 14, 14, 10])
scratch_parameters = count_parameters([784, 256, 10])

# %% Exercise 3: two layers without an activation are one layer
rng = np.random.default_rng(0)
W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
W2, b2 = rng.normal(size=(2, 4)), rng.normal(size=2)
x = rng.normal(size=3)
two_layers = W2 @ (W1 @ x + b1) + b2
one_layer = (W2 @ W1) @ x + (W2 @ b1 + b2)
linear_difference = float(np.max(np.abs(two_layers - one_layer)))
print(f"z = {hand_z:g}, a = {hand_a:.4f}; difference {linear_difference:.1e}")
