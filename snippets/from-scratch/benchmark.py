"""Race our NumPy network against scikit-learn's MLPClassifier on the same data.

    python benchmark.py --dataset {mnist,fashion} [--data-dir DIR] [--repeat N]
        [--models NAME,...] [--variants] [--json PATH] [--quick]

Trains up to three models side by side and tests each on the test set:

- `workshop`: the workshop's `MLPClassifier(solver='sgd', activation='logistic',
  hidden_layer_sizes=(14, 14), learning_rate='constant', learning_rate_init=0.01,
  max_iter=100)`;
- `sklearn-default`: `MLPClassifier()` with its defaults (only random_state set);
- `scratch`: network.py with the settings in SCRATCH for the data set:
  its own defaults on Fashion-MNIST; on MNIST (the 5,000-image sample) one
  shifted copy of every image and a short, fast schedule.

`--repeat N` trains every model N times, round after round; round i uses random
seed i for every model, so the spread covers both the seed and the timing noise.
Each result gives the median, minimum and maximum over the rounds. `--variants`
also trains `scratch` with one of its choices undone at a time (VARIANTS), to
show what each choice buys. `--models` trains only the models named.

Every model sees the same pixels divided by 255 (float32 in [0, 1]) and gets one
thread for its matrix arithmetic (on a shared machine, more threads mostly add
noise). `seconds` is the wall-clock time of training alone (network.py's shifted
copies are made inside its training, so they count; loading, scaling and testing
do not); `relative_time` divides it by sklearn-default's time in the same round.
The script prints a Markdown table and can write every run as JSON. `--quick`
trains on a small subset for a few iterations so the whole run takes seconds (for
CI): its numbers mean nothing.

Default data: mnist -> wherever mnist.load() finds it ($MNIST_DATA_DIR, else a
download); fashion -> /usr/share/datasets/fashion-mnist (Debian's dataset-fashion-mnist).
"""

import argparse
import json
import statistics
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits

import mnist
import network
from compare_models import WORKSHOP  # the workshop settings, one source
from tables import markdown_table

FASHION_DIR = Path("/usr/share/datasets/fashion-mnist")
QUICK_TRAIN = 1000  # training images in a --quick run
QUICK_ITERATIONS = 3  # epochs (sklearn: max_iter) in a --quick run
MODELS = ("workshop", "sklearn-default", "scratch")
# network.py's defaults, as the settings below name them
DEFAULTS = {"hidden": network.LAYER_SIZES[1], "epochs": network.EPOCHS,
            **{name: network.train.__kwdefaults__[name]
               for name in ("batch_size", "learning_rate", "shifted_copies")}}
# network.py's settings: `hidden` neurons, then arguments of network.train. Fashion-MNIST
# gets the defaults. The MNIST sample has only 5,000 images, too few for the defaults to
# generalise well: one shifted copy of each doubles them, and a higher learning rate over
# four epochs of a smaller network trains on them quickly.
SCRATCH = {
    "mnist": {"hidden": 128, "epochs": 4, "batch_size": 128, "learning_rate": 0.3,
              "shifted_copies": 1},
    "fashion": {"hidden": network.LAYER_SIZES[1]},
}  # fmt: skip
# One of scratch's choices undone at a time: name -> the settings it changes
VARIANTS = {
    "float64 instead of float32": {"dtype": "float64"},
    "constant learning rate": {"schedule": "constant"},
    "learning rate falling in a straight line": {"schedule": "straight line"},
    "no shifted copies": {"shifted_copies": 0},
    "batch size 32": {"batch_size": 32},
    f"learning rate {DEFAULTS['learning_rate']:g} (network.py's default)":
        {"learning_rate": DEFAULTS["learning_rate"]},
    f"{DEFAULTS['hidden']} hidden neurons (network.py's default)": {"hidden": DEFAULTS["hidden"]},
}

