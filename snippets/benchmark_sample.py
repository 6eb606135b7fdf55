"""Run the benchmark on the MNIST images the site is built from, and tabulate the results.

This is what the "From scratch" page's first benchmark table comes from: it
runs scripts/benchmark.py on MNIST from the folder that mnist.load() reads
(the bundled 5,000-image sample when the site is built), exactly as

    python scripts/benchmark.py --dataset mnist --data-dir FOLDER --json FILE

would from the project's root, reads the JSON it writes, and describes the
machine it ran on. The benchmark runs as a process of its own, as it does
from the command line, with one thread for its matrix arithmetic. Times are
wall-clock seconds of training alone; they depend on the machine and on
whatever else it is doing.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import mnist
from benchmark_results import check_results, describe_machine, machine, results_table

# build-inputs: ../scripts/benchmark.py network.py compare_models.py
BENCHMARK = Path(__file__).resolve().parents[1] / "scripts" / "benchmark.py"
# Every model gets one core for its matrix arithmetic. The build runs other snippets
# alongside, and more arithmetic threads than free cores make every model many times
# slower, by amounts that change from run to run.
THREADS = dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "1")
ONE_THREAD = {**os.environ, **THREADS}


def run_benchmark(data_dir: Path) -> list[dict]:
    """Run scripts/benchmark.py on the MNIST files in data_dir; its results as a list."""
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "results.json"
        command = [
            sys.executable,
            str(BENCHMARK),
            "--dataset",
            "mnist",
            "--data-dir",
            str(data_dir),
            "--json",
            str(output),
        ]
        completed = subprocess.run(command, capture_output=True, text=True, env=ONE_THREAD)
        if completed.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{completed.stderr}")
        return json.loads(output.read_text())


if __name__ == "__main__":
    data_dir, _ = mnist.find_data()  # the folder MNIST_DATA_DIR names, as in every build
    results = check_results(run_benchmark(data_dir), f"{BENCHMARK.name} on {data_dir}")
    table = results_table(results)
    machine_line = describe_machine(machine())
    print(table)
    print(f"\nmachine: {machine_line}")
    # Numbers quoted on the page
    workshop, default, scratch = results.values()
    n_train, n_test = scratch["n_train"], scratch["n_test"]
    workshop_accuracy, default_accuracy = workshop["accuracy"], default["accuracy"]
    scratch_accuracy, scratch_epochs = scratch["accuracy"], scratch["iterations"]
    scratch_seconds, default_seconds = scratch["seconds"], default["seconds"]
    default_epochs = default["iterations"]
    times_faster = default["seconds"] / scratch["seconds"]
