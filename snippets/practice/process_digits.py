"""Train the workshop's neural network on MNIST and measure it on the test images.

This is the workshop's model exactly: scikit-learn's MLPClassifier with two
hidden layers of 14 logistic (sigmoid) neurons, trained by stochastic gradient
descent (with scikit-learn's defaults for it: Nesterov momentum of 0.9 and a
small L2 penalty, alpha=1e-4) for at most 100 epochs, fed the raw pixel values
0-255. Only ``random_state`` is added, so every run starts from the same weights.

It prints why training stopped and how many test images it classifies
correctly; the result depends on the data and the seed only.
"""

# %% Load the digits
# --8<-- [start:load]
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits

import mnist

training_images, training_labels, test_images, test_labels = mnist.load()
n_training, n_test = len(training_images), len(test_images)
print(f"training on {n_training:,} images, testing on {n_test:,}")
# --8<-- [end:load]

# %% The workshop's network
# --8<-- [start:model]
# The same settings as WORKSHOP in compare_models.py, written out here so that this
# file runs on its own.
model = MLPClassifier(
    solver="sgd",
    activation="logistic",
    hidden_layer_sizes=(14, 14),
    learning_rate="constant",
    learning_rate_init=0.01,
    max_iter=100,
    random_state=0,
)
# --8<-- [end:model]

# %% Train it
# --8<-- [start:train]
# One processor core for the arithmetic, so the number of cores cannot change the result.
with warnings.catch_warnings(), threadpool_limits(limits=1):
    # We report a training run that hits max_iter ourselves, below.
    warnings.simplefilter("ignore", ConvergenceWarning)
    model.fit(training_images, training_labels)

epochs = model.n_iter_
hit_limit = epochs == model.max_iter
if hit_limit:
    stop_reason = f"it reached max_iter={model.max_iter} before the loss settled"
else:
    # scikit-learn stops once the count of such epochs in a row passes n_iter_no_change.
    stop_reason = (f"its best loss had not improved by tol={model.tol} "
                   f"in {model.n_iter_no_change + 1} epochs")
print(f"training stopped after {epochs} epochs because {stop_reason}")
# --8<-- [end:train]

# %% Count the weights and biases it learned
n_parameters = sum(w.size for w in model.coefs_) + sum(b.size for b in model.intercepts_)

# %% Score it on the test images
# --8<-- [start:score]
accuracy = model.score(test_images, test_labels)
n_correct = round(accuracy * n_test)
print(f"test accuracy: {accuracy:.1%} ({n_correct:,} of {n_test:,} images correct)")
# --8<-- [end:score]
