"""Race our NumPy network against scikit-learn's MLPClassifier on the same data.

    python benchmark.py --dataset {mnist,fashion} [--data-dir DIR] [--json PATH] [--quick]

Trains three models one after another and tests each on the test set:

- `workshop`: the workshop's `MLPClassifier(solver='sgd', activation='logistic',
  hidden_layer_sizes=(14, 14), learning_rate='constant', learning_rate_init=0.01,
  max_iter=100)`;
- `sklearn-default`: `MLPClassifier()` with its defaults (only random_state fixed);
- `scratch`: network.py with its own defaults.

Every model sees the same pixels divided by 255 (float32 in [0, 1]). `seconds` is the
wall-clock time of training alone (loading, scaling and testing are not timed);
`relative_time` divides it by sklearn-default's. It prints a Markdown table and
can write the same numbers as JSON. `--quick` trains on a small subset for a few
iterations so the whole run takes seconds (for CI): its numbers mean nothing.

Default data: mnist -> wherever mnist.load() finds it ($MNIST_DATA_DIR, else a
download); fashion -> /usr/share/datasets/fashion-mnist.
"""

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

import mnist
import network
from compare_models import WORKSHOP  # the workshop settings, one source

FASHION_DIR = Path("/usr/share/datasets/fashion-mnist")
QUICK_TRAIN = 1000  # training images in a --quick run
QUICK_ITERATIONS = 3  # epochs (sklearn: max_iter) in a --quick run
SEED = 0

Data = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", choices=["mnist", "fashion"], required=True)
    parser.add_argument("--data-dir", type=Path, help="folder with the four IDX files")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--quick", action="store_true", help="tiny run for CI; numbers mean nothing"
    )
    return parser.parse_args(argv)


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


def sklearn_models(quick: bool) -> dict[str, MLPClassifier]:
    """The workshop's model and scikit-learn's default one, by name."""
    limit = {"max_iter": QUICK_ITERATIONS} if quick else {}
    workshop = MLPClassifier(**WORKSHOP, random_state=SEED)
    return {
        "workshop": workshop.set_params(**limit),
        "sklearn-default": MLPClassifier(random_state=SEED, **limit),
    }


def fit_sklearn(model: MLPClassifier, data: Data) -> dict:
    """Train one scikit-learn model; note whether it converged instead of warning."""
    x_train, y_train, x_test, y_test = data
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(x_train, y_train)
        seconds = time.perf_counter() - start
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    accuracy = float(model.score(x_test, y_test))
    return {
        "accuracy": accuracy,
        "seconds": seconds,
        "iterations": model.n_iter_,
        "converged": converged,
    }


def fit_scratch(data: Data, quick: bool) -> dict:
    """Train snippets/network.py's default network for its default number of epochs."""
    x_train, y_train, x_test, y_test = data
    epochs = QUICK_ITERATIONS if quick else network.EPOCHS
    start = time.perf_counter()
    net = network.init_network(network.LAYER_SIZES, rng=SEED)
    network.train(net, x_train, y_train, epochs=epochs, seed=SEED)
    seconds = time.perf_counter() - start
    accuracy, _ = network.evaluate(net, x_test, y_test)
    return {"accuracy": accuracy, "seconds": seconds, "iterations": epochs, "converged": None}


def run(dataset: str, data: Data, quick: bool) -> list[dict]:
    """Train the three models in turn and describe each result."""
    results = {name: fit_sklearn(model, data) for name, model in sklearn_models(quick).items()}
    results["scratch"] = fit_scratch(data, quick)
    reference = results["sklearn-default"]["seconds"]
    common = {"dataset": dataset, "n_train": len(data[0]), "n_test": len(data[2]), "quick": quick}
    return [
        {"name": name, **common, **result, "relative_time": result["seconds"] / reference}
        for name, result in results.items()
    ]


def table(results: list[dict]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| model | test accuracy | training seconds | time relative to sklearn-default |",
        "|---|--:|--:|--:|",
    ]
    for r in results:
        lines.append(
            f"| {r['name']} | {r['accuracy']:.4f} | {r['seconds']:.2f} | {r['relative_time']:.2f} |"
        )
    return "\n".join(lines)


def header(dataset: str, folder: Path, data: Data, quick: bool) -> str:
    """What was trained on, and how seriously to take the numbers."""
    kind = (
        "QUICK RUN (tiny subset, few iterations: the numbers mean nothing)" if quick else "full run"
    )
    return (
        f"{dataset} from {folder}: {len(data[0])} training and {len(data[2])} test images; {kind}\n"
        "All three models train on the pixels divided by 255 (float32 in [0, 1]).\n"
    )


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    folder = data_dir(args.dataset, args.data_dir)
    data = load_data(folder, args.quick)
    print(header(args.dataset, folder, data, args.quick))
    results = run(args.dataset, data, args.quick)
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
