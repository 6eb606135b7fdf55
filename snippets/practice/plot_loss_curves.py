"""Train every model of the comparison, print the results table and draw the loss curves.

The training loss is the average cross-entropy over the training images: how
surprised the network is by the right answers. Lower is better. One curve per
row of the table, one point per epoch (one pass over the training images).

What to look for: the workshop's curve (raw pixels, sgd, logistic) falls
slowly; scaling the pixels and the adam solver make later curves drop much
faster; with early stopping the curves end after a few dozen epochs, when the
score on the held-out validation images stops improving.
"""

# %% Train and score every configuration (this is the slow part)
import matplotlib.pyplot as plt

import mnist
from compare_models import Run, compare, results_table

data = mnist.load()
n_training = len(data[0])
runs = compare(data)
table = results_table(runs)
print(table)

# %% Numbers quoted on the page
best = max(runs, key=lambda result: result.accuracy)
best_name, best_accuracy, best_step = best.name, best.accuracy, runs.index(best) + 1
total_seconds = sum(result.seconds for result in runs)
workshop, scaled, adam, relu, early, wide = runs  # one name per row of the table
workshop_accuracy, scaled_accuracy, adam_accuracy = (r.accuracy for r in (workshop, scaled, adam))
relu_accuracy, early_accuracy, wide_accuracy = (r.accuracy for r in (relu, early, wide))
relu_epochs, early_epochs, wide_epochs = relu.epochs, early.epochs, wide.epochs
relu_seconds, early_seconds, wide_seconds = relu.seconds, early.seconds, wide.seconds


# %% Draw the loss curves
def draw_loss_curves(runs: list[Run]) -> plt.Figure:
    """Training loss against epoch for every run, on a logarithmic loss axis."""
    # Colour-blind-safe colours (Okabe and Ito), with a line style each as well.
    colours = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7"]
    styles = ["-", "--", "-.", ":", "-", "--"]
    fig, ax = plt.subplots(figsize=(8, 5))
    for number, (result, colour, style) in enumerate(zip(runs, colours, styles, strict=True), 1):
        losses = result.model.loss_curve_
        ax.plot(range(1, len(losses) + 1), losses, color=colour, linestyle=style,
                linewidth=2, label=f"{number}. {result.name} ({result.accuracy:.1%})")
    ax.set(yscale="log", xlabel="epoch", ylabel="training loss (log scale)",
           title="Training loss of each step of the comparison")
    ax.set_ylim(bottom=min(min(result.model.loss_curve_) for result in runs) / 5)  # legend room
    ax.grid(alpha=0.3, which="both")
    ax.legend(title="step (test accuracy)", loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig


draw_loss_curves(runs)
plt.show()
