"""What ``python classify_image.py example_digit.png`` prints, computed for the page.

Draws the example digit of make_example_digit.py in memory (the same pixels as
the PNG file), prepares it and classifies it with the same functions and the
same trained network as classify_image.py.
"""

# %% Classify the example digit
from classify_image import probabilities, report, train_best
from make_example_digit import FILENAME, draw_example
from prepare_digit import prepare

model, settings = train_best()
chances = probabilities(model, settings, prepare(draw_example()))
guess = int(chances.argmax())
confidence = float(chances.max())
print(report(FILENAME, chances))
