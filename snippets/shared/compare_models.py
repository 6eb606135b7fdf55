"""Improve the workshop's network one change at a time, and measure every step.

Each row of the comparison keeps all the changes of the rows above it and adds
one more: scale the pixels to 0-1, switch the solver to adam, use ReLU, stop
early, widen the hidden layers. Every model trains on the same training images
with the same seed and is scored on the test images.

Run ``python compare_models.py`` to print the results as a Markdown table;
``plot_loss_curves.py`` imports these functions, prints the same table and
also draws each model's loss during training.

What to look for: which changes raise the accuracy, which mostly change how
many epochs training takes, and which runs stop at the ``max_iter`` limit
("(limit)" in the epochs column) instead of settling on their own.
"""

# %% Imports, the workshop's settings and the changes we try
# --8<-- [start:changes]
import warnings
from dataclasses import dataclass, field

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits

import mnist
from tables import markdown_table

SEED = 0  # the same starting weights and shuffling for every model
WORKSHOP = {
    "solver": "sgd",
    "activation": "logistic",
    "hidden_layer_sizes": (14, 14),
    "learning_rate": "constant",
    "learning_rate_init": 0.01,
    "max_iter": 100,
}
# One change per row; every row keeps the changes of the rows above it.
# "scale" is our own setting, not MLPClassifier's: divide the pixels by 255, as 32-bit floats.
CHANGES = [
    ("workshop model", {}),
    ("pixels scaled to 0-1", {"scale": True}),
    ("adam solver", {"solver": "adam", "learning_rate_init": 0.001}),
    ("ReLU activation", {"activation": "relu"}),
    ("early stopping", {"early_stopping": True}),
    ("wider layers", {"hidden_layer_sizes": (256, 128)}),
]


def configurations() -> list[tuple[str, dict]]:
    """Each row's name and full settings: the workshop's plus every change so far."""
    settings = {"scale": False, **WORKSHOP, "random_state": SEED}
    rows = []
    for name, change in CHANGES:
        settings = {**settings, **change}
        rows.append((name, settings))
    return rows


# --8<-- [end:changes]


# %% Training and scoring one model
# --8<-- [start:training]
@dataclass
class Run:
    """One trained model and what we measured about it."""

    name: str
    settings: dict
    model: MLPClassifier
    accuracy: float  # fraction of the test images classified correctly
    epochs: int = field(init=False)  # passes over the training images
    hit_limit: bool = field(init=False)  # stopped at max_iter (a ConvergenceWarning)
    loss_curve: list[float] = field(init=False)  # the training loss after every epoch
    weight_type: str = field(init=False)  # the weights' number type, as the input's

    def __post_init__(self) -> None:
        self.epochs = self.model.n_iter_
        self.hit_limit = self.epochs == self.model.max_iter
        self.loss_curve = list(self.model.loss_curve_)
        self.weight_type = str(self.model.coefs_[0].dtype)


def pixels(images: np.ndarray, settings: dict) -> np.ndarray:
    """The network's input: raw 0-255 values as the workshop gave them, or 0-1 if the
    settings scale them, in 32-bit floats (scikit-learn then trains in float32 too)."""
    if settings["scale"]:
        return images.astype(np.float32) / 255
    return images.astype(np.float64)


def train(settings: dict, images: np.ndarray, labels: np.ndarray) -> MLPClassifier:
    """Fit a new model with these settings."""
    model = MLPClassifier(**{key: value for key, value in settings.items() if key != "scale"})
    # One processor core, as in process_digits.py: the number of cores cannot change the result.
    with warnings.catch_warnings(), threadpool_limits(limits=1):
        # Reaching max_iter warns; Run.hit_limit records it instead.
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(pixels(images, settings), labels)


def run(name: str, settings: dict, data: mnist.Arrays) -> Run:
    """Train one configuration on the training images and score it on the test images."""
    training_images, training_labels, test_images, test_labels = data
    model = train(settings, training_images, training_labels)
    accuracy = model.score(pixels(test_images, settings), test_labels)
    return Run(name, settings, model, accuracy)


def compare(data: mnist.Arrays) -> list[Run]:
    """Train and score every configuration, in order."""
    return [run(name, settings, data) for name, settings in configurations()]


# --8<-- [end:training]


# %% The results as a Markdown table
# --8<-- [start:table]
def describe(change: dict) -> str:
    """A change as the code that makes it, e.g. `activation="relu"`."""
    if not change:
        return "the workshop's settings"
    return ", ".join("`images.astype(np.float32) / 255`" if key == "scale" else f"`{key}={value!r}`"
                     for key, value in change.items()).replace("'", '"')


def results_table(runs: list[Run]) -> str:
    """One row per run: what changed, test accuracy and epochs of training."""
    changes = dict(CHANGES)
    rows = [[number, result.name, describe(changes[result.name]), f"{result.accuracy:.1%}",
             f"{result.epochs} (limit)" if result.hit_limit else result.epochs]
            for number, result in enumerate(runs, start=1)]
    return markdown_table(["Step", "Change", "In code", "Test accuracy", "Epochs"], rows,
                          align="rllrr")


# --8<-- [end:table]

# %% Run the comparison
if __name__ == "__main__":
    runs = compare(mnist.load())
    table = results_table(runs)
    print(table)
