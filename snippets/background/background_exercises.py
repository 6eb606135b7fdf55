"""The answers to the Background page's exercises, computed.

How many different small grey images there are, and a hand-written rule
against a model fitted to examples, on pairs of MNIST digits.

What to look for: the rule "a 1 uses less ink than a 0" works fairly well,
but the same kind of rule barely beats always answering the commoner digit
for 3s against 5s; the
simplest model fitted to examples, the average image of each digit, does far
better on both.
"""

# %% Exercise 2: a rule written by hand against a model fitted to examples
# --8<-- [start:rule]
import numpy as np

import mnist

train_images, train_labels, test_images, test_labels = mnist.load()


def ink(images: np.ndarray) -> np.ndarray:
    """How many pixels of each image are dark ink (of 784)."""
    return (images > 127).sum(axis=1)


def rule(images: np.ndarray, light: int, heavy: int, threshold: int) -> np.ndarray:
    """Our rule: an image with less ink than the threshold is the `light` digit."""
    return np.where(ink(images) < threshold, light, heavy)


def nearest_average(images: np.ndarray, digits: tuple[int, int]) -> np.ndarray:
    """Learned from examples: the digit whose average training image is closest."""
    averages = [train_images[train_labels == d].mean(axis=0) for d in digits]
    distances = [((images - average) ** 2).sum(axis=1) for average in averages]
    return np.where(distances[0] < distances[1], *digits)


results = []
for light, heavy in ((1, 0), (5, 3)):
    pair = np.isin(test_labels, (light, heavy))  # the test images of these two digits
    images, labels = test_images[pair], test_labels[pair]
    by_rule = np.mean(rule(images, light, heavy, threshold=100) == labels)
    by_examples = np.mean(nearest_average(images, (light, heavy)) == labels)
    results.append({"digits": [light, heavy], "rule": float(by_rule),
                    "examples": float(by_examples)})
    print(f"{light} or {heavy}: the ink rule is right {by_rule:.1%} of the time, "
          f"the nearest average {by_examples:.1%}")
# --8<-- [end:rule]
ones_and_zeros, fives_and_threes = results
median_ink = {d: float(np.median(ink(train_images[train_labels == d]))) for d in (0, 1, 3, 5)}
median_ink_list = [median_ink[d] for d in (0, 1, 3, 5)]
n_training = len(train_labels)

# %% Exercise 1: how many different 28 x 28 images with 256 grey levels are there?
pixels, grey_levels = 28 * 28, 256
digits_in_count = len(str(grey_levels**pixels))  # Python's integers are exact, however long
exponent = pixels * np.log10(grey_levels)  # 256^784 = 10^exponent

# %% For comparison: always answering whichever of 5 and 3 is commoner among the test images
five_or_three = test_labels[np.isin(test_labels, (5, 3))]
commoner_share = float(max(np.mean(five_or_three == 5), np.mean(five_or_three == 3)))
