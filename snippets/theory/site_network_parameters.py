"""How many numbers a fully connected network has to learn.

Each neuron has one weight per neuron in the layer before it, and one bias.
The script counts them for the network the workshop trains on MNIST: 784
inputs (one per pixel), two hidden layers of 14 neurons and 10 outputs (one per
digit).
What to look for: nearly all the numbers are the weights between the pixels
and the first hidden layer.
"""

# %% Count weights and biases layer by layer
from itertools import pairwise

from tables import markdown_table

image_side = 28  # MNIST images are 28 x 28 pixels
pixels = image_side * image_side  # one input per pixel
hidden_layer_size = 14
digits = 10  # one output per digit, 0 to 9
layer_sizes = (pixels, hidden_layer_size, hidden_layer_size, digits)
rows = []
for inputs, neurons in pairwise(layer_sizes):
    rows.append((inputs, neurons, inputs * neurons, neurons))
total_weights = sum(weights for _, _, weights, _ in rows)
total_biases = sum(biases for _, _, _, biases in rows)
total_parameters = total_weights + total_biases
first_layer_share = rows[0][2] / total_parameters

# %% As a Markdown table
parameters_table = markdown_table(
    ["layer", "neurons", "inputs per neuron", "weights", "biases"],
    [["output" if i == len(rows) else f"hidden {i}", n, k, f"{w:,}", b]
     for i, (k, n, w, b) in enumerate(rows, start=1)]
    + [["**total**", "", "", f"**{total_weights:,}**", f"**{total_biases}**"]],
    align="lrrrr")
print(parameters_table)
print(f"\n{total_parameters:,} numbers to learn;"
      f" {first_layer_share:.1%} of them connect the pixels to the first hidden layer")
