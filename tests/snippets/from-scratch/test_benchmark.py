"""Tests for benchmark.py: a --quick run end to end, and where it finds data."""

import json
import subprocess
import sys
from pathlib import Path

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
        [*command, "--json", str(path)], cwd=path.parent, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return run, json.loads(path.read_text())


def test_quick_json_has_three_sane_results(quick_run):
    _, results = quick_run
    assert [r["name"] for r in results] == NAMES
    for r in results:
        assert r["dataset"] == "mnist"
        assert r["quick"] is True
        assert r["n_train"] == benchmark.QUICK_TRAIN
        assert r["n_test"] == 10_000
        assert 0 <= r["accuracy"] <= 1
        assert r["seconds"] > 0
    reference = results[1]["seconds"]
    assert results[1]["relative_time"] == 1
    assert results[2]["relative_time"] == pytest.approx(results[2]["seconds"] / reference)
    assert results[2]["accuracy"] > 0.5  # even three epochs on 1,000 images learn something


def test_quick_run_says_so_and_prints_the_table(quick_run):
    run, results = quick_run
    assert "QUICK RUN" in run.stdout
    assert "divided by 255" in run.stdout
    assert "ConvergenceWarning" not in run.stderr  # recorded in the JSON instead
    assert all(isinstance(r["converged"], bool) for r in results[:2])
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ")]
    assert [row.split("|")[1].strip() for row in rows[1:]] == NAMES


def test_default_data_folders():
    given = Path("/somewhere")
    assert benchmark.data_dir("mnist", given) == given
    assert benchmark.data_dir("fashion", None) == benchmark.FASHION_DIR
    assert benchmark.data_dir("mnist", None) is None  # mnist.load() finds it
