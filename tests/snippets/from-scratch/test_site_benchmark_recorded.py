"""Tests for site_benchmark_recorded.py and the recorded run it reads."""

import json

import pytest

import site_benchmark_recorded
from site_benchmark_results import MACHINE_FIELDS, MODELS
from support import run_snippet


@pytest.fixture
def recorded() -> dict:
    return json.loads(site_benchmark_recorded.RECORDED.read_text())


def write(tmp_path, data) -> str:
    path = tmp_path / "run.json"
    path.write_text(json.dumps(data))
    return path


def test_the_recorded_run_is_complete_and_full_size():
    record, results = site_benchmark_recorded.load_recorded()
    assert list(results) == list(MODELS)
    for result in results.values():
        assert result["dataset"] == "fashion"
        assert (result["n_train"], result["n_test"]) == (60_000, 10_000)
        assert result["quick"] is False
        assert 0.5 < result["accuracy"] < 1 and result["seconds"] > 0
    assert "--dataset fashion" in record["command"]
    assert set(record["machine"]) >= set(MACHINE_FIELDS)
    assert record["date"].endswith("Z")  # UTC


def test_script_prints_table_and_provenance():
    ns, out = run_snippet("site_benchmark_recorded")
    record, _ = site_benchmark_recorded.load_recorded()
    assert out.strip() == f"{ns['table']}\n\n{ns['provenance_line']}"
    line = ns["provenance_line"]
    assert line.startswith(f"Recorded on {record['date'][:10]} (UTC) on ")
    assert f"`{record['command']}`" in line
    assert ns["n_train"] == 60_000
    assert ns["times_faster"] == pytest.approx(ns["default_seconds"] / ns["scratch_seconds"])


@pytest.mark.parametrize("field", ["date", "command", "machine"])
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
