"""Train network.py's default network on MNIST and draw its learning curves.

Left: the mean cross-entropy cost on the training images and on the test
images after every epoch. Right: the accuracy on the test images.

What to look for: the training cost keeps falling, while the test cost
levels off after a few epochs and the gap between them widens: the network
is learning details of its own training images that do not carry over to
new ones. The test accuracy rises quickly at first and then flattens out.
"""

# %% Train, measuring after every epoch (the slow part: a few seconds)
import matplotlib.pyplot as plt
from matplotlib import ticker

from training_history import History, load_scaled, train_with_history

data = load_scaled()
n_training, n_test = len(data[0]), len(data[2])
history = train_with_history(data)
print(
    f"trained on {n_training} images for {len(history.epochs)} epochs: "
    f"test accuracy {history.test_accuracy[-1]:.4f}, test loss {history.test_loss[-1]:.4f}, "
    f"training loss {history.train_loss[-1]:.4f}"
)

# %% When did the test images stop gaining from more training?
lowest_test_loss = min(history.test_loss)
lowest_test_loss_epoch = history.epochs[history.test_loss.index(lowest_test_loss)]
SETTLED_WITHIN = 0.02  # "levelled off": never again more than 2% above its lowest value
settled_epoch = next(epoch for i, epoch in enumerate(history.epochs)
                     if max(history.test_loss[i:]) <= (1 + SETTLED_WITHIN) * lowest_test_loss)
later_training_fall = 1 - history.train_loss[-1] / history.train_loss[settled_epoch - 1]
later_test_fall = 1 - history.test_loss[-1] / history.test_loss[settled_epoch - 1]
print(f"test loss within {SETTLED_WITHIN:.0%} of its lowest from epoch {settled_epoch} on; "
      f"after that the training loss falls by {later_training_fall:.0%}, "
      f"the test loss by {later_test_fall:.1%}")
print(f"lowest test loss {lowest_test_loss:.4f}, after epoch {lowest_test_loss_epoch}")


# %% Draw both panels
def draw_training_curves(history: History) -> plt.Figure:
    """Loss per epoch (training and test) on the left, test accuracy on the right."""
    fig, (loss_ax, accuracy_ax) = plt.subplots(1, 2, figsize=(10, 4))
    loss_ax.plot(history.epochs, history.train_loss, "o-", color="#0072B2", label="training images")
    loss_ax.plot(history.epochs, history.test_loss, "s--", color="#D55E00", label="test images")
    loss_ax.set(
        xlabel="epoch",
        ylabel="mean cross-entropy (log scale)",
        yscale="log",
        title="Cost after each epoch",
    )
    loss_ax.yaxis.set_major_locator(ticker.LogLocator(subs=(1, 2, 5)))  # 0.01, 0.02, 0.05, ...
    loss_ax.yaxis.set_major_formatter(ticker.FormatStrFormatter("%g"))
    loss_ax.yaxis.set_minor_formatter(ticker.NullFormatter())
    loss_ax.legend()
    accuracy_ax.plot(history.epochs, history.test_accuracy, "s--", color="#D55E00")
    accuracy_ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:.0%}"))
    accuracy_ax.set(xlabel="epoch", ylabel="test accuracy", title="Accuracy on the test images")
    for ax in (loss_ax, accuracy_ax):
        ax.grid(alpha=0.3, which="both")
        ax.set_xticks(history.epochs[::2])
    fig.tight_layout()
    return fig


draw_training_curves(history)
plt.show()
