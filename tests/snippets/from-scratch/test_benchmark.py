"""Tests for benchmark.py: a --quick run end to end, and where it finds data."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import benchmark
from support import MNIST_SAMPLE, SNIPPET_FILES, snippet_env

NAMES = ["workshop", "sklearn-default", "scratch"]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory) -> tuple[subprocess.CompletedProcess, list[dict]]:
    path = tmp_path_factory.mktemp("benchmark") / "results.json"
    env = snippet_env("benchmark", MNIST_DATA_DIR=str(MNIST_SAMPLE))
    command = [sys.executable, str(SNIPPET_FILES["benchmark"]), "--dataset", "mnist", "--quick"]
    run = subprocess.run(
        [*command, "--repeat", "2", "--variants", "--json", str(path)],
        cwd=path.parent, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run, json.loads(path.read_text())


def test_quick_json_has_every_model_and_round(quick_run):
    _, results = quick_run
    variants = [f"scratch, {name}" for name in benchmark.VARIANTS]
    assert [r["name"] for r in results] == NAMES + variants
    for r in results:
        assert r["dataset"] == "mnist" and r["quick"] is True and r["repeat"] == 2
        assert r["n_train"] == benchmark.QUICK_TRAIN
        assert r["n_test"] == 10_000
        assert [run["seed"] for run in r["runs"]] == [0, 1]
        accuracies = [run["accuracy"] for run in r["runs"]]
        assert r["accuracy"] == {"median": sum(accuracies) / 2, "min": min(accuracies),
                                 "max": max(accuracies)}  # fmt: skip
        assert all(run["seconds"] > 0 for run in r["runs"])
        assert len(r["class_accuracy"]) == 10
    default, scratch = results[1], results[2]
    assert [run["relative_time"] for run in default["runs"]] == [1, 1]
    for run, reference in zip(scratch["runs"], default["runs"], strict=True):
        assert run["relative_time"] == pytest.approx(run["seconds"] / reference["seconds"])
    assert scratch["accuracy"]["min"] > 0.5  # even three epochs on 1,000 images learn something


def test_variants_change_one_setting():
    for change in benchmark.VARIANTS.values():
        settings = {**benchmark.SCRATCH["mnist"], **change}
        differing = {k for k in settings if settings[k] != benchmark.SCRATCH["mnist"].get(k)}
        assert len(differing) == 1


def test_float64_variant_trains_in_float64(monkeypatch):
    dtypes = []
    monkeypatch.setattr(benchmark.network, "train", lambda _net, x, _y, **_: dtypes.append(x.dtype))
    data = benchmark.load_data(MNIST_SAMPLE, quick=True)
    benchmark.fit_scratch({"hidden": 4, "dtype": "float64"}, data, seed=0, quick=True)
    assert dtypes == [np.float64]


def test_models_option_trains_only_those(tmp_path):
    path = tmp_path / "results.json"
    sample = str(MNIST_SAMPLE)
    benchmark.main(["--dataset", "mnist", "--quick", "--models", "workshop,scratch",
                    "--data-dir", sample, "--json", str(path)])  # fmt: skip
    results = json.loads(path.read_text())
    assert [r["name"] for r in results] == ["workshop", "scratch"]
    assert all(r["relative_time"] is None for r in results)  # no sklearn-default to divide by


def test_quick_run_says_so_and_prints_the_table(quick_run):
    run, results = quick_run
    assert "QUICK RUN" in run.stdout
    assert "divided by 255" in run.stdout and "one thread" in run.stdout
    assert "ConvergenceWarning" not in run.stderr  # recorded in the JSON instead
    assert all(isinstance(c, bool) for r in results[:2] for c in r["converged"])
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ")]
    assert [row.split("|")[1].strip() for row in rows[1:4]] == NAMES


def test_default_data_folders():
    given = Path("/somewhere")
    assert benchmark.data_dir("mnist", given) == given
    assert benchmark.data_dir("fashion", None) == benchmark.FASHION_DIR
    assert benchmark.data_dir("mnist", None) is None  # mnist.load() finds it
