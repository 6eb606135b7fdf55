"""Tests for site_neuron_averaged_cost.py: summed and averaged costs take the same steps."""

import pytest

from support import run_snippet


def test_rate_scaled_by_n_gives_the_same_path():
    ns, out = run_snippet("site_neuron_averaged_cost")
    assert ns["averaged_rate"] == pytest.approx(ns["summed_rate"] * ns["n"])
    assert ns["largest_difference"] < 1e-12
    assert len(ns["summed_path"]) == ns["steps"] + 1
    assert "largest difference" in out


def test_averaged_gradients_are_the_summed_ones_over_n():
    ns, _ = run_snippet("site_neuron_averaged_cost")
    dw, db = ns["gradients"](0.3, -0.2)
    assert ns["averaged_gradients"](0.3, -0.2) == pytest.approx((dw / 10, db / 10))
