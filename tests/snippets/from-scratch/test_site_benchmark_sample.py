"""Tests for site_benchmark_sample.py: the build's table, and failures that say what failed."""

import pytest

import site_benchmark_sample
from site_benchmark_results import MODELS


def test_build_result_is_a_full_run_on_the_sample(snippet_results):
    values = snippet_results["site_benchmark_sample"].values
    lines = values["table"].splitlines()
    assert [line.split("|")[1].strip(" `") for line in lines[2:]] == list(MODELS)
    assert (values["n_train"], values["n_test"]) == (5000, 10_000)
    assert 0.9 < values["scratch_accuracy"] <= 1
    assert values["times_faster"] == pytest.approx(
        values["default_seconds"] / values["scratch_seconds"]
    )
    assert values["machine_line"].split()[0].isdigit()


def test_benchmark_runs_on_one_thread():
    assert site_benchmark_sample.ONE_THREAD["OPENBLAS_NUM_THREADS"] == "1"
    assert site_benchmark_sample.BENCHMARK.is_file()


def test_a_failing_benchmark_names_its_command(tmp_path):
    with pytest.raises(RuntimeError, match=r"benchmark\.py --dataset mnist --data-dir .* failed"):
        site_benchmark_sample.run_benchmark(tmp_path / "no-such-folder")
