"""The sigmoid function, the neuron's "squashing" activation, and a few of its values.

What to look for: whatever number goes in, what comes out lies between 0 and
1. Around 0 the curve is nearly a straight line; far from 0 it flattens out,
so big inputs all give outputs close to 1 and very negative ones close to 0.
"""

# %% The function
import matplotlib.pyplot as plt

# --8<-- [start:sigmoid]
import numpy as np


# network.py and first_neuron.py define it too, so that each runs on its own, copied alone.
def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic sigmoid 1 / (1 + e^(-z)): squeezes any number into (0, 1)."""
    return 1.0 / (1.0 + np.exp(-z))
# --8<-- [end:sigmoid]


# %% A few values, as a table
from tables import markdown_table  # noqa: E402  (only this cell needs it)

sample_inputs = (-6, -2, -1, 0, 1, 2, 6)
sigmoid_table = markdown_table(["$z$", *sample_inputs],
                               [["$\\sigma(z)$", *(f"{sigmoid(z):.4f}" for z in sample_inputs)]],
                               align="l" + "r" * len(sample_inputs))
sigmoid_at_zero = sigmoid(0.0)
sigmoid_at_six = sigmoid(6.0)
sigmoid_at_minus_six = sigmoid(-6.0)
print(sigmoid_table)

# %% The curve
z = np.linspace(-8, 8, 321)
fig, ax = plt.subplots(figsize=(6.4, 3.6))
ax.plot(z, sigmoid(z), color="#0072B2", linewidth=2.5, label="$\\sigma(z) = 1/(1 + e^{-z})$")
for level in (0, 1):
    ax.axhline(level, color="grey", linestyle="--", linewidth=1)
ax.plot(0, 0.5, "o", color="#D55E00", label="$\\sigma(0) = 0.5$")
ax.set_xlabel("weighted input $z$")
ax.set_ylabel("output $\\sigma(z)$")
ax.set_ylim(-0.1, 1.1)
ax.set_title("The sigmoid squeezes every number into the range 0 to 1")
ax.grid(alpha=0.3)
ax.legend(loc="upper left")
fig.tight_layout()
plt.show()
