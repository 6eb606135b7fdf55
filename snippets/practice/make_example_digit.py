"""Draw a handwritten-looking 2 and save it as example_digit.png.

A stand-in for a photo of your own handwriting: dark blue "ink" on paper
that is lit unevenly (brighter on the left), with the digit off-centre and
much larger than MNIST's 28 x 28 pixels. ``classify_image.py`` has to undo
all of that before its network can read the digit.
"""

# %% Draw the digit with Pillow
# --8<-- [start:draw]
import numpy as np
from PIL import Image, ImageDraw

FILENAME = "example_digit.png"
WIDTH, HEIGHT = 240, 180
INK = (35, 45, 120)  # ballpoint blue
PEN = 13  # stroke width in pixels


def paper(width: int = WIDTH, height: int = HEIGHT) -> Image.Image:
    """Off-white paper, lit from the left: brightness falls from 245 to 200."""
    light = np.linspace(245, 200, width)
    rgb = np.stack([light, light, light - 10], axis=-1)  # a little warm
    return Image.fromarray(np.tile(rgb, (height, 1, 1)).round().astype(np.uint8))


def draw_example() -> Image.Image:
    """A 2 in the upper left of the paper: a hooked top, a diagonal, a base line."""
    image = paper()
    pen = ImageDraw.Draw(image)
    pen.arc((38, 18, 118, 88), start=190, end=40, fill=INK, width=PEN)
    pen.line([(109, 75), (50, 140), (124, 134)], fill=INK, width=PEN, joint="curve")
    for x, y in ((39, 47), (109, 75), (50, 140), (124, 134)):  # round the pen's ends
        pen.ellipse((x - PEN // 2, y - PEN // 2, x + PEN // 2, y + PEN // 2), fill=INK)
    return image


# --8<-- [end:draw]

# %% Save it
if __name__ == "__main__":
    draw_example().save(FILENAME)
    print(f"saved {FILENAME} ({WIDTH} x {HEIGHT} pixels)")
