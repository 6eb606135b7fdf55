"""Run one snippet as `__main__` and record what it produced, for the site.

Run as a separate process, one per snippet, so snippets cannot disturb each
other or the build:

    python scripts/sitegen/snippet_runner.py snippets/plot_sigmoid.py OUT_DIR

It runs the script with the snippets folder as working directory and first
entry of `sys.path` (so sibling imports work as they do for a reader), with
matplotlib headless and deterministic, then writes into OUT_DIR:

- `result.json`: `{"stdout": ..., "values": {...}, "figures": [...]}`, where
  values are the script's top-level ints, floats, strings and bools;
- one SVG per matplotlib figure left open when the script ends.

On an exception or a warning it writes `error.json` naming the file and line,
and exits with status 1.
"""

from __future__ import annotations

import contextlib
import io
import json
import numbers
import runpy
import sys
import traceback
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

# Fixed ids and no timestamps, so the same script always writes the same bytes.
matplotlib.rcParams["svg.hashsalt"] = "introduction-to-neural-networks"
matplotlib.rcParams["svg.fonttype"] = "path"
SAVE_METADATA = {"Date": None, "Creator": None}


def collect_values(namespace: dict) -> dict:
    """Top-level names a page may quote: plain numbers, strings and bools."""
    values = {}
    for name, value in namespace.items():
        if name.startswith("_") or not isinstance(value, (numbers.Number, str)):
            continue
        if isinstance(value, numbers.Integral):
            values[name] = int(value)
        elif isinstance(value, numbers.Real):
            values[name] = float(value)
        elif isinstance(value, str):
            values[name] = value
    return values


def figure_names(script: Path) -> list[tuple[str, plt.Figure]]:
    """File names for the open figures: `<script>.svg`, or `<script>-<label>.svg`."""
    figures = [plt.figure(number) for number in plt.get_fignums()]
    if len(figures) == 1 and not figures[0].get_label():
        return [(f"{script.stem}.svg", figures[0])]
    named = []
    for figure in figures:
        label = figure.get_label()
        if not label:
            raise ValueError(
                f"{script}: makes {len(figures)} figures, so each needs a label "
                "(plt.figure('name') or fig.set_label('name'))"
            )
        named.append((f"{script.stem}-{label}.svg", figure))
    return named


def error_location(script: Path, exc: BaseException) -> dict:
    """The innermost traceback frame inside the snippets folder, else the last."""
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if Path(f.filename).parent == script.parent]
    frame = (inside or frames)[-1]
    return {"file": frame.filename, "line": frame.lineno,
            "message": f"{type(exc).__name__}: {exc}",
            "traceback": "".join(traceback.format_exception(exc))}


def warning_location(caught: list[warnings.WarningMessage]) -> dict:
    """Describe the warnings a snippet let escape (they would end up on the page)."""
    first = caught[0]
    listing = "\n".join(f"{w.filename}:{w.lineno}: {w.category.__name__}: {w.message}"
                        for w in caught)
    return {"file": first.filename, "line": first.lineno,
            "message": f"{first.category.__name__}: {first.message}",
            "traceback": "the snippet emitted warnings:\n" + listing}


def run(script: Path, out_dir: Path) -> dict:
    """Execute `script` and return its stdout, values and figure file names."""
    stdout = io.StringIO()
    sys.path.insert(0, str(script.parent))
    sys.argv = [script.name]
    plt.show = lambda *args, **kwargs: None  # figures are saved, not shown
    with warnings.catch_warnings(record=True) as caught, contextlib.chdir(script.parent):
        warnings.simplefilter("always")
        with contextlib.redirect_stdout(stdout):
            namespace = runpy.run_path(str(script), run_name="__main__")
    if caught:
        raise SnippetWarning(caught)
    figures = figure_names(script)
    for name, figure in figures:
        figure.savefig(out_dir / name, metadata=SAVE_METADATA)
    return {"stdout": stdout.getvalue(), "values": collect_values(namespace),
            "figures": [name for name, _ in figures]}


class SnippetWarning(Exception):
    """A snippet emitted warnings: they would be printed in front of readers."""

    def __init__(self, caught: list[warnings.WarningMessage]) -> None:
        super().__init__("warnings")
        self.caught = caught


def main(script: Path, out_dir: Path) -> int:
    script = script.resolve()
    try:
        result = run(script, out_dir)
    except SnippetWarning as exc:
        error = warning_location(exc.caught)
    except BaseException as exc:
        error = error_location(script, exc)
    else:
        (out_dir / "result.json").write_text(json.dumps(result, indent=1, sort_keys=True))
        return 0
    (out_dir / "error.json").write_text(json.dumps(error, indent=1))
    return 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
