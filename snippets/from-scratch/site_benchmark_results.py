"""Check and tabulate the results of benchmark.py, and describe the machine it ran on.

benchmark.py trains three models on the same data, round after round
(`--repeat N`, seed i in round i): the workshop's scikit-learn network
(`workshop`), scikit-learn's `MLPClassifier()` with its defaults
(`sklearn-default`) and network.py (`scratch`), and with `--variants` also
`scratch` with one choice undone at a time. With `--json` it writes one
object per model: every run, and the median, minimum and maximum of each
measurement. This module checks such a list (the models expected there, every
field present) and turns it into the Markdown tables the "From scratch" page
shows; site_benchmark_sample.py and site_benchmark_recorded.py use it.
"""

import os
import platform
import statistics
from importlib import metadata
from pathlib import Path

from tables import markdown_table

MODELS = ("workshop", "sklearn-default", "scratch")
RESULT_FIELDS = (
    "name", "dataset", "n_train", "n_test", "quick", "repeat", "runs",
    "accuracy", "seconds", "iterations", "converged", "relative_time", "class_accuracy",
)  # fmt: skip
MACHINE_FIELDS = ("cpu_count", "cpu_model", "platform", "python", "numpy", "scikit-learn")
VARIANT_PREFIX = "scratch, "  # how benchmark.py names scratch with one choice undone


def check_results(results: object, source: str, models: tuple = MODELS) -> dict[str, dict]:
    """The results by name, `models` first; a ValueError naming `source` if anything is missing."""
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
    absent = [model for model in models if model not in by_name]
    if absent:
        raise ValueError(f"{source}: no result for {', '.join(absent)}")
    return {model: by_name[model] for model in models} | by_name


def spread_cell(spread: dict, fmt: str, unit: str = "") -> str:
    """A median, with the range over the rounds after it when there were several."""
    median = f"{spread['median']:{fmt}}{unit}"
    if spread["min"] == spread["max"]:
        return median
    return f"{median} ({spread['min']:{fmt}}–{spread['max']:{fmt}})"


def epochs_cell(result: dict) -> str:
    """Epochs trained (median), marked when scikit-learn stopped at its max_iter limit."""
    limited = sum(converged is False for converged in result["converged"])
    epochs = spread_cell(result["iterations"], "g")
    if limited == 0:
        return epochs
    if limited == result["repeat"]:
        return f"{epochs} (limit)"
    return f"{epochs} (limit in {limited} of {result['repeat']} rounds)"


def results_table(by_name: dict[str, dict], times: bool = True) -> str:
    """Accuracy and epochs, and unless times=False training time, one row per model.

    Each cell holds the median over the rounds and, in brackets, the lowest and
    highest value.
    """
    headers = ["model", "test accuracy", "epochs"]
    headers += ["training time", "time relative to sklearn-default"] if times else []
    rows = []
    for name, r in by_name.items():
        if not name.startswith(VARIANT_PREFIX):
            row = [f"`{name}`", spread_cell(r["accuracy"], ".2%"), epochs_cell(r)]
            row += [spread_cell(r["seconds"], ".2f", " s"),
                    spread_cell(r["relative_time"], ".3f")] if times else []
            rows.append(row)
    return markdown_table(headers, rows, align="l" + "r" * (len(headers) - 1))


def time_ratios(result: dict, reference: dict) -> dict:
    """Median, min and max over the rounds of result's time / reference's time in that round."""
    ratios = [
        run["seconds"] / ref["seconds"]
        for run, ref in zip(result["runs"], reference["runs"], strict=True)
    ]
    return {"median": statistics.median(ratios), "min": min(ratios), "max": max(ratios)}


def variants_table(by_name: dict[str, dict]) -> str:
    """Scratch and each variant: accuracy, and training time as a multiple of scratch's."""
    scratch = by_name["scratch"]
    rows = [["as in the benchmark", spread_cell(scratch["accuracy"], ".2%"), "1"]]
    rows += [[name.removeprefix(VARIANT_PREFIX), spread_cell(r["accuracy"], ".2%"),
              spread_cell(time_ratios(r, scratch), ".2f")]
             for name, r in by_name.items() if name.startswith(VARIANT_PREFIX)]
    return markdown_table(["network.py on the sample", "test accuracy",
                           "training time, × scratch's"], rows, align="lrr")


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
