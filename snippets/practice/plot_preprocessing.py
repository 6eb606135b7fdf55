"""Every step that turns the example picture into an MNIST-style digit.

The example is make_example_digit.py's 2: blue ink on unevenly lit paper,
off-centre. Each panel is one step of prepare_digit.py, with its size in
pixels. The last panel is the prepared digit (the network reads it after
even_strokes.py evens its strokes and straighten_digits.py takes its slant
away), with a cross at the digit's
centre of mass (orange), the middle of the square (blue lines) and the
digit's outline (dashed).

What to look for: after the ink step the background is exactly black even
though the paper was darker on the right; the fitted digit keeps its
proportions (it is narrower than 20 pixels); in the last panel the centre of
mass sits on the middle, while the outline need not be centred.
"""

# %% Prepare the example digit, keeping every step
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from make_example_digit import draw_example
from prepare_digit import BOX, SIDE, centre_of_mass, stages

picture = draw_example()
steps = stages(picture)
cropped_height, cropped_width = steps["cropped"].shape
fitted_height, fitted_width = steps["fitted"].shape
# The right quarter of the ink step, where the paper is darkest and the 2 never reaches
paper_ink = steps["ink"][:, -steps["ink"].shape[1] // 4:].max()
centre_row, centre_column = centre_of_mass(steps["centred"])
middle = (SIDE - 1) / 2  # the middle of the square, between its two central pixels

# %% Draw one panel per step
TITLES = {"grey": "2. grey values", "ink": "3. ink strength on black",
          "cropped": "4. cropped to the ink", "fitted": f"5. fitted into {BOX} x {BOX}",
          "centred": "6. centred in 28 x 28"}


def draw_steps(picture: np.ndarray, steps: dict[str, np.ndarray]) -> plt.Figure:
    """The original picture, then each step of the preparation, pixels drawn as squares."""
    fig, axes = plt.subplots(2, 3, figsize=(9, 6.6), layout="constrained")
    axes[0, 0].imshow(picture)
    axes[0, 0].set_title(f"1. the picture\n{picture.shape[1]} x {picture.shape[0]} pixels")
    for ax, (name, step) in zip(axes.flat[1:], steps.items(), strict=True):
        ax.imshow(step, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        ax.set_title(f"{TITLES[name]}\n{step.shape[1]} x {step.shape[0]} pixels")
    for ax in axes.flat:
        ax.set_xticks([])
        ax.set_yticks([])
    return fig


def mark_centre(ax: plt.Axes, digit: np.ndarray) -> None:
    """Mark the middle of the square, the ink's centre of mass and the digit's outline."""
    ax.axhline(middle, color="#56B4E9", linewidth=0.8)
    ax.axvline(middle, color="#56B4E9", linewidth=0.8)
    row, column = centre_of_mass(digit)
    ax.plot(column, row, marker="+", color="#E69F00", markersize=16, mew=2.5)
    rows, columns = np.flatnonzero(digit.any(axis=1)), np.flatnonzero(digit.any(axis=0))
    ax.add_patch(Rectangle((columns[0] - 0.5, rows[0] - 0.5), columns[-1] - columns[0] + 1,
                           rows[-1] - rows[0] + 1, fill=False, edgecolor="#E69F00",
                           linestyle="--"))


fig = draw_steps(np.asarray(picture), steps)
mark_centre(fig.axes[-1], steps["centred"])
plt.show()
