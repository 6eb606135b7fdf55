"""Run the benchmark on the MNIST images the site is built from, and tabulate the accuracies.

This is where the "From scratch" page's first benchmark table comes from: it
runs benchmark.py's models on MNIST from the folder that mnist.load() reads
(the bundled 5,000-image sample when the site is built), as

    python benchmark.py --dataset mnist --models workshop,scratch

would, and describes the machine it ran on. Only the two quick models train
(scikit-learn's default model takes several times longer than both together;
its numbers come from the recorded run), once each, with random seed 0.

Its limits: the table shows accuracies and epochs, never times. Times measured
during a build depend on whatever else the machine is doing, and would make two
builds of the site differ; the pages take every time from a recorded run
(site_benchmark_recorded.py).
"""

import benchmark
import mnist
from site_benchmark_results import check_results, describe_machine, machine, results_table
from tables import markdown_table

MODELS = ("workshop", "scratch")  # the two that train in seconds


def settings_table(scratch: dict[str, dict]) -> str:
    """network.py's settings in the benchmark, one column per data set; defaults in plain text."""
    defaults = benchmark.DEFAULTS
    labels = {"hidden": "hidden neurons", "epochs": "epochs", "batch_size": "batch size",
              "learning_rate": "learning rate", "shifted_copies": "shifted copies"}  # fmt: skip
    rows = [[label, *(shown(settings.get(key, defaults[key]), defaults[key])
                      for settings in scratch.values())] for key, label in labels.items()]
    return markdown_table(["setting", *scratch], rows, align="l" + "r" * len(scratch))


def shown(value: float, default: float) -> str:
    """A setting as the table shows it: bold where it differs from network.py's default."""
    return f"**{value:g}**" if value != default else f"{value:g}"


if __name__ == "__main__":
    data_dir, _ = mnist.find_data()  # the folder MNIST_DATA_DIR names, as in every build
    options = benchmark.parse_args(["--dataset", "mnist", "--models", ",".join(MODELS)])
    runs = benchmark.run("mnist", benchmark.load_data(data_dir, quick=False), options)
    results = check_results(runs, f"benchmark.py on {data_dir}", MODELS)
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
    # The page says so: one shifted copy, a smaller network, a higher learning rate.
    assert small_data["shifted_copies"] == 1 and sample_hidden < benchmark.DEFAULTS["hidden"]
    assert sample_learning_rate > benchmark.DEFAULTS["learning_rate"]
    # Numbers quoted on the page
    workshop, scratch = results["workshop"], results["scratch"]
    n_train, n_test = scratch["n_train"], scratch["n_test"]
    workshop_accuracy = workshop["accuracy"]["median"]
    scratch_accuracy = scratch["accuracy"]["median"]
    scratch_epochs = scratch["iterations"]["median"]
