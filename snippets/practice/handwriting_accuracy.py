"""How well three ways of reading a picture do on digits from outside MNIST and on MNIST's tests.

The pictures are handwriting_set.py's: UCI digits re-rendered as photos and
digits drawn with a mouse. The three readers:

- **this page's pipeline**: prepare_digit.py, then classify_image.py's network
  (which reads every digit with its strokes evened and straightened,
  even_strokes.py and straighten_digits.py);
- **draw-a-digit's network** (site_digit_model.py, with its 8-bit weights as
  the browser runs them), after the same preparation, evening and straightening;
- **a naive resize**: the whole picture in grey, inverted if the paper is
  light, squeezed to 28 x 28 and given to classify_image.py's network.

Prints a Markdown table of the accuracies and draws the set and the
pipeline's mistakes. On MNIST's test images, which are already prepared,
the naive resize changes nothing, so it scores the same as the pipeline.
Training a network is the slow part of building the site, so the same
network also answers for the page's example picture (``example_report``:
what ``python classify_image.py example_digit.png`` prints).
"""

# %% Read every picture three ways
import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

import mnist
from classify_image import CHANGES, network_input, probabilities, report, train_best
from even_strokes import as_networks_read
from handwriting_set import handwriting_set
from make_example_digit import FILENAME, draw_example
from network import predict_proba, scale
from prepare_digit import prepare
from site_digit_model import model_from_json, model_to_json, trained_network
from tables import markdown_table

pictures, labels, sources = handwriting_set()
sources = np.array(sources)
train_images, train_labels, test_images, test_labels = mnist.load()


def naive(picture: Image.Image) -> np.ndarray:
    """The whole picture in grey, light ink on dark, squeezed to 28 x 28 pixels."""
    grey = np.asarray(picture.convert("L").resize((28, 28), Image.Resampling.BILINEAR))
    return (255 - grey if np.median(grey) > 127 else grey).astype(np.uint8).ravel()


prepared = np.array([prepare(picture) for picture in pictures])
squeezed = np.array([naive(picture) for picture in pictures])
model, settings = train_best()
widget = model_from_json(model_to_json(trained_network(train_images, train_labels), {}))
on_mnist = model.predict(network_input(test_images, settings))
answers = {
    "this page's pipeline (prepare_digit.py + classify_image.py)":
        (model.predict(network_input(prepared, settings)), on_mnist),
    "draw-a-digit's network, same preparation":
        (predict_proba(widget, scale(as_networks_read(prepared))).argmax(axis=1),
         predict_proba(widget, scale(as_networks_read(test_images))).argmax(axis=1)),
    "naive resize of the whole picture + classify_image.py's network":
        (model.predict(network_input(squeezed, settings)), on_mnist),
}

# %% The table
rows = []
scores = {}
for name, (on_set, on_mnist) in answers.items():
    right = on_set == labels
    scores[name] = right.mean(), (on_mnist == test_labels).mean()
    rows.append([name, f"{right.mean():.1%}", f"{right[sources == 'UCI'].mean():.1%}",
                 f"{right[sources == 'mouse'].mean():.1%}", f"{scores[name][1]:.1%}"])
table = markdown_table(["Reader", "Handwriting set", "UCI photos", "Mouse drawings",
                        "MNIST test set"], rows, align="lrrrr")
print(table)
(own, own_mnist), (drawn, drawn_mnist), (resized, resized_mnist) = scores.values()
assert own > resized and drawn > resized  # the page says preparation beats the naive resize
n_pictures, n_mnist_test, n_training = len(labels), len(test_labels), len(train_labels)
one_picture = 1 / n_pictures
n_right = round(own * n_pictures)
fewest_right = -(-9 * n_pictures // 10)  # 90 % of the pictures, rounded up to a whole one
below_target = n_right - fewest_right + 1  # misread this many more and it falls below 90 %
n_uci, n_mouse = int((sources == "UCI").sum()), int((sources == "mouse").sum())
fewest_per_class = int(np.bincount(labels).min())
epochs_trained, max_epochs = model.n_iter_, CHANGES["max_iter"]
hidden_neurons = CHANGES["hidden_layer_sizes"][0]
# MNIST's test images are already 28 x 28, light ink on black: the naive resize keeps them.
naive_keeps_mnist = all(np.array_equal(naive(Image.fromarray(image.reshape(28, 28))), image)
                        for image in test_images)


# %% Figures: a sample of the set, and the pipeline's mistakes
def show(pictures: list[Image.Image], titles: list[str], columns: int, label: str) -> None:
    """The pictures in a grid, each with its title."""
    rows = -(-len(pictures) // columns)
    _, axes = plt.subplots(rows, columns, figsize=(1.3 * columns, 1.5 * rows),
                             num=label, layout="constrained")
    for ax in np.ravel(axes):
        ax.axis("off")
    for ax, picture, title in zip(np.ravel(axes), pictures, titles, strict=False):
        ax.imshow(picture.convert("RGB"))
        ax.set_title(title, fontsize=9)


sample = [int(np.flatnonzero((labels == digit) & (sources == source))[0])
          for source in ("UCI", "mouse") for digit in range(10)]
# Labelled .webp: photos are ten times smaller so than as SVG.
show([pictures[i] for i in sample], [f"{labels[i]} ({sources[i]})" for i in sample], 10,
     "sample.webp")
wrong = np.flatnonzero(answers[next(iter(answers))][0] != labels)
own_answers = answers[next(iter(answers))][0]
show([pictures[i] for i in wrong], [f"{labels[i]} read as {own_answers[i]}" for i in wrong],
     8, "mistakes.webp")
n_mistakes = len(wrong)
uci_mistakes = int((sources[wrong] == "UCI").sum())
uci_ones_wrong = int(((labels[wrong] == 1) & (sources[wrong] == "UCI")).sum())
n_uci_ones = int(((labels == 1) & (sources == "UCI")).sum())


# %% The example picture of the page, read by the same network
example_report = report(FILENAME, probabilities(model, settings, prepare(draw_example())))
