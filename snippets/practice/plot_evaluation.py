"""Evaluate the comparison's final model on the test images, with two figures.

Prints the accuracy next to what guessing would score, and a table of
precision and recall per digit. Draws the confusion matrix ("confusion") and
the mistakes the model was most sure about ("mistakes").

What to look for: the mistakes are not spread evenly; a few pairs of digits
that share strokes (4 and 9, 3 and 5, 7 and 9, ...) account for many of them,
and several of the confident mistakes are digits a person might misread too.
"""

# %% Train the final model and classify every test image
import matplotlib.pyplot as plt
import numpy as np

import mnist
from evaluate_model import (
    chance_levels,
    confident_mistakes,
    confusion,
    per_digit_table,
    precision_recall,
    top_confusions,
    train_final,
)

data = mnist.load()
test_images, test_labels = data[2], data[3]
model, probabilities = train_final(data)
predicted = probabilities.argmax(axis=1)

# %% Accuracy against chance, and per-digit precision and recall
accuracy = float(np.mean(predicted == test_labels))
n_test, n_wrong = len(test_labels), int(np.sum(predicted != test_labels))
chance, commonest_digit, commonest_share = chance_levels(test_labels)
summary = (f"test accuracy: {accuracy:.1%} ({n_wrong:,} of {n_test:,} test images wrong)\n"
           f"guessing at random: {chance:.0%}; "
           f"always guessing {commonest_digit}: {commonest_share:.1%}")
per_digit = per_digit_table(test_labels, predicted)
print(summary)
print(per_digit)

counts = confusion(test_labels, predicted)
precision, recall, _ = precision_recall(test_labels, predicted)
worst_recall_digit, best_recall_digit = int(recall.argmin()), int(recall.argmax())
worst_recall, best_recall = float(recall.min()), float(recall.max())
(top_true, top_predicted, top_count), (second_true, second_predicted, second_count) = (
    top_confusions(counts, n=2))
# Digits that share strokes and differ in a detail a careless writer may skip
LOOK_ALIKES = ((4, 9), (3, 5), (3, 8), (5, 8), (7, 9), (2, 7), (8, 9), (5, 6), (1, 7))
top_two_look_alike = {frozenset(pair) for pair in ((top_true, top_predicted),
                                                   (second_true, second_predicted))} <= {
    frozenset(pair) for pair in LOOK_ALIKES}

# %% The mistakes it was surest about, and how sure it was of them
ROWS, COLUMNS = 4, 6  # the gallery's layout
surest_mistakes = confident_mistakes(probabilities, test_labels, count=ROWS * COLUMNS)
surest_confidences = probabilities[surest_mistakes, predicted[surest_mistakes]]
print(f"its {len(surest_mistakes)} surest mistakes: {surest_confidences.min():.1%} to "
      f"{surest_confidences.max():.1%} sure")

# %% Answers given with a probability above SURE: how sure on average, how often right
SURE = 0.95
answer_probability = probabilities.max(axis=1)  # how sure of each answer it gave
is_sure = answer_probability > SURE
n_sure = int(is_sure.sum())
sure_mean = float(answer_probability[is_sure].mean())
sure_right = float(np.mean(predicted[is_sure] == test_labels[is_sure]))
sure_wrong_ratio = (1 - sure_right) / (1 - sure_mean)  # wrong how many times as often as claimed
print(f"{n_sure:,} answers above {SURE:.0%}: {sure_mean:.2%} sure on average, "
      f"{sure_right:.2%} right")


# %% Figure: the confusion matrix
def draw_confusion(counts: np.ndarray) -> plt.Figure:
    """Counts of (true digit, predicted digit); mistakes shaded orange, hits grey."""
    fig, ax = plt.subplots(figsize=(6.4, 5.6), num="confusion")
    off_diagonal = np.ma.masked_where(np.eye(10, dtype=bool), counts)
    image = ax.imshow(off_diagonal, cmap="Oranges", vmin=0)
    ax.imshow(np.ma.masked_where(~np.eye(10, dtype=bool), counts), cmap="Greys",
              vmin=0, vmax=3 * counts.max())
    for (row, column), count in np.ndenumerate(counts):
        dark = row != column and count > 0.6 * off_diagonal.max()
        ax.text(column, row, f"{count}", ha="center", va="center", fontsize=8,
                color="white" if dark else "black")
    ax.set(xticks=range(10), yticks=range(10), xlabel="predicted digit", ylabel="true digit",
           title="Confusion matrix on the test images")
    fig.colorbar(image, ax=ax, label="number of mistakes", shrink=0.8)
    fig.tight_layout()
    return fig


# %% Figure: the most confident mistakes
def draw_mistakes(indices: np.ndarray, rows: int = ROWS, columns: int = COLUMNS) -> plt.Figure:
    """Each wrongly classified image with its true label, the guess and the confidence."""
    fig, axes = plt.subplots(rows, columns, figsize=(1.1 * columns, 1.45 * rows), num="mistakes")
    for ax in axes.flat:
        ax.set_axis_off()
    for ax, index in zip(axes.flat, indices, strict=False):
        guess = predicted[index]
        ax.imshow(test_images[index].reshape(28, 28), cmap="gray", vmin=0, vmax=255,
                  interpolation="none")  # the pixels as they are, not smoothed
        confidence = probabilities[index, guess]
        sure = ">99.9%" if confidence > 0.999 else f"{confidence:.1%}"
        ax.set_title(f"true {test_labels[index]}, said {guess}\n{sure} sure", fontsize=9)
    fig.suptitle("The mistakes the model was most confident about")
    fig.tight_layout()
    return fig


draw_confusion(counts)
draw_mistakes(surest_mistakes)
plt.show()
