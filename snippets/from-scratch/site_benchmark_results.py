"""Check and tabulate the results of scripts/benchmark.py, and describe the machine it ran on.

scripts/benchmark.py trains three models on the same data: the workshop's
scikit-learn network (`workshop`), scikit-learn's `MLPClassifier()` with its
defaults (`sklearn-default`) and network.py (`scratch`). With `--json` it
writes one object per model. This module checks such a list (every model
there, every field present) and turns it into the Markdown table the "From
scratch" page shows; site_benchmark_sample.py and site_benchmark_recorded.py use it.
"""

import os
import platform
from importlib import metadata
from pathlib import Path

MODELS = ("workshop", "sklearn-default", "scratch")
RESULT_FIELDS = (
    "name", "dataset", "n_train", "n_test", "quick",
    "accuracy", "seconds", "iterations", "converged", "relative_time",
)  # fmt: skip
MACHINE_FIELDS = ("cpu_count", "cpu_model", "platform", "python", "numpy", "scikit-learn")


def check_results(results: object, source: str) -> dict[str, dict]:
    """The results by model name; a ValueError naming `source` if anything is missing."""
    if not isinstance(results, list):
        raise ValueError(f"{source}: the results must be a list with one object per model")
    by_name = {}
    for number, result in enumerate(results, 1):
        if not isinstance(result, dict):
            raise ValueError(f"{source}: result {number} is not an object")
        missing = [name for name in RESULT_FIELDS if name not in result]
        if missing:
            label = result.get("name", f"number {number}")
            raise ValueError(f"{source}: result {label} lacks {', '.join(missing)}")
        by_name[result["name"]] = result
    absent = [model for model in MODELS if model not in by_name]
    if absent:
        raise ValueError(f"{source}: no result for {', '.join(absent)}")
    return {model: by_name[model] for model in MODELS}


def epochs_cell(result: dict) -> str:
    """Epochs trained, marked when scikit-learn stopped at its max_iter limit."""
    return (
        f"{result['iterations']} (limit)"
        if result["converged"] is False
        else str(result["iterations"])
    )


def results_table(by_name: dict[str, dict]) -> str:
    """Accuracy, epochs, training time and time relative to sklearn-default, one row per model."""
    lines = [
        "| model | test accuracy | epochs | training time | time relative to sklearn-default |",
        "|---|--:|--:|--:|--:|",
    ]
    for name, r in by_name.items():
        lines.append(
            f"| `{name}` | {r['accuracy']:.2%} | {epochs_cell(r)} "
            f"| {r['seconds']:.1f} s | {r['relative_time']:.2f} |"
        )
    return "\n".join(lines)


def cpu_model() -> str:
    """The processor's name from /proc/cpuinfo (Linux), else what Python knows."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown processor"


def machine() -> dict:
    """The CPU count and model, operating system and library versions of this machine."""
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model(),
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "numpy": metadata.version("numpy"),
        "scikit-learn": metadata.version("scikit-learn"),
    }


def describe_machine(info: dict) -> str:
    """One line of prose about a machine as `machine()` describes it."""
    return (
        f"{info['cpu_count']} CPU cores ({info['cpu_model']}), {info['platform']}, "
        f"Python {info['python']}, NumPy {info['numpy']}, scikit-learn {info['scikit-learn']}"
    )
