"""Tests for handwriting_accuracy.py: the table of three readers, as the build makes it."""

import numpy as np
import pytest
from PIL import Image

from handwriting_set import handwriting_set
from practice_support import use_small_mnist
from support import run_snippet


@pytest.fixture(scope="module")
def result():
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_small_mnist(monkeypatch)
        return run_snippet("handwriting_accuracy")  # trains two networks: under a minute


def test_table_has_three_readers_and_four_columns(result):
    namespace, out = result
    lines = namespace["table"].splitlines()
    assert len(lines) == 5 and all(line.count("|") == 6 for line in lines)
    assert out.strip() == namespace["table"]


def test_preparation_beats_the_naive_resize(result):
    namespace, _ = result
    assert namespace["own"] > namespace["resized"] + 0.3
    assert namespace["drawn"] > namespace["resized"] + 0.3
    assert namespace["own_mnist"] == namespace["resized_mnist"] > 0.8  # a small training set here


def test_naive_resize_inverts_light_paper(result):
    naive = result[0]["naive"]
    picture = Image.new("L", (90, 60), 230)
    squeezed = naive(picture)
    assert squeezed.shape == (784,) and (squeezed == 25).all()
    assert np.array_equal(naive(Image.new("L", (28, 28), 0)), np.zeros(784, np.uint8))


def test_the_facts_the_page_checks(result):
    namespace, _ = result
    assert namespace["naive_keeps_mnist"] is True  # so the naive row may reuse the answers
    assert namespace["epochs_trained"] == namespace["max_epochs"]  # no early end: "exactly"
    _, labels, sources = handwriting_set()
    assert namespace["n_uci_ones"] == sum(label == 1 and source == "UCI"
                                          for label, source in zip(labels, sources, strict=True))


def test_example_report_is_what_classify_image_prints(result):
    namespace, _ = result
    lines = namespace["example_report"].splitlines()
    assert lines[0].startswith("example_digit.png looks like a ")
    guess = lines[0].removeprefix("example_digit.png looks like a ")
    assert lines[1].startswith(f"  {guess}: ") and lines[1].endswith("%")
    assert len(lines) == 4
