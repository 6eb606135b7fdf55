"""Tests for site_benchmark_results.py: checking, tabulating, describing the machine."""

import copy

import pytest

from site_benchmark_results import (
    MACHINE_FIELDS,
    MODELS,
    RESULT_FIELDS,
    check_results,
    describe_machine,
    epochs_cell,
    machine,
    results_table,
    variants_table,
)


def spread(*values: float) -> dict:
    return {"median": sorted(values)[len(values) // 2], "min": min(values), "max": max(values)}


def result(name: str, accuracies: tuple, seconds: tuple, epochs: int, converged) -> dict:
    """One model's summary over the rounds, as scripts/benchmark.py writes it."""
    pairs = enumerate(zip(accuracies, seconds, strict=True))
    runs = [{"seed": i, "accuracy": a, "seconds": s} for i, (a, s) in pairs]
    ratios = [s / d for s, d in zip(seconds, (4.0, 5.0, 4.0), strict=True)]
    return {"name": name, "dataset": "mnist", "n_train": 5000, "n_test": 10_000, "quick": False,
            "repeat": len(runs), "runs": runs, "accuracy": spread(*accuracies),
            "seconds": spread(*seconds), "iterations": spread(epochs),
            "converged": [converged] * len(runs), "class_accuracy": [0.9] * 10,
            "relative_time": spread(*ratios)}  # fmt: skip


def results() -> list[dict]:
    """Three plausible results of three rounds, and one variant of scratch."""
    return [
        result("workshop", (0.8272, 0.83, 0.82), (3.0, 3.5, 3.0), 100, False),
        result("sklearn-default", (0.9377, 0.9377, 0.94), (4.0, 5.0, 4.0), 101, True),
        result("scratch", (0.954, 0.953, 0.955), (0.3, 0.3, 0.28), 4, None),
        result("scratch, float64 instead of float32", (0.954, 0.953, 0.955), (0.6, 0.9, 0.7), 4,
               None),
    ]  # fmt: skip


def test_results_by_model_in_a_fixed_order():
    shuffled = results()[::-1]
    assert list(check_results(shuffled, "here"))[:3] == list(MODELS)
    assert next(iter(check_results(shuffled, "here", ("scratch",)))) == "scratch"


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


def test_table_gives_median_and_range():
    lines = results_table(check_results(results(), "here")).splitlines()
    assert len(lines) == 2 + len(MODELS)  # the variant has a table of its own
    assert lines[2] == (
        "| `workshop` | 82.72% (82.00%–83.00%) | 100 (limit) "
        "| 3.00 s (3.00–3.50) | 0.750 (0.700–0.750) |"
    )
    assert lines[3] == (
        "| `sklearn-default` | 93.77% (93.77%–94.00%) | 101 | 4.00 s (4.00–5.00) | 1.000 |"
    )
    assert lines[4].startswith("| `scratch` | 95.40% (95.30%–95.50%) | 4 | 0.30 s (0.28–0.30) |")


def test_epochs_say_how_often_the_limit_stopped_training():
    workshop = results()[0]
    workshop["converged"] = [False, True, False]
    assert epochs_cell(workshop) == "100 (limit in 2 of 3 rounds)"


def test_table_without_times():
    lines = results_table(check_results(results(), "here"), times=False).splitlines()
    assert lines[0] == "| model | test accuracy | epochs |"
    assert lines[4] == "| `scratch` | 95.40% (95.30%–95.50%) | 4 |"


def test_variants_table_divides_by_scratch_in_the_same_round():
    lines = variants_table(check_results(results(), "here")).splitlines()
    assert lines[2] == "| as in the benchmark | 95.40% (95.30%–95.50%) | 1 |"
    # rounds: 0.6 / 0.3, 0.9 / 0.3, 0.7 / 0.28
    assert lines[3] == "| float64 instead of float32 | 95.40% (95.30%–95.50%) | 2.50 (2.00–3.00) |"


def test_machine():
    info = machine()
    assert set(info) == set(MACHINE_FIELDS)
    assert info["cpu_count"] >= 1 and info["cpu_model"]
    line = describe_machine(info)
    assert line.startswith(f"{info['cpu_count']} CPU cores ({info['cpu_model']})")
    assert f"scikit-learn {info['scikit-learn']}" in line
