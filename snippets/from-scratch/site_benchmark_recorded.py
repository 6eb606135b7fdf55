"""The recorded benchmark runs: read data/benchmarks/*.json, check them and tabulate them.

Timings measured while the site is built would make every build different and
would depend on whatever else the build machine was doing. So every time and
time ratio on the "From scratch" and "Going further" pages comes from runs of
scripts/record_benchmark.py saved in data/benchmarks/, each with a record of
when, on what machine, how busy it was and with which command:

- mnist-sample.json: the bundled 5,000-image MNIST sample, several rounds,
  with network.py's variants (one choice undone at a time);
- fashion-mnist.json: the full Fashion-MNIST (60,000 training images), several
  rounds, with the accuracy on each class.

This script only reads those files. It checks them first (a missing field stops
the build with an error naming the file), and it checks every comparison the
pages state in words, so a new recording that contradicts the text fails the
build instead of printing a false sentence.
"""

import json
from pathlib import Path

import benchmark
from site_benchmark_results import (
    MACHINE_FIELDS,
    VARIANT_PREFIX,
    check_results,
    describe_machine,
    results_table,
    spread_cell,
    time_ratios,
    variants_table,
)
from tables import markdown_table

# build-inputs: ../../data/benchmarks/mnist-sample.json ../../data/benchmarks/fashion-mnist.json
FOLDER = Path(__file__).resolve().parents[2] / "data" / "benchmarks"
SAMPLE, FASHION = FOLDER / "mnist-sample.json", FOLDER / "fashion-mnist.json"
RECORD_FIELDS = ("date", "command", "machine", "load_average")
CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
           "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")  # fmt: skip
DISTINCT = ("Trouser", "Bag", "Sandal", "Sneaker")  # shapes of their own
TORSO = ("Shirt", "T-shirt/top", "Pullover", "Coat")  # a torso with sleeves


def load_recorded(path: Path) -> tuple[dict, dict[str, dict]]:
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


def provenance(record: dict, rounds: int) -> str:
    """When, where, how busy and how the run was made, as one Markdown sentence."""
    load = record["load_average"]
    return (
        f"Recorded on {record['date'][:10]} (UTC) on {describe_machine(record['machine'])}, "
        f"{rounds} rounds, with `{record['command']}`. Load average (1, 5, 15 minutes) "
        f"before the run: {load['before']}; after: {load['after']}."
    )


def class_table(result: dict) -> str:
    """Accuracy on each class (median over the rounds), from worst to best."""
    ranked = sorted(zip(result["class_accuracy"], CLASSES, strict=True))
    return markdown_table(["class", "test accuracy"],
                          [[name, f"{accuracy:.1%}"] for accuracy, name in ranked], align="lr")


def check_class_remarks(per_class: dict[str, float]) -> None:
    """What the Going further page says about the classes; AssertionError if it is false."""
    assert min(per_class, key=per_class.get) == "Shirt", "shirts must come last"
    assert all(per_class[name] > 0.95 for name in DISTINCT), "distinct shapes nearly always right"
    assert max(per_class[name] for name in TORSO) < min(per_class[name] for name in DISTINCT)


def check_variant_remarks(by_name: dict[str, dict]) -> None:
    """What the From scratch page says about each variant; AssertionError if it is false."""
    scratch = by_name["scratch"]["accuracy"]["median"]

    def change(variant: str) -> tuple[float, float]:
        """A variant's median accuracy minus scratch's, and its median time / scratch's."""
        result = by_name[VARIANT_PREFIX + variant]
        ratio = time_ratios(result, by_name["scratch"])["median"]
        return result["accuracy"]["median"] - scratch, ratio

    accuracy, time = change("float64 instead of float32")
    assert accuracy == 0 and time > 1, "float64: same accuracy, more time"
    accuracy, time = change("constant learning rate")
    assert accuracy < -0.01 and 0.9 < time < 1.1, "constant rate: a point or more lower, same time"
    accuracy, _ = change("learning rate falling in a straight line")
    assert abs(accuracy) < 0.005, "straight-line schedule: within half a point"
    accuracy, time = change("no shifted copies")
    assert scratch >= 0.95 > scratch + accuracy and 0.4 < time < 0.6, (
        "the shifted copy doubles the images, and so roughly the time, and lifts it past 95%")
    accuracy, time = change("batch size 32")
    assert accuracy < 0 and time > 1, "batches of 32: lower accuracy, more time"
    accuracy, _ = change("learning rate 0.05 (network.py's default)")
    assert accuracy < 0, "the default learning rate gets less far in four epochs"
    accuracy, time = change("256 hidden neurons (network.py's default)")
    assert 0 < accuracy < 0.01 and time > 1, "256 hidden neurons: a little more accuracy, more time"