Data = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
Trainer = Callable[[Data, int], dict]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", choices=["mnist", "fashion"], required=True)
    parser.add_argument("--data-dir", type=Path, help="folder with the four IDX files")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of training (seeds 0..N-1)")
    parser.add_argument(
        "--models", default=",".join(MODELS), help=f"comma-separated, from {', '.join(MODELS)}"
    )
    parser.add_argument("--variants", action="store_true", help="also train scratch's VARIANTS")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--quick", action="store_true", help="tiny run for CI; numbers mean nothing"
    )
    args = parser.parse_args(argv)
    args.models = args.models.split(",")
    unknown = set(args.models) - set(MODELS)
    if unknown or args.repeat < 1:
        parser.error(f"unknown models {sorted(unknown)}" if unknown else "--repeat must be >= 1")
    return args


def data_dir(dataset: str, given: Path | None) -> Path | None:
    """The folder to read: the one given, else the dataset's usual place.

    None for MNIST means: wherever mnist.load() finds it ($MNIST_DATA_DIR, or a download).
    """
    if given is not None:
        return given
    return FASHION_DIR if dataset == "fashion" else None


def load_data(folder: Path | None, quick: bool) -> Data:
    """Training and test pixels scaled to [0, 1] (float32), with their labels."""
    train_images, train_labels, test_images, test_labels = mnist.load(folder)
    if quick:
        train_images, train_labels = train_images[:QUICK_TRAIN], train_labels[:QUICK_TRAIN]
    return network.scale(train_images), train_labels, network.scale(test_images), test_labels


def class_accuracy(predicted: np.ndarray, labels: np.ndarray) -> list[float]:
    """For each class 0..9, the fraction of its test images predicted right."""
    return [float(np.mean(predicted[labels == c] == c)) for c in range(10)]


def sklearn_model(name: str, seed: int, quick: bool) -> MLPClassifier:
    """The workshop's model or scikit-learn's default one, with this random seed."""
    settings = WORKSHOP if name == "workshop" else {}
    limit = {"max_iter": QUICK_ITERATIONS} if quick else {}
    return MLPClassifier(**{**settings, **limit}, random_state=seed)


def fit_sklearn(model: MLPClassifier, data: Data) -> dict:
    """Train one scikit-learn model; note whether it converged instead of warning."""
    x_train, y_train, x_test, y_test = data
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(x_train, y_train)
        seconds = time.perf_counter() - start
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    predicted = model.predict(x_test)
    return {
        "accuracy": float(np.mean(predicted == y_test)),
        "seconds": seconds,
        "iterations": model.n_iter_,
        "converged": converged,
        "class_accuracy": class_accuracy(predicted, y_test),
    }


def straight_line_rates(learning_rate: float, steps: int) -> Iterator[float]:
    """The schedule the cosine replaced: from learning_rate down to 0 in a straight line."""
    return iter((learning_rate * np.linspace(1, 0, steps, endpoint=False)).tolist())


def constant_rates(learning_rate: float, steps: int) -> Iterator[float]:
    """No schedule: every update takes learning_rate."""
    return iter([learning_rate] * steps)


# network.py's learning-rate schedule, and the ones its variants swap in
SCHEDULES = {"cosine": network.decaying_rates, "straight line": straight_line_rates,
             "constant": constant_rates}


def fit_scratch(settings: dict, data: Data, seed: int, quick: bool) -> dict:
    """Train network.py's network with these settings (see SCRATCH and VARIANTS)."""
    settings = dict(settings)
    hidden, dtype = settings.pop("hidden"), np.dtype(settings.pop("dtype", "float32"))
    rates = SCHEDULES[settings.pop("schedule", "cosine")]
    if quick:
        settings["epochs"] = QUICK_ITERATIONS
    x_train, y_train, x_test, y_test = data
    x_train, x_test = x_train.astype(dtype, copy=False), x_test.astype(dtype, copy=False)
    with mock.patch.object(network, "decaying_rates", rates):  # a variant's schedule, if any
        start = time.perf_counter()
        net = network.init_network([x_train.shape[1], hidden, 10], rng=seed, dtype=dtype)
        network.train(net, x_train, y_train, seed=seed, **settings)
        seconds = time.perf_counter() - start
    predicted = network.predict_proba(net, x_test).argmax(axis=1)
    epochs = settings.get("epochs", network.EPOCHS)
    return {
        "accuracy": float(np.mean(predicted == y_test)),
        "seconds": seconds,
        "iterations": epochs,
        "converged": None,
        "class_accuracy": class_accuracy(predicted, y_test),
    }


