"""A small fully connected network: circles for neurons, lines for weights.

Three inputs, two hidden layers of four neurons and two outputs. Every neuron
is joined to every neuron in the next layer. One neuron, the j-th of layer L,
is picked out with the connections that feed it, to match the equation on
the Theory page.
What to look for: each line is one weight, so even this tiny network has
dozens of numbers to learn.
"""

# %% Where each neuron goes, and how many weights and biases there are
from itertools import pairwise

import matplotlib.pyplot as plt
from matplotlib.patches import Circle

layer_sizes = (3, 4, 4, 2)
layer_names = ("input layer", "hidden layer", "hidden layer", "output layer")
number_of_weights = sum(a * b for a, b in pairwise(layer_sizes))
number_of_biases = sum(layer_sizes[1:])
highlighted_layer, highlighted_neuron = 2, 1  # layer L, neuron j (counting from 0)


def positions(size: int, column: int) -> list[tuple[float, float]]:
    """Centres of a column of `size` neurons, spaced 1 apart around height 0."""
    return [(2.2 * column, (size - 1) / 2 - row) for row in range(size)]


columns = [positions(size, column) for column, size in enumerate(layer_sizes)]
target = columns[highlighted_layer][highlighted_neuron]

# %% Draw connections first, then the neurons on top of them
fig, ax = plt.subplots(figsize=(7.5, 4.6))
for left, right in pairwise(columns):
    for start in left:
        for end in right:
            feeds_target = end == target and right is columns[highlighted_layer]
            ax.plot(*zip(start, end, strict=True), zorder=1,
                    color="#D55E00" if feeds_target else "#BBBBBB",
                    linewidth=2.2 if feeds_target else 0.8)
for column, centres in enumerate(columns):
    for centre in centres:
        colour = "#D55E00" if centre == target and column == highlighted_layer else "#0072B2"
        ax.add_patch(Circle(centre, 0.28, facecolor="white", edgecolor=colour,
                            linewidth=2, zorder=2))
    ax.text(centres[0][0], 2.3, layer_names[column], ha="center", fontsize=10)

# %% Labels matching the equation for the highlighted neuron
ax.text(target[0] + 0.38, target[1] + 0.1, "$a^L_j$", fontsize=13, color="#D55E00")
ax.text(target[0] + 0.38, target[1] - 0.4, "bias $b^L_j$", fontsize=10, color="#D55E00")
ax.text(columns[1][0][0] - 0.2, columns[1][0][1] + 0.35, "$a^{L-1}_k$", fontsize=12, ha="right")
ax.text(3.3, 1.0, "$w^L_{jk}$", fontsize=12, color="#D55E00", ha="center", va="center",
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1}, zorder=3)
for column, name in ((highlighted_layer - 1, "layer $L-1$"), (highlighted_layer, "layer $L$")):
    ax.text(2.2 * column, -2.4, name, ha="center", fontsize=10)
ax.set(xlim=(-0.8, 7.6), ylim=(-2.7, 2.7), aspect="equal")
ax.axis("off")
ax.set_title(f"A fully connected network with layers of {', '.join(map(str, layer_sizes))} neurons")
fig.tight_layout()
plt.show()
