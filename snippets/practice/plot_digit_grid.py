"""The first few training images of every digit, with their labels.

Each column is one digit, 0 to 9; each row the next example of it in the
training set. The pictures are drawn as MNIST stores them: light ink (high
values) on a black background (0).

What to look for: how differently people write the same digit (slant,
thickness, open or closed loops, 7 with or without a bar), and that every
digit sits in the middle of its 28 x 28 square at about the same size.
"""

# %% Load the training images and pick the first examples of each digit
import matplotlib.pyplot as plt
import numpy as np

import mnist

training_images, training_labels, _, _ = mnist.load()
n_training = len(training_images)
ROWS = 4
examples = [np.flatnonzero(training_labels == digit)[:ROWS] for digit in range(10)]


# %% Draw them in a grid, one column per digit
def draw_grid(images: np.ndarray, labels: np.ndarray, columns: list[np.ndarray]) -> plt.Figure:
    """A grid of 28 x 28 images, one column per list of indices, each titled with its label."""
    # Named "*@2x.webp": the site saves it as a sharp WebP picture, far smaller than an SVG
    fig, axes = plt.subplots(ROWS, len(columns), figsize=(7.2, 3.9), num="digits@2x.webp")
    for column, indices in enumerate(columns):
        for row, index in enumerate(indices):
            ax = axes[row, column]
            # interpolation="none": the 28 x 28 pixels as they are, not smoothed
            ax.imshow(images[index].reshape(28, 28), cmap="gray", vmin=0, vmax=255,
                      interpolation="none")
            ax.set_title(f"label {labels[index]}", fontsize=9)
            ax.set_axis_off()
    fig.suptitle(f"The first {ROWS} training images of each digit")
    fig.tight_layout()
    return fig


draw_grid(training_images, training_labels, examples)
plt.show()