def trainers(dataset: str, models: list[str], variants: bool, quick: bool) -> dict[str, Trainer]:
    """What to train, by name: each trainer takes the data and a seed and returns one run."""
    chosen: dict[str, Trainer] = {}
    for name in models:
        if name == "scratch":
            chosen[name] = lambda data, seed: fit_scratch(SCRATCH[dataset], data, seed, quick)
        else:
            chosen[name] = lambda data, seed, name=name: fit_sklearn(
                sklearn_model(name, seed, quick), data
            )
    for variant, change in VARIANTS.items() if variants else ():
        settings = {**SCRATCH[dataset], **change}
        chosen[f"scratch, {variant}"] = lambda data, seed, s=settings: fit_scratch(
            s, data, seed, quick
        )
    return chosen


def spread(values: list[float]) -> dict:
    """Median, minimum and maximum of a list of numbers."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summarise(name: str, runs: list[dict], common: dict) -> dict:
    """One model's runs with the median and range of each measurement."""
    summary = {"name": name, **common, "repeat": len(runs), "runs": runs}
    for key in ("accuracy", "seconds", "iterations"):
        summary[key] = spread([run[key] for run in runs])
    times = [run["relative_time"] for run in runs]
    summary["relative_time"] = None if None in times else spread(times)
    summary["converged"] = [run["converged"] for run in runs]
    per_class = np.median([run["class_accuracy"] for run in runs], axis=0)
    summary["class_accuracy"] = [float(a) for a in per_class]
    return summary


def run(dataset: str, data: Data, args: argparse.Namespace) -> list[dict]:
    """Train every model once a round, for args.repeat rounds; one summary per model."""
    chosen = trainers(dataset, args.models, args.variants, args.quick)
    runs: dict[str, list[dict]] = {name: [] for name in chosen}
    for seed in range(args.repeat):
        this_round = {name: {"seed": seed, **train(data, seed)} for name, train in chosen.items()}
        reference = this_round.get("sklearn-default", {}).get("seconds")
        for name, result in this_round.items():
            result["relative_time"] = result["seconds"] / reference if reference else None
            runs[name].append(result)
    common = {"dataset": dataset, "n_train": len(data[0]), "n_test": len(data[2]),
              "quick": args.quick}  # fmt: skip
    return [summarise(name, model_runs, common) for name, model_runs in runs.items()]


def cell(summary: dict | None, fmt: str) -> str:
    """A median with its range in brackets, or a dash when there is nothing to show."""
    if summary is None:
        return "-"
    return f"{summary['median']:{fmt}} [{summary['min']:{fmt}}, {summary['max']:{fmt}}]"


def table(results: list[dict]) -> str:
    """The results as a Markdown table: median [min, max] over the rounds."""
    headers = ["model", "test accuracy", "training seconds", "time relative to sklearn-default"]
    return markdown_table(headers, [[r["name"], cell(r["accuracy"], ".4f"),
                                     cell(r["seconds"], ".2f"), cell(r["relative_time"], ".3f")]
                                    for r in results], align="lrrr")


def header(dataset: str, folder: Path, data: Data, args: argparse.Namespace) -> str:
    """What was trained on, how often, and how seriously to take the numbers."""
    kind = (
        "QUICK RUN (tiny subset, few iterations: the numbers mean nothing)"
        if args.quick
        else "full run"
    )
    return (
        f"{dataset} from {folder}: {len(data[0])} training and {len(data[2])} test images; {kind}\n"
        f"{args.repeat} round(s), seeds 0..{args.repeat - 1}; median [min, max] over the rounds.\n"
        "Every model trains on the pixels divided by 255 (float32 in [0, 1]), on one thread.\n"
    )


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    folder = data_dir(args.dataset, args.data_dir)
    data = load_data(folder, args.quick)
    read_from = folder if folder is not None else mnist.find_data()[0]  # where mnist.load() read
    print(header(args.dataset, read_from, data, args), flush=True)
    with threadpool_limits(limits=1):
        results = run(args.dataset, data, args)
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
