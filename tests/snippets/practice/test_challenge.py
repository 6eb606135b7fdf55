"""Tests for challenge.py: a stratified validation split; the test images stay unused."""

import numpy as np

import mnist
from practice_support import small_mnist
from support import run_snippet


def test_validation_split_and_no_test_images(monkeypatch):
    training_images, training_labels, _, _ = small_mnist()
    # The test "arrays" are None: any use of them would fail.
    monkeypatch.setattr(mnist, "load", lambda *_args, **_kwargs: (training_images, training_labels,
                                                         None, None))
    ns, out = run_snippet("challenge")
    assert ns["n_validation"] == len(training_labels) // 10
    assert ns["n_fit"] + ns["n_validation"] == len(training_labels)
    # The same share of every digit in both parts.
    assert len(set(np.bincount(ns["validation_labels"]))) == 1
    fit = {row.tobytes() for row in ns["fit_images"]}
    assert not any(row.tobytes() in fit for row in ns["validation_images"])
    assert out.splitlines()[1] == (f"validation accuracy: {ns['validation_accuracy']:.1%} "
                                   f"on {ns['n_validation']:,} images")
