"""Tests for process_digits.py: the workshop's network, trained and scored."""

import ast
import os
import shutil
import subprocess
import sys

import pytest

from compare_models import WORKSHOP, configurations
from practice_support import use_small_mnist
from support import ROOT, SNIPPET_FILES, run_snippet

# The workshop's model, exactly as the workshop wrote it, plus our fixed seed.
WORKSHOP_MODEL = {"solver": "sgd", "activation": "logistic", "hidden_layer_sizes": (14, 14),
                  "learning_rate": "constant", "learning_rate_init": 0.01, "max_iter": 100}


def mlp_calls(path) -> list[ast.Call]:
    tree = ast.parse(path.read_text())
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "MLPClassifier"]


def test_the_model_is_exactly_the_workshops():
    (call,) = mlp_calls(SNIPPET_FILES["process_digits"])
    assert not call.args
    settings = {keyword.arg: ast.literal_eval(keyword.value) for keyword in call.keywords}
    assert settings == {**WORKSHOP_MODEL, "random_state": 0}


def test_the_comparison_starts_from_the_same_model():
    assert WORKSHOP == WORKSHOP_MODEL
    name, settings = configurations()[0]
    assert name == "workshop model"
    assert settings == {"scale": False, **WORKSHOP_MODEL, "random_state": 0}


@pytest.fixture(scope="module")
def run():
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_small_mnist(monkeypatch)
        yield run_snippet("process_digits")


def test_prints_sizes_stop_reason_and_accuracy(run):
    ns, out = run
    lines = out.splitlines()
    assert lines[0] == f"training on {ns['n_training']:,} images, testing on {ns['n_test']:,}"
    assert lines[1] == f"training stopped after {ns['epochs']} epochs because {ns['stop_reason']}"
    assert lines[2].startswith(f"test accuracy: {ns['accuracy']:.1%} ({ns['n_correct']:,} of")
    assert len(lines) == 3


def test_stop_reason_matches_the_run(run):
    ns, _ = run
    assert ns["hit_limit"] == (ns["epochs"] == 100)
    assert ("max_iter=100" in ns["stop_reason"]) == ns["hit_limit"]


def test_numbers_are_consistent(run):
    ns, _ = run
    assert 0 <= ns["accuracy"] <= 1
    assert ns["n_correct"] == round(ns["accuracy"] * ns["n_test"])
    # 784 -> 14 -> 14 -> 10: weights plus biases of the three layers.
    assert ns["n_parameters"] == 784 * 14 + 14 + 14 * 14 + 14 + 14 * 10 + 10


def test_the_result_does_not_depend_on_the_number_of_threads(tmp_path, snippet_results):
    """Run as a reader would, with NumPy allowed two threads: the build's output (one thread).

    Without threadpool_limits the workshop's training ends elsewhere on two threads.
    """
    for name in ("process_digits", "mnist"):
        shutil.copy(SNIPPET_FILES[name], tmp_path)
    env = {**os.environ, "MNIST_DATA_DIR": str(ROOT / "data" / "mnist-sample"),
           **dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "2")}
    run = subprocess.run([sys.executable, "process_digits.py"], cwd=tmp_path, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == snippet_results["process_digits"].stdout.strip()
