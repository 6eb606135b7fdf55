"""Ask a neural network which digit is in a picture: python classify_image.py PATH

Prepares the picture the way MNIST's digits were prepared (prepare_digit.py),
trains a network with the settings of the comparison's last row
(compare_models.py) but one layer of 256 neurons and a fixed 15 epochs, on the
training images plus two shifted and turned copies of them
(augment_digits.py; same seed, so the same network every time), and prints its
guess and its three most likely digits. The network reads every digit, its
training images and yours, with its strokes evened and straightened first
(even_strokes.py, straighten_digits.py).

A file it cannot use (not an image, empty, blank, enormous) gets a one-line
error naming the file and the problem, and exit status 2. Training messages go
to standard error, so standard output holds only the answer.
"""

# %% Imports
import sys

import numpy as np
from sklearn.neural_network import MLPClassifier

import mnist
from augment_digits import COPIES, with_copies
from compare_models import configurations, pixels, train
from even_strokes import as_networks_read
from prepare_digit import ImageProblem, open_image, prepare

# %% Train the network and classify one prepared digit
# --8<-- [start:classify]
CHANGES = {"hidden_layer_sizes": (256,), "early_stopping": False, "max_iter": 15}


def train_best() -> tuple[MLPClassifier, dict]:
    """Train on MNIST plus changed copies of it; return the network and its settings."""
    _, settings = configurations()[-1]
    settings = {**settings, **CHANGES}  # one layer and fixed epochs: quicker on the copies
    images, labels, _, _ = mnist.load()
    copies = COPIES * len(images)
    print(f"training on {len(images):,} MNIST images and {copies:,} changed copies...",
          file=sys.stderr)
    images, labels = with_copies(images, labels)
    model = train(settings, as_networks_read(images), labels)
    return model, settings


def network_input(digits: np.ndarray, settings: dict) -> np.ndarray:
    """What the network reads: the prepared digits evened and straightened, scaled as set."""
    return pixels(as_networks_read(digits), settings)


def probabilities(model: MLPClassifier, settings: dict, digit: np.ndarray) -> np.ndarray:
    """How likely the model finds each digit 0-9 for one prepared (784,) digit."""
    return model.predict_proba(network_input(digit[np.newaxis], settings))[0]


def report(name: str, chances: np.ndarray, top: int = 3) -> str:
    """The guess, then the `top` most likely digits with their probabilities."""
    ranked = np.argsort(chances)[::-1][:top]
    lines = [f"{name} looks like a {ranked[0]}"]
    lines += [f"  {digit}: {chances[digit]:6.1%}" for digit in ranked]
    return "\n".join(lines)


# --8<-- [end:classify]


# %% Command line: check the image first, then train and answer
# --8<-- [start:main]
def main(arguments: list[str]) -> int:
    if len(arguments) != 1:
        print("usage: python classify_image.py PATH", file=sys.stderr)
        return 2
    path = arguments[0]
    try:
        digit = prepare(open_image(path))
    except ImageProblem as problem:
        print(f"classify_image.py: error: {path}: {problem}", file=sys.stderr)
        return 2
    model, settings = train_best()
    print(report(path, probabilities(model, settings, digit)))
    return 0


if __name__ == "__main__" and (status := main(sys.argv[1:])):
    sys.exit(status)  # only on failure: in a notebook, even sys.exit(0) shows as an error
# --8<-- [end:main]
