"""Tests for scratch_exercises.py: the From scratch page's exercise answers."""

import inspect

import pytest

import network
from support import run_snippet


@pytest.fixture(scope="module")
def ns():
    return run_snippet("scratch_exercises")[0]


def test_momentum_by_hand_uses_network_py_default(ns):
    assert ns["beta"] == inspect.signature(network.train).parameters["momentum"].default
    assert ns["first_steps"] == [1.0, 1.9, 2.71]
    assert ns["steps_to_90_percent"] == 22  # 0.9 ** 22 < 0.1 < 0.9 ** 21
    assert ns["formula_agrees"]


def test_three_runs_differ_only_in_momentum_and_rate(ns):
    runs = [ns[name] for name in ("with_momentum", "plain", "plain_faster")]
    assert [(run["momentum"], run["learning_rate"]) for run in runs] == [
        (0.9, 0.1), (0.0, 0.1), (0.0, 1.0)]
    assert all(0.1 < run["accuracy"] <= 1 for run in runs)


def test_bigger_batches_point_closer_to_the_full_gradient(ns):
    alignment = ns["alignment"]
    assert alignment == sorted(alignment)
    assert all(-1 <= cosine <= 1 for cosine in alignment)
    n = ns["n_images"]
    assert ns["steps_per_epoch_list"] == [n, -(-n // 100), 1]


def test_the_page_quotes_network_py_default_batch_size():
    """The think exercise speaks of mini-batches of 100, network.py's default."""
    assert inspect.signature(network.train).parameters["batch_size"].default == 100
