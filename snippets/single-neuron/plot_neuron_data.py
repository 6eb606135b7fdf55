"""The ten points, the least-squares line, and the line gradient descent learns.

What to look for: after 100 steps with learning rate 0.01 the neuron's line
lies on top of the least-squares line; the two methods agree.
"""

# %% Compute both lines
import matplotlib.pyplot as plt
import numpy as np

from single_neuron import START_B, START_W, X, Y, gradient_descent, least_squares

w_fit, b_fit = least_squares()
w_learned, b_learned, _ = gradient_descent(START_W, START_B, 0.01, 100)[-1]
x_line = np.linspace(-4.5, 5.5, 2)

# %% Draw them
fig, ax = plt.subplots(figsize=(6.4, 4.4))
ax.scatter(X, Y, color="black", zorder=3, label="training points")
ax.plot(x_line, b_fit + w_fit * x_line, color="#0072B2", linewidth=4, alpha=0.6,
        label=f"least squares: $y = {b_fit:.4f} {w_fit:+.4f}\\,x$")
ax.plot(x_line, b_learned + w_learned * x_line, color="#D55E00", linestyle="--",
        label=f"gradient descent, 100 steps: $a(x) = {b_learned:.4f} {w_learned:+.4f}\\,x$")
ax.set_xlabel("input $x$")
ax.set_ylabel("output $y$")
ax.set_title("A single neuron fitted to the training points")
ax.grid(alpha=0.3)
ax.legend(loc="lower left")
fig.tight_layout()
plt.show()
