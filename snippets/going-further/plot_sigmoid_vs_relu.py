"""Train network.py's network twice, with sigmoid and with ReLU hidden neurons, and compare.

Everything else is the same: the layer sizes, the softmax output with
cross-entropy, the initial random numbers (the seed), the learning rate,
momentum and number of epochs. Left: the mean cost on the training images
after each epoch. Right: the accuracy on the test images.

What to look for: with ReLU the training cost falls faster and the test
accuracy climbs sooner. A sigmoid neuron's slope sigma'(z) is at most 0.25
and nearly zero when it is saturated, so the error signal shrinks on its way
back through it; a ReLU neuron passes it on unchanged whenever it is active.
"""

# %% Train one network with each hidden activation (a few seconds each)
import matplotlib.pyplot as plt
from matplotlib import ticker

from training_history import History, load_scaled, train_with_history

data = load_scaled()
n_training = len(data[0])
histories = {name: train_with_history(data, name) for name in ("sigmoid", "relu")}
sigmoid, relu = histories["sigmoid"], histories["relu"]

# %% Numbers quoted on the page
epochs = len(relu.epochs)
sigmoid_accuracy, relu_accuracy = sigmoid.test_accuracy[-1], relu.test_accuracy[-1]
sigmoid_first_accuracy, relu_first_accuracy = sigmoid.test_accuracy[0], relu.test_accuracy[0]
sigmoid_train_loss, relu_train_loss = sigmoid.train_loss[-1], relu.train_loss[-1]
# The first epoch after which ReLU was already as accurate as sigmoid at the very end
relu_catch_up_epoch = next(
    epoch
    for epoch, accuracy in zip(relu.epochs, relu.test_accuracy, strict=True)
    if accuracy >= sigmoid_accuracy
)
for history in (sigmoid, relu):
    print(
        f"{history.activation:7}: test accuracy after epoch 1 {history.test_accuracy[0]:.4f}, "
        f"after epoch {epochs} {history.test_accuracy[-1]:.4f}; "
        f"final training loss {history.train_loss[-1]:.4f}"
    )


# %% Draw both panels
def draw_comparison(histories: dict[str, History]) -> plt.Figure:
    """Training loss (log scale) and test accuracy per epoch, one line per activation."""
    styles = {"sigmoid": ("o-", "#E69F00"), "relu": ("s--", "#0072B2")}
    fig, (loss_ax, accuracy_ax) = plt.subplots(1, 2, figsize=(10, 4))
    for name, history in histories.items():
        marker, colour = styles[name]
        loss_ax.plot(history.epochs, history.train_loss, marker, color=colour, label=name)
        accuracy_ax.plot(history.epochs, history.test_accuracy, marker, color=colour, label=name)
    loss_ax.set(
        xlabel="epoch",
        ylabel="mean cross-entropy (log scale)",
        yscale="log",
        title="Cost on the training images",
    )
    loss_ax.yaxis.set_major_locator(ticker.LogLocator(subs=(1, 2, 5)))
    loss_ax.yaxis.set_major_formatter(ticker.FormatStrFormatter("%g"))
    loss_ax.yaxis.set_minor_formatter(ticker.NullFormatter())
    accuracy_ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:.0%}"))
    accuracy_ax.set(xlabel="epoch", ylabel="test accuracy", title="Accuracy on the test images")
    for ax in (loss_ax, accuracy_ax):
        ax.grid(alpha=0.3, which="both")
        ax.set_xticks(history.epochs[::2])
        ax.legend(title="hidden neurons")
    fig.tight_layout()
    return fig


draw_comparison(histories)
plt.show()
