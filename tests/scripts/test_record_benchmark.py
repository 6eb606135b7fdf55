"""Tests for scripts/record_benchmark.py: a --quick run recorded with its provenance."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import record_benchmark
import site_benchmark_recorded
from site_benchmark_results import MACHINE_FIELDS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("record") / "quick.json"
    env = {**os.environ, "MNIST_DATA_DIR": str(ROOT / "data" / "mnist-sample")}
    args = ["--dataset", "mnist", "--quick", "--repeat", "2", "--out", str(out), "--note", "a test"]
    run = subprocess.run(
        [sys.executable, "scripts/record_benchmark.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert f"recorded in {out}" in run.stdout
    return out, json.loads(out.read_text())


def test_record_says_when_where_and_how(recorded):
    _, data = recorded
    record = data["recorded"]
    assert record["command"] == (
        "python scripts/record_benchmark.py --dataset mnist --quick --repeat 2 "
        f"--out {record_out(data)} --note 'a test'"
    )
    assert record["date"] <= record["finished"]
    assert set(record["machine"]) == set(MACHINE_FIELDS)
    assert set(record["sources_sha256"]) == set(record_benchmark.SOURCES)
    assert record["note"] == "a test"
    assert len(record["load_average"]["before"].split()) == 3
    assert [r["name"] for r in data["results"]] == ["workshop", "sklearn-default", "scratch"]
    assert all(r["repeat"] == 2 for r in data["results"])


def record_out(data: dict) -> str:
    return data["recorded"]["command"].split("--out ")[1].split()[0]


def test_the_page_loader_refuses_a_quick_recording(recorded):
    path, data = recorded
    with pytest.raises(ValueError, match="--quick run"):
        site_benchmark_recorded.load_recorded(path)
    for result in data["results"]:
        result["quick"] = False
    path.write_text(json.dumps(data))
    record, results = site_benchmark_recorded.load_recorded(path)
    assert record["note"] == "a test" and len(results) == 3
