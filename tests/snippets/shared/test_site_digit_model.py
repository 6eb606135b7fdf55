"""Tests for site_digit_model.py: training the widget's network and its JSON."""

import json

import numpy as np
import pytest

import mnist
import site_digit_model as export
from network import init_network
from support import run_snippet


@pytest.fixture(scope="module")
def namespace() -> dict:
    """The script run as the build runs it (it trains the network: a few seconds)."""
    return run_snippet("site_digit_model")[0]


def test_importing_does_not_train():
    assert not hasattr(export, "model_json") and not hasattr(export, "net")


@pytest.mark.parametrize("dtype", ["<f4", "u1"])
def test_encode_and_decode_round_trip_exactly(dtype):
    values = np.random.default_rng(0).normal(0, 10, (7, 5))
    array = values.astype(dtype) if dtype == "<f4" else np.abs(values).astype(np.uint8)
    back = export.decode(export.encode(array, dtype), [7, 5], dtype)
    assert back.dtype == array.dtype and np.array_equal(back, array)


def test_float32_bytes_are_little_endian():
    assert export.encode(np.array([1.0], np.float32)) == "AACAPw=="  # bytes 00 00 80 3f


def test_quantised_weights_are_within_half_a_step_of_the_trained_ones():
    weights = np.random.default_rng(3).normal(0, 0.1, (4, 6)).astype(np.float32)
    weights[2] = 0  # a row of zeros must not divide by zero
    numbers, scales = export.quantise(weights)
    assert numbers.dtype == np.int8 and np.abs(numbers).max() == 127
    back = export.dequantise(numbers, scales)
    assert back.dtype == np.float32 and np.array_equal(back[2], weights[2])
    assert (np.abs(back - weights) <= 0.5 * scales[:, np.newaxis] * (1 + 1e-6)).all()


def test_model_json_round_trip_keeps_biases_and_8_bit_weights():
    net = init_network([6, 4, 3], rng=1)
    text = export.model_to_json(net, {"note": "test"})
    back = export.model_from_json(text)
    model = json.loads(text)
    assert model["note"] == "test" and model["activation"] == "relu"
    assert [layer["shape"] for layer in model["layers"]] == [[4, 6], [3, 4]]
    for original, copy in zip(net.biases, back.biases, strict=True):
        assert copy.dtype == np.float32 and np.array_equal(copy, original)
    for original, copy in zip(net.weights, back.weights, strict=True):
        assert np.array_equal(copy, export.dequantise(*export.quantise(original)))
    again = export.model_from_json(export.model_to_json(back, {}))
    assert all(np.array_equal(a, b) for a, b in zip(again.weights, back.weights, strict=True))


def test_trained_network_is_exported_whole_and_learned(namespace):
    model = json.loads(namespace["model_json"])
    net = export.model_from_json(namespace["model_json"])
    assert [w.shape for w in net.weights] == [(64, 784), (10, 64)]
    assert np.array_equal(net.weights[0], namespace["net"].weights[0])
    assert "test_accuracy" not in model and namespace["test_accuracy"] > 0.9
    assert abs(namespace["test_accuracy"] - namespace["trained_accuracy"]) < 0.01
    assert namespace["n_parameters"] == 784 * 64 + 64 + 64 * 10 + 10


def test_examples_are_one_test_image_of_each_digit(namespace):
    model = json.loads(namespace["model_json"])
    _, _, test_images, test_labels = mnist.load()
    labels = model["examples"]["labels"]
    pixels = export.decode(model["examples"]["pixels"], [len(labels), 784], "u1")
    assert labels == list(range(10))
    for label, image in zip(labels, pixels, strict=True):
        index = np.flatnonzero(test_labels == label)[0]
        assert np.array_equal(image, test_images[index])


def test_script_file_is_compact_plain_data(namespace):
    text = namespace["model_json"]
    assert namespace["model_script"] == f"window.nnDigitModel = {text};\n"
    assert len(namespace["model_script"]) < 100_000 and namespace["model_kilobytes"] < 100
    json.loads(text, parse_constant=lambda constant: pytest.fail(f"{constant} in the JSON"))
