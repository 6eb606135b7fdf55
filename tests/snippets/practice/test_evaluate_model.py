"""Tests for evaluate_model.py: chance levels, confusion, precision, recall, mistakes."""

import warnings

import numpy as np
import pytest

from compare_models import configurations
from evaluate_model import (
    chance_levels,
    confident_mistakes,
    confusion,
    per_digit_table,
    precision_recall,
    top_confusions,
    train_final,
)
from practice_support import small_mnist

LABELS = np.array([0, 0, 0, 1, 1, 2, 2, 2, 2, 3])
PREDICTED = np.array([0, 0, 1, 1, 1, 2, 2, 3, 3, 3])


def test_chance_levels():
    chance, commonest, share = chance_levels(LABELS)
    assert chance == 0.1
    assert (commonest, share) == (2, 0.4)


def test_confusion_counts_true_rows_against_predicted_columns():
    counts = confusion(LABELS, PREDICTED)
    assert counts.shape == (10, 10) and counts.sum() == len(LABELS)
    assert counts[0, 0] == 2 and counts[0, 1] == 1 and counts[2, 3] == 2
    assert np.trace(counts) == np.sum(LABELS == PREDICTED)


def test_top_confusions_are_off_diagonal_and_sorted():
    counts = confusion(LABELS, PREDICTED)
    assert top_confusions(counts, n=2) == [(2, 3, 2), (0, 1, 1)]


def test_precision_and_recall_by_hand():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # digits never predicted must not warn
        precision, recall, support = precision_recall(LABELS, PREDICTED)
    # Digit 1: called 1 three times, twice rightly; both real 1s found.
    assert precision[1] == pytest.approx(2 / 3) and recall[1] == 1
    # Digit 3: called 3 three times, once rightly; the one real 3 found.
    assert precision[3] == pytest.approx(1 / 3) and recall[3] == 1
    assert precision[5] == 0 and recall[5] == 0 and support[5] == 0
    assert support.tolist() == np.bincount(LABELS, minlength=10).tolist()


def test_per_digit_table_has_a_row_per_digit():
    lines = per_digit_table(LABELS, PREDICTED).splitlines()
    assert lines[0] == "| Digit | Test images | Precision | Recall |"
    assert len(lines) == 12
    assert lines[2 + 2] == "| 2 | 4 | 100.0% | 50.0% |"


def test_confident_mistakes_most_confident_first():
    probabilities = np.full((4, 10), 0.0)
    probabilities[[0, 1, 2, 3], [5, 6, 7, 8]] = [0.9, 0.6, 0.99, 0.7]
    probabilities[:, 0] = 1 - probabilities.max(axis=1)
    labels = np.array([5, 0, 0, 0])  # image 0 is right; 1, 2 and 3 are wrong
    assert confident_mistakes(probabilities, labels, count=10).tolist() == [2, 3, 1]
    assert confident_mistakes(probabilities, labels, count=1).tolist() == [2]


def test_train_final_uses_the_last_configuration():
    data = small_mnist()
    model, probabilities = train_final(data)
    _, settings = configurations()[-1]
    assert model.get_params()["hidden_layer_sizes"] == settings["hidden_layer_sizes"]
    assert probabilities.shape == (len(data[3]), 10)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1, rtol=1e-6)  # float32 arithmetic
