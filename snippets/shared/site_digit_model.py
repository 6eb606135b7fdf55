"""Train a small digit recogniser with network.py and export it, compactly, for the browser.

The "Draw a digit" widget on the "From scratch" page runs this network in the
reader's browser: 784 inputs (a 28 x 28 digit, pixels scaled to 0-1), one
hidden layer of 64 ReLU neurons and 10 softmax outputs. It is trained here,
when the site is built, on the bundled MNIST training images plus two shifted
and turned copies of them (augment_digits.py), all with their strokes evened and
straightened (even_strokes.py, as the widget does to every drawing), with the
`network.py` of that page, and then written out as JSON: no pickle, nothing that runs code
when it is read.

Each weight is stored in one byte: every row of a weight matrix (the weights
into one neuron) is divided by its own scale so that its largest weight
becomes 127, then rounded to a whole number from -127 to 127 (8-bit
quantisation). The scales and the biases stay float32. That is a quarter of
the bytes of float32 weights and changes each weight by at most half a step
of its row's scale; the page reports the test accuracy of the stored weights.
All bytes are little endian and in base64. `model_from_json` reads the JSON
back into a `network.Network` with exactly the weights the browser computes;
the tests compare the browser's answers with Python's forward pass on it.
The build saves `model_script`, the JSON as one line of JavaScript, as
`assets/models/digit-model.js`, loaded by draw-digit.js only on the page
with the widget. Importing this module only defines the functions; running it
trains and exports.
"""

# %% Imports and settings
import base64
import json

import numpy as np

import mnist
from augment_digits import with_copies
from even_strokes import as_networks_read
from network import Network, evaluate, init_network, scale, train

SIZES = [784, 64, 10]  # inputs, hidden ReLU neurons, outputs (one per digit)
EPOCHS, LEARNING_RATE, SEED = 10, 0.1, 0
EXAMPLES = 10  # test digits shipped with the widget, one of each class, to try without drawing


# %% Numbers to text and back: float32 bytes in base64
def encode(array: np.ndarray, dtype: str = "<f4") -> str:
    """An array's values as base64 text of their bytes (float32 little endian by default)."""
    return base64.b64encode(np.ascontiguousarray(array, dtype=dtype).tobytes()).decode("ascii")


def decode(text: str, shape: list[int], dtype: str = "<f4") -> np.ndarray:
    """The inverse of `encode`: an array of the given shape."""
    values = np.frombuffer(base64.b64decode(text), dtype=dtype).reshape(shape)
    return values.astype(np.dtype(dtype).newbyteorder("="))  # in this machine's byte order


def quantise(weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whole numbers -127 ... 127 (int8) and a float32 scale per row: weights ~ numbers x scale."""
    scales = (np.abs(weights).max(axis=1) / 127).astype(np.float32)
    scales[scales == 0] = 1  # a row of zeros stays zeros
    return np.round(weights / scales[:, np.newaxis]).astype(np.int8), scales


def dequantise(numbers: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """The float32 weights the stored numbers stand for (what the browser computes too)."""
    return numbers.astype(np.float32) * scales[:, np.newaxis]


def layer_to_json(weights: np.ndarray, biases: np.ndarray) -> dict:
    numbers, scales = quantise(weights)
    return {"shape": list(weights.shape), "weights": encode(numbers, dtype="i1"),
            "scales": encode(scales), "biases": encode(biases)}


def model_to_json(net: Network, extra: dict) -> str:
    """The network's layers (8-bit weights), its maths and any `extra` fields, as compact JSON."""
    layers = [layer_to_json(w, b) for w, b in zip(net.weights, net.biases, strict=True)]
    model = {"activation": net.activation, "output": "softmax", "input_scale": 255,
             "layers": layers, **extra}
    return json.dumps(model, allow_nan=False, separators=(",", ":"))


def model_from_json(text: str) -> Network:
    """A network.Network with exactly the weights stored in the JSON."""
    model = json.loads(text)
    weights = [dequantise(decode(layer["weights"], layer["shape"], dtype="i1"),
                          decode(layer["scales"], layer["shape"][:1]))
               for layer in model["layers"]]
    biases = [decode(layer["biases"], layer["shape"][:1]) for layer in model["layers"]]
    return Network(weights, biases, model["activation"], "cross_entropy")


# %% Train on the MNIST training images
def first_of_each_class(labels: np.ndarray) -> np.ndarray:
    """Index of the first image of each digit 0-9."""
    return np.array([np.flatnonzero(labels == digit)[0] for digit in range(10)])


def trained_network(images: np.ndarray, labels: np.ndarray) -> Network:
    """The widget's network, trained with network.py's mini-batch SGD (same seed, same net)."""
    images, labels = with_copies(images, labels)
    net = init_network(SIZES, rng=SEED)
    train(net, scale(as_networks_read(images)), labels, epochs=EPOCHS,
          learning_rate=LEARNING_RATE, seed=SEED)
    return net


# %% Export: the layers, plus a few test digits (uint8 pixels) to try in the browser
if __name__ == "__main__":
    train_images, train_labels, test_images, test_labels = mnist.load()
    trained = trained_network(train_images, train_labels)
    examples = first_of_each_class(test_labels)[:EXAMPLES]
    model_json = model_to_json(trained, {
        "examples": {"labels": test_labels[examples].tolist(),
                     "pixels": encode(test_images[examples], dtype="u1")},
    })
    net = model_from_json(model_json)  # the weights as stored: what the browser runs
    test_inputs = scale(as_networks_read(test_images))
    test_accuracy, _ = evaluate(net, test_inputs, test_labels)
    trained_accuracy, _ = evaluate(trained, test_inputs, test_labels)
    model_script = f"window.nnDigitModel = {model_json};\n"
    model_kilobytes = len(model_script) / 1000
    hidden_neurons, n_training_images = SIZES[1], len(train_images)
    n_parameters = sum(array.size for array in net.weights + net.biases)
    print(f"{SIZES[0]}-{SIZES[1]}-{SIZES[2]} network, {n_parameters:,} parameters, trained on "
          f"{n_training_images:,} images: test accuracy {test_accuracy:.1%}; "
          f"{len(model_script) / 1000:.0f} kB as a script file "
          f"(before 8-bit storage: {trained_accuracy:.1%})")
