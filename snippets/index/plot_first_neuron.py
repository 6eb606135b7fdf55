"""How one neuron's output changes with its input, for three weights.

The neuron computes a = sigmoid(w x + b) with b = 0. A larger weight makes
the step from 0 to 1 sharper; a negative weight flips it.
"""

# %%
import matplotlib.pyplot as plt
import numpy as np

from first_neuron import sigmoid

x = np.linspace(-6, 6, 241)
fig, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
for weight in (0.5, 1.0, 3.0, -1.0):
    ax.plot(x, sigmoid(weight * x), label=f"w = {weight:g}")
ax.set_xlabel("input x")
ax.set_ylabel("output a = σ(w x)")
ax.set_ylim(-0.05, 1.05)
ax.grid(alpha=0.3)
ax.legend(loc="center right")
plt.show()
