"""One artificial neuron, computed by hand with NumPy.

A neuron multiplies each input by a weight, adds a bias and squashes the sum
with the sigmoid function. Look at how the output stays between 0 and 1
however large the weighted sum gets.
"""

# %%
import numpy as np


# network.py and plot_sigmoid.py define it too, so that each runs on its own, copied alone.
def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function 1 / (1 + e^-z): maps any number into (0, 1)."""
    return 1.0 / (1.0 + np.exp(-z))


# --8<-- [start:neuron]
inputs = np.array([0.5, -1.0, 2.0])
weights = np.array([0.8, 0.2, -0.5])
bias = 0.1

weighted_sum = bias + weights @ inputs
output = sigmoid(weighted_sum)
print(f"weighted sum z = {weighted_sum:.3f}, output a = sigmoid(z) = {output:.3f}")
# --8<-- [end:neuron]
