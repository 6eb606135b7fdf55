"""Train every model of the comparison, print the results table and draw the loss curves.

The training loss is the average cross-entropy over the training images: how
surprised the network is by the right answers. Lower is better. One curve per
row of the table, one point per epoch (one pass over the training images).

What to look for: the two sgd curves (raw pixels, then scaled ones) fall
slowly, the scaled one more slowly still, though its model reads more test
digits correctly; the adam solver and then ReLU make the curves drop much
faster; with early stopping the curves end after a few dozen epochs, when the
score on the held-out validation images stops improving.
"""

# %% Train and score every configuration (this is the slow part)
import matplotlib.pyplot as plt

import mnist
from compare_models import Run, compare, pixels, results_table

data = mnist.load()
runs = compare(data)
table = results_table(runs)
print(table)
best = max(runs, key=lambda result: result.accuracy)
print(f"\nmost accurate: step {runs.index(best) + 1}, {best.name} ({best.accuracy:.1%})")

# %% How many of the images it trained on the wide network reads correctly
wide = runs[-1]
wide_training_accuracy = wide.model.score(pixels(data[0], wide.settings), data[1])
print(f"the wide network on its own training images: {wide_training_accuracy:.1%}")


# %% Draw the loss curves
def draw_loss_curves(runs: list[Run]) -> plt.Figure:
    """Training loss against epoch for every run, on a logarithmic loss axis."""
    # Colour-blind-safe colours (Okabe and Ito), with a line style each as well.
    colours = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7"]
    styles = ["-", "--", "-.", ":", "-", "--"]
    fig, ax = plt.subplots(figsize=(8, 5))
    for number, (result, colour, style) in enumerate(zip(runs, colours, styles, strict=True), 1):
        ax.plot(range(1, result.epochs + 1), result.loss_curve, color=colour, linestyle=style,
                linewidth=2, label=f"{number}. {result.name} ({result.accuracy:.1%})")
    ax.set(yscale="log", xlabel="epoch", ylabel="training loss (log scale)",
           title="Training loss of each step of the comparison")
    ax.set_ylim(bottom=min(min(result.loss_curve) for result in runs) / 5)  # legend room
    ax.grid(alpha=0.3, which="both")
    ax.legend(title="step (test accuracy)", loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


draw_loss_curves(runs)
plt.show()
