"""The paths gradient descent takes across the cost surface, for three learning rates.

Each panel is a map of the cost C(w, b): every contour line joins the (w, b)
pairs with the same cost, and the star marks the lowest point, the
least-squares answer. The dots are the (w, b) after each step, starting at
w = 1, b = 1.
What to look for: with 0.001 the path slides smoothly into the valley and then
crawls along it; with 0.01 it zig-zags across the valley, each swing across it
smaller than the last; with 0.1 the first step already overshoots off the map.
"""

# %% The cost at every point of a grid of (w, b) pairs, and the three paths
import matplotlib.pyplot as plt
import numpy as np

from single_neuron import LEARNING_RATES, START_B, START_W, cost, gradient_descent, least_squares

w_limits, b_limits = (-2.5, 2), (-0.5, 4)
w_grid, b_grid = np.meshgrid(np.linspace(*w_limits, 181), np.linspace(*b_limits, 181))
cost_grid = np.vectorize(cost)(w_grid, b_grid)
w_best, b_best = least_squares()
paths = {rate: np.array(gradient_descent(START_W, START_B, rate, 100)) for rate in LEARNING_RATES}


def path_on_map(path: np.ndarray) -> np.ndarray:
    """The (w, b) path up to and including its first point outside the map."""
    w, b = path[:, 0], path[:, 1]
    outside = np.flatnonzero((w < w_limits[0]) | (w > w_limits[1])
                             | (b < b_limits[0]) | (b > b_limits[1]))
    return path[: outside[0] + 1] if outside.size else path


# %% One map per learning rate, all on the same axes limits
levels = [1.25, 2, 4, 8, 16, 32, 64, 128, 256, 512]
colours = {0.001: "#0072B2", 0.01: "#009E73", 0.1: "#D55E00"}
fig, axes = plt.subplots(1, 3, figsize=(11, 4), sharex=True, sharey=True)
for ax, rate in zip(axes, LEARNING_RATES, strict=True):
    contours = ax.contour(w_grid, b_grid, cost_grid, levels=levels, colors="grey",
                          linewidths=0.8)
    ax.clabel(contours, fontsize=7, fmt="%g")
    shown = path_on_map(paths[rate])
    ax.plot(shown[:, 0], shown[:, 1], "o-", color=colours[rate], markersize=3, linewidth=1)
    ax.plot(w_best, b_best, "*", color="black", markersize=12, label="least squares")
    ax.plot(START_W, START_B, "s", color="black", markersize=6, label="start")
    ax.set(xlim=w_limits, ylim=b_limits, title=f"learning rate $\\mu = {rate}$", xlabel="$w$")
axes[0].set_ylabel("$b$")
axes[0].legend(loc="lower left")
axes[2].annotate(f"step 1 lands at\n$w = {paths[0.1][1, 0]:.2f}$,\nfar off the map",
                 xy=(-2.5, 0.93), xytext=(-1.6, -0.2), color=colours[0.1],
                 arrowprops={"arrowstyle": "->", "color": colours[0.1]})
fig.tight_layout()
plt.show()
