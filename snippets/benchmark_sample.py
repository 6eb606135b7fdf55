"""Run the benchmark on the MNIST images the site is built from, and tabulate the accuracies.

This is where the "From scratch" page's first benchmark table comes from: it
runs scripts/benchmark.py on MNIST from the folder that mnist.load() reads
(the bundled 5,000-image sample when the site is built), exactly as

    python scripts/benchmark.py --dataset mnist --data-dir FOLDER --models workshop,scratch \\
        --json FILE

would from the project's root, reads the JSON it writes, and describes the
machine it ran on. Only the two quick models train (scikit-learn's default
model takes several times longer than both together; its numbers come from the
recorded run), once each, with random seed 0, as a process of its own.

Its limits: the table shows accuracies and epochs, never times. Times measured
during a build depend on whatever else the machine is doing, and would make two
builds of the site differ; the pages take every time from a recorded run
(benchmark_recorded.py).
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import mnist
import network
from benchmark_results import check_results, describe_machine, machine, results_table

# build-inputs: ../scripts/benchmark.py network.py compare_models.py
MODELS = ("workshop", "scratch")  # the two that train in seconds
BENCHMARK = Path(__file__).resolve().parents[1] / "scripts" / "benchmark.py"
sys.path.insert(0, str(BENCHMARK.parent))
import benchmark  # noqa: E402  (for its settings only: SCRATCH)

# Every model gets one core for its matrix arithmetic. The build runs other snippets
# alongside, and more arithmetic threads than free cores make every model many times
# slower, by amounts that change from run to run.
THREADS = dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "1")
ONE_THREAD = {**os.environ, **THREADS}


def settings_table(scratch: dict[str, dict]) -> str:
    """network.py's settings in the benchmark, one column per data set; defaults in plain text."""
    defaults = {"hidden": network.LAYER_SIZES[1], "epochs": network.EPOCHS}
    defaults |= {name: network.train.__kwdefaults__[name] for name in
                 ("batch_size", "learning_rate", "shifted_copies")}  # fmt: skip
    labels = {"hidden": "hidden neurons", "epochs": "epochs", "batch_size": "batch size",
              "learning_rate": "learning rate", "shifted_copies": "shifted copies"}  # fmt: skip
    lines = [f"| setting | {' | '.join(scratch)} |", "|---|" + "--:|" * len(scratch)]
    for key, label in labels.items():
        cells = []
        for settings in scratch.values():
            value = settings.get(key, defaults[key])
            cells.append(f"**{value:g}**" if value != defaults[key] else f"{value:g}")
        lines.append(f"| {label} | {' | '.join(cells)} |")
    return "\n".join(lines)


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
            "--models",
            ",".join(MODELS),
            "--json",
            str(output),
        ]
        completed = subprocess.run(command, capture_output=True, text=True, env=ONE_THREAD)
        if completed.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{completed.stderr}")
        return json.loads(output.read_text())


if __name__ == "__main__":
    data_dir, _ = mnist.find_data()  # the folder MNIST_DATA_DIR names, as in every build
    source = f"{BENCHMARK.name} on {data_dir}"
    results = check_results(run_benchmark(data_dir), source, MODELS)
    table = results_table(results, times=False)
    machine_line = describe_machine(machine())
    print(table)
    print(f"\nmachine: {machine_line}")
    settings = settings_table({"MNIST sample": benchmark.SCRATCH["mnist"],
                               "Fashion-MNIST": benchmark.SCRATCH["fashion"]})  # fmt: skip
    print(f"\n{settings}")
    small_data = benchmark.SCRATCH["mnist"]  # network.py's settings on the sample, quoted
    sample_hidden, sample_epochs = small_data["hidden"], small_data["epochs"]
    sample_batch_size, sample_learning_rate = small_data["batch_size"], small_data["learning_rate"]
    small_batch = benchmark.VARIANTS["batch size 32"]["batch_size"]
    # Numbers quoted on the page
    workshop, scratch = results["workshop"], results["scratch"]
    n_train, n_test = scratch["n_train"], scratch["n_test"]
    workshop_accuracy = workshop["accuracy"]["median"]
    scratch_accuracy = scratch["accuracy"]["median"]
    scratch_epochs = scratch["iterations"]["median"]
