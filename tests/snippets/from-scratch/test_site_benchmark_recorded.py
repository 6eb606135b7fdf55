"""Tests for site_benchmark_recorded.py and the recorded run it reads."""

import json

import pytest

import site_benchmark_recorded
from site_benchmark_results import MACHINE_FIELDS, MODELS
from support import run_snippet


@pytest.fixture
def recorded() -> dict:
    return json.loads(site_benchmark_recorded.FASHION.read_text())


def write(tmp_path, data) -> str:
    path = tmp_path / "run.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(
    ("path", "dataset", "n_train", "rounds"),
    [
        (site_benchmark_recorded.SAMPLE, "mnist", 5000, 5),
        (site_benchmark_recorded.FASHION, "fashion", 60_000, 5),
    ],
)
def test_the_recorded_runs_are_complete_and_repeated(path, dataset, n_train, rounds):
    record, results = site_benchmark_recorded.load_recorded(path)
    assert list(results)[:3] == list(MODELS)
    for result in results.values():
        assert result["dataset"] == dataset and result["quick"] is False
        assert (result["n_train"], result["n_test"]) == (n_train, 10_000)
        assert result["repeat"] == len(result["runs"]) >= rounds
        assert [run["seed"] for run in result["runs"]] == list(range(result["repeat"]))
        assert 0.5 < result["accuracy"]["min"] <= result["accuracy"]["max"] < 1
        assert len(result["class_accuracy"]) == 10
    assert f"--dataset {dataset}" in record["command"] and f"--repeat {rounds}" in record["command"]
    assert set(record["machine"]) >= set(MACHINE_FIELDS)
    assert record["date"].endswith("Z")  # UTC


def test_recorded_accuracies_reach_the_goals():
    _, sample = site_benchmark_recorded.load_recorded(site_benchmark_recorded.SAMPLE)
    _, fashion = site_benchmark_recorded.load_recorded(site_benchmark_recorded.FASHION)
    assert sample["scratch"]["accuracy"]["median"] >= 0.95
    assert fashion["scratch"]["accuracy"]["median"] >= 0.89


def test_script_prints_tables_and_provenance():
    ns, out = run_snippet("site_benchmark_recorded")
    record, _ = site_benchmark_recorded.load_recorded(site_benchmark_recorded.FASHION)
    assert ns["fashion_table"] in out and ns["variants"] in out and ns["classes_table"] in out
    line = ns["fashion_provenance"]
    assert line.startswith(f"Recorded on {record['date'][:10]} (UTC) on ")
    assert f"`{record['command']}`" in line and record["load_average"]["before"] in line
    assert ns["n_train"] == 60_000
    assert ns["classes_table"].splitlines()[2] == f"| Shirt | {ns['shirt_accuracy']:.1%} |"


def test_false_class_remarks_fail():
    per_class = dict.fromkeys(site_benchmark_recorded.CLASSES, 0.97)
    per_class |= {"Shirt": 0.6, "T-shirt/top": 0.85, "Pullover": 0.8, "Coat": 0.8}
    site_benchmark_recorded.check_class_remarks(per_class)
    with pytest.raises(AssertionError):
        site_benchmark_recorded.check_class_remarks(per_class | {"Coat": 0.98})  # beats a bag
    with pytest.raises(AssertionError, match="shirts must come last"):
        site_benchmark_recorded.check_class_remarks(per_class | {"Coat": 0.5})
    with pytest.raises(AssertionError, match="nearly always right"):
        site_benchmark_recorded.check_class_remarks(per_class | {"Bag": 0.9})


@pytest.mark.parametrize("field", ["date", "command", "machine", "load_average"])
def test_missing_provenance_is_named(tmp_path, recorded, field):
    del recorded["recorded"][field]
    path = write(tmp_path, recorded)
    with pytest.raises(ValueError, match=rf"^{path}: 'recorded' lacks {field}$"):
        site_benchmark_recorded.load_recorded(path)


def test_missing_machine_field_is_named(tmp_path, recorded):
    del recorded["recorded"]["machine"]["numpy"]
    path = write(tmp_path, recorded)
    with pytest.raises(ValueError, match=rf"^{path}: 'recorded' lacks machine.numpy$"):
        site_benchmark_recorded.load_recorded(path)


def test_missing_result_field_is_named(tmp_path, recorded):
    del recorded["results"][1]["accuracy"]
    path = write(tmp_path, recorded)
    with pytest.raises(ValueError, match=rf"^{path}: result sklearn-default lacks accuracy$"):
        site_benchmark_recorded.load_recorded(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "needs an object with 'recorded' and 'results'"),
        ('{"results": []}', "needs an object with 'recorded' and 'results'"),
    ],
)
def test_malformed_files_are_named(tmp_path, text, message):
    path = tmp_path / "run.json"
    path.write_text(text)
    with pytest.raises(ValueError, match=rf"^{path}: {message}"):
        site_benchmark_recorded.load_recorded(path)


def test_a_quick_run_is_refused(tmp_path, recorded):
    for result in recorded["results"]:
        result["quick"] = True
    path = write(tmp_path, recorded)
    with pytest.raises(ValueError, match="--quick run"):
        site_benchmark_recorded.load_recorded(path)


def test_false_variant_remarks_fail():
    _, sample = site_benchmark_recorded.load_recorded(site_benchmark_recorded.SAMPLE)
    site_benchmark_recorded.check_variant_remarks(sample)
    float64 = sample["scratch, float64 instead of float32"]
    float64["accuracy"] = {**float64["accuracy"], "median": 0.9}
    with pytest.raises(AssertionError, match="float64"):
        site_benchmark_recorded.check_variant_remarks(sample)
