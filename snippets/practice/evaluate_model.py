"""Look closer at how a trained model does on the test images.

The functions behind the evaluation on the "Practice: MNIST" page
(``plot_evaluation.py`` uses them and draws the figures):

- the chance levels to compare an accuracy with;
- the confusion matrix: how often each digit was read as each other digit;
- precision and recall for every digit, as a Markdown table;
- the test images the model got wrong while being most sure of itself.
"""

# %% Imports, and the model: the last row of the comparison, every change included
# --8<-- [start:model]
import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
from sklearn.neural_network import MLPClassifier

import mnist
from compare_models import configurations, pixels, train
from tables import markdown_table

DIGITS = np.arange(10)


def train_final(data: mnist.Arrays) -> tuple[MLPClassifier, np.ndarray]:
    """Train the comparison's last configuration; return it and its test-image probabilities.

    Row i, column d of the probabilities is how likely the model thinks it is
    that test image i shows digit d; every row adds up to 1.
    """
    _, settings = configurations()[-1]
    training_images, training_labels, test_images, _ = data
    model = train(settings, training_images, training_labels)
    return model, model.predict_proba(pixels(test_images, settings))


# --8<-- [end:model]


# %% Chance, confusion, precision and recall
# --8<-- [start:measures]
def chance_levels(labels: np.ndarray) -> tuple[float, int, float]:
    """Accuracy of a random guess, the commonest digit, and accuracy of always guessing it."""
    counts = np.bincount(labels, minlength=10)
    return 1 / 10, int(counts.argmax()), float(counts.max() / counts.sum())


def confusion(labels: np.ndarray, predicted: np.ndarray) -> np.ndarray:
    """counts[i, j]: how many test images of digit i the model called j."""
    return confusion_matrix(labels, predicted, labels=DIGITS)


def top_confusions(counts: np.ndarray, n: int = 3) -> list[tuple[int, int, int]]:
    """The n commonest mistakes as (true digit, predicted digit, count)."""
    mistakes = counts.copy()
    np.fill_diagonal(mistakes, 0)
    order = np.argsort(mistakes, axis=None, kind="stable")[::-1][:n]
    rows, columns = np.unravel_index(order, mistakes.shape)
    return [(int(i), int(j), int(mistakes[i, j])) for i, j in zip(rows, columns, strict=True)]


def precision_recall(labels: np.ndarray, predicted: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per digit: precision, recall and the number of test images of that digit."""
    precision, recall, _, support = precision_recall_fscore_support(
        labels, predicted, labels=DIGITS, zero_division=0)
    return precision, recall, support


def per_digit_table(labels: np.ndarray, predicted: np.ndarray) -> str:
    """Precision and recall of every digit as a Markdown table."""
    precision, recall, support = precision_recall(labels, predicted)
    return markdown_table(["Digit", "Test images", "Precision", "Recall"],
                          [[digit, f"{support[digit]:,}", f"{precision[digit]:.1%}",
                            f"{recall[digit]:.1%}"] for digit in DIGITS])


# --8<-- [end:measures]


# %% The most confident mistakes
# --8<-- [start:mistakes]
def confident_mistakes(probabilities: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    """Indices of up to `count` wrongly classified images, the most confident mistake first."""
    predicted = probabilities.argmax(axis=1)
    wrong = np.flatnonzero(predicted != labels)
    confidence = probabilities[wrong, predicted[wrong]]
    return wrong[np.argsort(-confidence, kind="stable")][:count]


# --8<-- [end:mistakes]
