"""The recorded Fashion-MNIST benchmark: read data/benchmarks/fashion-mnist.json and tabulate it.

The full benchmark trains three models on 60,000 Fashion-MNIST images, which
takes far too long to repeat at every build of the site. So it was run once,
with scripts/record_benchmark.py, and its results were saved together with a
record of when, on what machine and with which command. This script only
reads that file: every number the "From scratch" page quotes about the run
comes from it, checked first, so a file with a missing field stops the build
with an error naming the file.
"""

import json
from pathlib import Path

from site_benchmark_results import MACHINE_FIELDS, check_results, describe_machine, results_table

# build-inputs: ../../data/benchmarks/fashion-mnist.json
RECORDED = Path(__file__).resolve().parents[2] / "data" / "benchmarks" / "fashion-mnist.json"
RECORD_FIELDS = ("date", "command", "machine")


def load_recorded(path: Path = RECORDED) -> tuple[dict, dict[str, dict]]:
    """The record of the run and its results by model, checked; ValueError naming the file."""
    try:
        data = json.loads(Path(path).read_text())
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(data, dict) or not {"recorded", "results"} <= data.keys():
        raise ValueError(f"{path}: needs an object with 'recorded' and 'results'")
    record = data["recorded"]
    missing = [name for name in RECORD_FIELDS if name not in record]
    missing += [
        f"machine.{name}"
        for name in MACHINE_FIELDS
        if "machine" in record and name not in record["machine"]
    ]
    if missing:
        raise ValueError(f"{path}: 'recorded' lacks {', '.join(missing)}")
    results = check_results(data["results"], str(path))
    if any(result["quick"] for result in results.values()):
        raise ValueError(f"{path}: holds a --quick run, whose numbers mean nothing")
    return record, results


def provenance(record: dict) -> str:
    """When, where and how the run was made, as one Markdown sentence."""
    return (
        f"Recorded on {record['date'][:10]} (UTC) on {describe_machine(record['machine'])}, "
        f"with `{record['command']}`."
    )


if __name__ == "__main__":
    record, results = load_recorded()
    table, provenance_line = results_table(results), provenance(record)
    print(table)
    print(f"\n{provenance_line}")
    # Numbers quoted on the page
    workshop, default, scratch = results.values()
    dataset, n_train, n_test = scratch["dataset"], scratch["n_train"], scratch["n_test"]
    recorded_date = record["date"][:10]
    workshop_accuracy, default_accuracy = workshop["accuracy"], default["accuracy"]
    scratch_accuracy, scratch_epochs = scratch["accuracy"], scratch["iterations"]
    scratch_seconds, default_seconds = scratch["seconds"], default["seconds"]
    workshop_seconds, default_epochs = workshop["seconds"], default["iterations"]
    times_faster = default["seconds"] / scratch["seconds"]
    note = record.get("note", "")
