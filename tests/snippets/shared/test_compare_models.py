"""Tests for compare_models.py: the configurations, training and the results table."""

import numpy as np
import pytest

import compare_models
from compare_models import CHANGES, WORKSHOP, compare, configurations, describe, results_table
from practice_support import small_mnist, use_small_mnist
from support import run_snippet


def test_every_row_adds_exactly_its_own_change():
    rows = configurations()
    assert [name for name, _ in rows] == [name for name, _ in CHANGES]
    previous = {"scale": False, **WORKSHOP, "random_state": compare_models.SEED}
    for (_, settings), (_, change) in zip(rows, CHANGES, strict=True):
        changed = {key for key in settings if settings[key] != previous.get(key)}
        assert changed == set(change), f"{change} must differ from the row above"
        assert settings == {**previous, **change}
        previous = settings


def test_the_last_row_has_every_change():
    _, settings = configurations()[-1]
    assert settings == {"scale": True, "solver": "adam", "activation": "relu",
                        "hidden_layer_sizes": (256, 128), "learning_rate": "constant",
                        "learning_rate_init": 0.001, "max_iter": 100, "random_state": 0,
                        "early_stopping": True}


def test_describe_writes_changes_as_code():
    assert describe({}) == "the workshop's settings"
    assert describe({"scale": True}) == "`images.astype(np.float32) / 255`"
    assert describe({"solver": "adam", "learning_rate_init": 0.001}) == (
        '`solver="adam"`, `learning_rate_init=0.001`')
    assert describe({"hidden_layer_sizes": (256, 128)}) == "`hidden_layer_sizes=(256, 128)`"


def test_pixels_are_scaled_only_when_asked():
    images = np.array([[0, 51, 255]], dtype=np.uint8)
    scaled = compare_models.pixels(images, {"scale": True})
    raw = compare_models.pixels(images, {"scale": False})
    assert scaled.dtype == np.float32 and scaled[0].tolist() == pytest.approx([0.0, 0.2, 1.0])
    assert raw.dtype == np.float64 and raw.tolist() == [[0.0, 51.0, 255.0]]  # the workshop's


def test_scaled_rows_train_in_float32(runs):
    """What the page says: scikit-learn keeps the float32 input's type for its weights."""
    dtypes = [{layer.dtype for layer in run.model.coefs_} for run in runs]
    assert dtypes == [{np.dtype(np.float64)}] + [{np.dtype(np.float32)}] * (len(runs) - 1)
    assert [run.weight_type for run in runs] == ["float64"] + ["float32"] * (len(runs) - 1)


@pytest.fixture(scope="module")
def runs():
    return compare(small_mnist())


def test_table_rows_match_the_configurations(runs):
    lines = results_table(runs).splitlines()
    assert lines[0].startswith("| Step | Change |")
    assert len(lines) == 2 + len(CHANGES)
    for number, (line, result, (name, change)) in enumerate(
            zip(lines[2:], runs, CHANGES, strict=True), start=1):
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert cells[:3] == [str(number), name, describe(change)]
        assert cells[3] == f"{result.accuracy:.1%}"
        assert cells[4] == f"{result.epochs} (limit)" * result.hit_limit or str(result.epochs)
        assert len(cells) == 5  # no training time: it depends on the machine


def test_each_run_used_its_settings(runs):
    for result, (name, settings) in zip(runs, configurations(), strict=True):
        assert result.name == name and result.settings == settings
        params = result.model.get_params()
        assert all(params[key] == value for key, value in settings.items() if key != "scale")
        assert result.hit_limit == (result.model.n_iter_ == settings["max_iter"])
        assert 0 <= result.accuracy <= 1
        assert result.epochs == result.model.n_iter_ == len(result.loss_curve)
        assert result.loss_curve == list(result.model.loss_curve_)


def test_training_is_reproducible(runs):
    _, settings = configurations()[3]
    images, labels, _, _ = small_mnist()
    again = compare_models.train(settings, images, labels)
    for ours, theirs in zip(again.coefs_, runs[3].model.coefs_, strict=True):
        np.testing.assert_array_equal(ours, theirs)


def test_script_prints_the_table(monkeypatch):
    use_small_mnist(monkeypatch)
    ns, out = run_snippet("compare_models")
    assert out.strip() == ns["table"]
    assert len(ns["table"].splitlines()) == 2 + len(ns["CHANGES"])
