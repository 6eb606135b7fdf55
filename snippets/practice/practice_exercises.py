"""The answers to the Practice page's exercises, computed.

Precision and recall by hand from a small confusion matrix, and how the
accuracy of the same model grows with the number of training images.

What to look for: every doubling of the training images raises the test
accuracy, but each doubling buys a little less than the one before.
"""

# %% Exercise 2: the same model on more and more training images
# --8<-- [start:curve]
import numpy as np

import mnist
from compare_models import configurations, pixels, train

training_images, training_labels, test_images, test_labels = mnist.load()
name, settings = configurations()[3]  # step 4 of the table: scaled, adam, ReLU
sizes = [250, 500, 1000, 2000]
accuracies = []
for n in sizes:
    model = train(settings, training_images[:n], training_labels[:n])
    accuracies.append(model.score(pixels(test_images, settings), test_labels))
    print(f"{n:5,} training images: test accuracy {accuracies[-1]:.1%}")
# --8<-- [end:curve]
gains = np.diff(accuracies).tolist()  # what each doubling added
gain_points = [100 * gain for gain in gains]  # the same, in percentage points

# %% Exercise 1: precision and recall by hand, for a reader of 3s, 5s and 8s only
from evaluate_model import precision_recall  # noqa: E402 (the block above is shown alone)

hand_digits = [3, 5, 8]
hand_counts = [[45, 3, 2],   # true 3s: called 3, 5, 8
               [6, 40, 4],   # true 5s
               [1, 2, 47]]   # true 8s
hand_total = sum(map(sum, hand_counts))
five = 1  # the row and column of digit 5
called_five = sum(row[five] for row in hand_counts)
are_five = sum(hand_counts[five])
right_five = hand_counts[five][five]
hand_precision, hand_recall = right_five / called_five, right_five / are_five
# The same with the page's own function, from one label and one answer per image
labels = np.repeat(np.repeat(hand_digits, 3), np.ravel(hand_counts))
answers = np.repeat(np.tile(hand_digits, 3), np.ravel(hand_counts))
precision, recall, _ = precision_recall(labels, answers)
function_agrees = bool(np.isclose(precision[5], hand_precision)
                       and np.isclose(recall[5], hand_recall))
