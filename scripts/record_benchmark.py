"""Run snippets/from-scratch/benchmark.py and save its results with when, where and how it ran.

    python scripts/record_benchmark.py --dataset fashion --repeat 3 \\
        --out data/benchmarks/fashion-mnist.json

Any other benchmark.py option (`--data-dir DIR`, `--repeat N`, `--variants`,
`--quick`) is passed on, and `--note TEXT` adds a remark to the record. The file written holds
`{"recorded": {...}, "results": [...]}`. The results are benchmark.py's JSON,
unchanged. The record holds the UTC date and time the run started and
finished, the exact command, the machine (CPU count and model, operating
system, Python, NumPy and scikit-learn versions), the load average before and
after (timings from a busy machine are slow and noisy) and the SHA-256 of
the code that ran. snippets/from-scratch/site_benchmark_recorded.py reads the files in
data/benchmarks/ for the "From scratch" and "Going further" pages, which show
the numbers as recorded runs, not as something computed when the site is built.
"""

import argparse
import datetime
import hashlib
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "snippets" / "from-scratch"), str(ROOT / "snippets" / "shared")]

from site_benchmark_results import check_results, machine  # noqa: E402

BENCHMARK = ROOT / "snippets" / "from-scratch" / "benchmark.py"
SOURCES = ("snippets/from-scratch/benchmark.py", "snippets/shared/network.py",
           "snippets/shared/mnist.py", "snippets/shared/compare_models.py")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", choices=["mnist", "fashion"], required=True)
    parser.add_argument("--data-dir", type=Path, help="passed on to benchmark.py")
    parser.add_argument("--repeat", type=int, default=1, help="passed on to benchmark.py")
    parser.add_argument("--variants", action="store_true", help="passed on to benchmark.py")
    parser.add_argument("--quick", action="store_true", help="passed on to benchmark.py")
    parser.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    parser.add_argument("--note", default="", help="a remark to keep with the record")
    return parser.parse_args(argv)


def utc_now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, as in /proc/loadavg."""
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def source_hashes() -> dict[str, str]:
    """SHA-256 of the code whose behaviour the results describe."""
    return {name: hashlib.sha256((ROOT / name).read_bytes()).hexdigest() for name in SOURCES}


def record(results: list[dict], command: str, run: dict, note: str = "") -> dict:
    """The results with their provenance; `run` holds started, finished, load averages, sources."""
    check_results(results, "benchmark results")
    provenance = {
        "date": run["started"],
        "finished": run["finished"],
        "command": command,
        "machine": machine(),
        "load_average": {"before": run["load_before"], "after": run["load_after"]},
        "sources_sha256": run["sources"],
    }
    return {"recorded": provenance | ({"note": note} if note else {}), "results": results}


def run_benchmark(args: argparse.Namespace, output: Path) -> dict:
    """Run benchmark.py (its table goes to our stdout); when, how busy, and which code."""
    options = ["--dataset", args.dataset, "--json", str(output), "--repeat", str(args.repeat)]
    options += ["--variants"] if args.variants else []
    options += ["--data-dir", str(args.data_dir)] if args.data_dir else []
    options += ["--quick"] if args.quick else []
    run = {"started": utc_now(), "load_before": load_average(), "sources": source_hashes()}
    # benchmark.py imports the shared modules, as it does in a reader's folder
    env = {**os.environ, "PYTHONPATH": str(ROOT / "snippets" / "shared")}
    subprocess.run([sys.executable, str(BENCHMARK), *options], check=True, env=env)
    return run | {"finished": utc_now(), "load_after": load_average()}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "results.json"
        run = run_benchmark(args, output)
        results = json.loads(output.read_text())
    command = shlex.join(["python", "scripts/record_benchmark.py", *argv])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record(results, command, run, args.note), indent=2) + "\n")
    print(f"\nrecorded in {args.out}")


if __name__ == "__main__":
    main()
