"""Tests for site_benchmark_results.py: checking, tabulating, describing the machine."""

import copy

import pytest

from site_benchmark_results import (
    MACHINE_FIELDS,
    MODELS,
    RESULT_FIELDS,
    check_results,
    describe_machine,
    machine,
    results_table,
)


def results() -> list[dict]:
    """Three plausible results, as scripts/benchmark.py writes them."""
    common = {"dataset": "mnist", "n_train": 5000, "n_test": 10_000, "quick": False}
    return [
        {"name": "workshop", **common, "accuracy": 0.8272, "seconds": 3.0, "iterations": 100,
         "converged": False, "relative_time": 0.75},
        {"name": "sklearn-default", **common, "accuracy": 0.9377, "seconds": 4.0,
         "iterations": 101, "converged": True, "relative_time": 1.0},
        {"name": "scratch", **common, "accuracy": 0.942, "seconds": 1.0, "iterations": 15,
         "converged": None, "relative_time": 0.25},
    ]  # fmt: skip


def test_results_by_model_in_a_fixed_order():
    shuffled = results()[::-1]
    assert list(check_results(shuffled, "here")) == list(MODELS)


@pytest.mark.parametrize("field", RESULT_FIELDS[1:])
def test_a_missing_field_is_named(field):
    broken = copy.deepcopy(results())
    del broken[2][field]
    with pytest.raises(ValueError, match=rf"^somewhere\.json: result scratch lacks {field}$"):
        check_results(broken, "somewhere.json")


def test_a_missing_model_is_named():
    with pytest.raises(ValueError, match="somewhere: no result for sklearn-default"):
        check_results([r for r in results() if r["name"] != "sklearn-default"], "somewhere")


@pytest.mark.parametrize("bad", [{"results": []}, ["not an object"]])
def test_wrong_shapes_are_refused(bad):
    with pytest.raises(ValueError, match=r"^file: "):
        check_results(bad, "file")


def test_table():
    table = results_table(check_results(results(), "here"))
    lines = table.splitlines()
    assert len(lines) == 2 + len(MODELS)
    assert lines[2] == "| `workshop` | 82.72% | 100 (limit) | 3.0 s | 0.75 |"
    assert lines[3] == "| `sklearn-default` | 93.77% | 101 | 4.0 s | 1.00 |"
    assert lines[4] == "| `scratch` | 94.20% | 15 | 1.0 s | 0.25 |"


def test_machine():
    info = machine()
    assert set(info) == set(MACHINE_FIELDS)
    assert info["cpu_count"] >= 1 and info["cpu_model"]
    line = describe_machine(info)
    assert line.startswith(f"{info['cpu_count']} CPU cores ({info['cpu_model']})")
    assert f"scikit-learn {info['scikit-learn']}" in line