def check_recorded_settings(by_name: dict[str, dict]) -> None:
    """The recorded run is of today's settings, which the From scratch page quotes from the
    code: the same variants (named after network.py's defaults where they say so) and the
    same number of epochs. AssertionError if not: record the run again."""
    recorded = {name.removeprefix(VARIANT_PREFIX) for name in by_name}
    missing = sorted(set(benchmark.VARIANTS) - recorded)
    assert not missing, f"benchmark.py's variants changed since the run: {missing}"
    assert by_name["scratch"]["iterations"]["median"] == benchmark.SCRATCH["mnist"]["epochs"]


if __name__ == "__main__":
    sample_record, sample = load_recorded(SAMPLE)
    fashion_record, fashion = load_recorded(FASHION)
    sample_table, fashion_table = results_table(sample), results_table(fashion)
    variants = variants_table(sample)
    sample_provenance = provenance(sample_record, sample["scratch"]["repeat"])
    fashion_provenance = provenance(fashion_record, fashion["scratch"]["repeat"])
    classes_table = class_table(fashion["scratch"])
    print(f"{sample_table}\n\n{variants}\n\n{sample_provenance}\n")
    print(f"{fashion_table}\n\n{classes_table}\n\n{fashion_provenance}")
    check_class_remarks(dict(zip(CLASSES, fashion["scratch"]["class_accuracy"], strict=True)))
    check_recorded_settings(sample)
    check_variant_remarks(sample)
    # Numbers quoted on the pages: medians over the rounds, and ranges where they matter
    s_scratch, s_default = sample["scratch"], sample["sklearn-default"]
    sample_rounds = s_scratch["repeat"]
    sample_scratch_accuracy = s_scratch["accuracy"]["median"]
    sample_default_accuracy = s_default["accuracy"]["median"]
    # scratch's training time / sklearn-default's, in the same round: median and range
    sample_time_median, sample_time_min, sample_time_max = s_scratch["relative_time"].values()
    sample_default_seconds = spread_cell(s_default["seconds"], ".1f", " s")
    sample_scratch_seconds = spread_cell(s_scratch["seconds"], ".2f", " s")
    sample_default_epochs = s_default["iterations"]["median"]
    # What the falling schedule adds over a constant rate, in percentage points (medians)
    constant = sample[VARIANT_PREFIX + "constant learning rate"]["accuracy"]["median"]
    schedule_gain_points = 100 * (sample_scratch_accuracy - constant)
    f_scratch, f_default = fashion["scratch"], fashion["sklearn-default"]
    dataset, n_train, n_test = f_scratch["dataset"], f_scratch["n_train"], f_scratch["n_test"]
    fashion_rounds, recorded_date = f_scratch["repeat"], fashion_record["date"][:10]
    scratch_accuracy, default_accuracy = (r["accuracy"]["median"] for r in (f_scratch, f_default))
    workshop_accuracy = fashion["workshop"]["accuracy"]["median"]
    scratch_epochs, default_epochs = (r["iterations"]["median"] for r in (f_scratch, f_default))
    scratch_seconds = spread_cell(f_scratch["seconds"], ".1f", " s")
    default_seconds = spread_cell(f_default["seconds"], ".0f", " s")
    fashion_time_median, fashion_time_min, fashion_time_max = f_scratch["relative_time"].values()
    shirt_accuracy = f_scratch["class_accuracy"][CLASSES.index("Shirt")]
    # The sentences "faster in every round" and "ahead of MLPClassifier()" on the pages
    for results in (sample, fashion):
        scratch, default = results["scratch"], results["sklearn-default"]
        assert scratch["relative_time"]["max"] < 1, "scratch must be faster in every round"
        assert scratch["accuracy"]["median"] > default["accuracy"]["median"], "and more accurate"
    assert all(s_default["converged"]), "on the sample, MLPClassifier() stops when its cost does"
