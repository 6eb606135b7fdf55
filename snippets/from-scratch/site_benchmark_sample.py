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

import benchmark
import mnist
from site_benchmark_results import check_results, describe_machine, machine, results_table

if __name__ == "__main__":
    data_dir, _ = mnist.find_data()  # the folder MNIST_DATA_DIR names, as in every build
    runs = benchmark.run("mnist", benchmark.load_data(data_dir, quick=False), quick=False)
    results = check_results(runs, f"benchmark.py on {data_dir}")
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
