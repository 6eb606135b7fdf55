"""A fair way to try your own settings: judge them on validation images, never on test images.

Splits the training images into a part to train on and a validation part
(a tenth of them, with the same share of every digit), trains SETTINGS on the
first part and prints the accuracy on the second. As given, SETTINGS are the
comparison's last row, so the printed accuracy is the one to beat.

Change one thing in SETTINGS, run again, keep the change if the validation
accuracy goes up. Only when you have settled on your final settings do you
score them on the test images, once.
"""

# %% Imports
import math

from sklearn.model_selection import train_test_split

import mnist
from compare_models import configurations, pixels, train

# %% Your settings: the comparison's last row, to start from
_, SETTINGS = configurations()[-1]
# Try a change, one at a time, for example:
# SETTINGS = {**SETTINGS, "alpha": 0.001}

# %% Carve a validation set out of the training images; the test images stay unused
training_images, training_labels, _, _ = mnist.load()
fit_images, validation_images, fit_labels, validation_labels = train_test_split(
    training_images, training_labels, test_size=0.1, stratify=training_labels, random_state=0)
n_fit, n_validation = len(fit_labels), len(validation_labels)

# %% Train on the rest and score on the validation images
model = train(SETTINGS, fit_images, fit_labels)
validation_accuracy = model.score(pixels(validation_images, SETTINGS), validation_labels)
# With early_stopping, MLPClassifier itself holds back a share of them to decide when to stop.
stops_early = model.early_stopping and model.solver != "lbfgs"  # lbfgs ignores early_stopping
n_stopping = math.ceil(model.validation_fraction * n_fit) if stops_early else 0
held_back = f" (and held back {n_stopping:,} to decide when to stop)" if n_stopping else ""
print(f"trained on {n_fit - n_stopping:,} images for {model.n_iter_} epochs{held_back}")
print(f"validation accuracy: {validation_accuracy:.1%} on {n_validation:,} images")
