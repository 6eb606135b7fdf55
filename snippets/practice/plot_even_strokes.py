"""The five broadest and the five finest test digits, before and after even_strokes.py.

The top row shows each digit as MNIST stores it, titled with its stroke
width in pixels (twice its ink's area over its outline); the bottom row shows
it evened, as the network reads it, titled with its new width.

What to look for: broad strokes get thinner and fine ones thicker, each by at
most a pixel on either side, so all end nearer the target width, and most
digits end thicker than MNIST's typical pen, since the target is broader than
most of them; a thickened hairline digit can close a small hole.
"""

# %% Measure every test digit's strokes and pick the extremes
import matplotlib.pyplot as plt
import numpy as np

import mnist
from even_strokes import TARGET_WIDTH, evened, stroke_widths

_, _, test_images, _ = mnist.load()
widths = stroke_widths(test_images)
median_width = float(np.median(widths))
share_thickened = float(np.mean(widths < TARGET_WIDTH))
by_width = np.argsort(widths, kind="stable")
chosen = np.concatenate([by_width[::-1][:5], by_width[:5]])  # broadest first, then finest
after = evened(test_images[chosen])
widths_written, widths_evened = widths[chosen], stroke_widths(after)


# %% Draw each digit as written (top) and evened (bottom)
def draw_pairs(rows: list[np.ndarray], widths: list[np.ndarray]) -> plt.Figure:
    """Two rows of 28 x 28 images, each titled with its stroke width."""
    fig, axes = plt.subplots(2, len(rows[0]), figsize=(7.2, 2.3))
    for row, (digits, row_widths) in enumerate(zip(rows, widths, strict=True)):
        for column, (digit, width) in enumerate(zip(digits, row_widths, strict=True)):
            ax = axes[row, column]
            ax.imshow(digit.reshape(28, 28), cmap="gray", vmin=0, vmax=255,
                      interpolation="none")
            ax.set_title(f"{width:.1f}", fontsize=9)
            ax.set_axis_off()
    axes[0, 0].text(-4, 14, "written", rotation=90, va="center", ha="right", fontsize=9)
    axes[1, 0].text(-4, 14, "evened", rotation=90, va="center", ha="right", fontsize=9)
    fig.tight_layout()
    return fig


draw_pairs([test_images[chosen], after], [widths_written, widths_evened])
plt.show()
