"""The most slanted test digit of each class, before and after straighten_digits.py.

The top row shows each digit as MNIST stores it, titled with its slant (how
many columns its ink moves sideways for each row it goes down); the bottom
row shows the same digit as the network reads it, straightened.

What to look for: the slant is gone while each digit keeps its height and
its centre of mass, and its horizontal strokes stay horizontal: each row only
slides sideways.
"""

# %% Find the most slanted test digits and straighten them
import matplotlib.pyplot as plt
import numpy as np

import mnist
from straighten_digits import slants, straightened

_, _, test_images, test_labels = mnist.load()
slant, _ = slants(test_images)
# For each digit 0-9, the test image whose slant is strongest, either way.
chosen = np.array([max(np.flatnonzero(test_labels == digit), key=lambda i: abs(slant[i]))
                   for digit in range(10)])
slant_written = slant[chosen]
upright = np.array([straightened(test_images[i]) for i in chosen])
slant_straightened, _ = slants(upright)


# %% Draw each digit as written (top) and straightened (bottom)
def draw_pairs(written: np.ndarray, upright: np.ndarray, leans: np.ndarray) -> plt.Figure:
    """Two rows of 28 x 28 images: as written, titled with the slant, and straightened."""
    fig, axes = plt.subplots(2, len(written), figsize=(7.2, 2.1))
    for column, lean in enumerate(leans):
        for row, digit in enumerate([written[column], upright[column]]):
            ax = axes[row, column]
            ax.imshow(digit.reshape(28, 28), cmap="gray", vmin=0, vmax=255,
                      interpolation="none")
            ax.set_axis_off()
        axes[0, column].set_title(f"{lean:+.2f}", fontsize=9)
    axes[0, 0].text(-4, 14, "written", rotation=90, va="center", ha="right", fontsize=9)
    axes[1, 0].text(-4, 14, "straightened", rotation=90, va="center", ha="right", fontsize=9)
    fig.tight_layout()
    return fig


draw_pairs(test_images[chosen], upright, slant_written)
plt.show()
