"""Run one snippet as `__main__` and record what it produced, for the site.

Run as a separate process, one per snippet, so snippets cannot disturb each
other or the build:

    python scripts/sitegen/snippet_runner.py snippets/theory/plot_sigmoid.py OUT_DIR

It runs the script as a reader would in a folder holding it and the shared
modules: the working directory is the script's page folder, and imports come
from that folder, then from `snippets/shared` (`module_folders`). matplotlib is
headless and deterministic. It writes into OUT_DIR:

- `result.json`: `{"stdout": ..., "values": {...}, "figures": [...]}`, where
  values are the script's top-level numbers, strings, bools and the plain data
  (lists, dicts, dataclasses) built from them, for pages to quote;
- one SVG per matplotlib figure left open when the script ends (a WebP for a
  figure labelled `name.webp`: photos and pixel images are smaller so; at
  twice the resolution for `name@2x.webp`, sharp on high-density screens).

On an exception or a warning it writes `error.json` naming the file and line,
and exits with status 1. `run_as_main` is also what the tests use to run a
snippet, so the build and the tests run snippets the same way.

Starting Python and importing NumPy, matplotlib and scikit-learn takes longer
than many snippets do, so the build starts this file once per worker as a
server (`--serve`): it imports those libraries once, then for each request
forks a new process that runs one snippet as above. Every snippet still has
a process of its own; only the imports are shared.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import io
import json
import numbers
import os
import runpy
import sys
import traceback
import typing
import warnings
from pathlib import Path

SHARED = "shared"  # snippets/shared: modules that code on more than one page imports
# Fixed ids and no timestamps, so the same script always writes the same bytes.
SVG_SETTINGS = {"svg.hashsalt": "introduction-to-neural-networks", "svg.fonttype": "path"}
SAVE_METADATA = {"Date": None, "Creator": None}
# Photos drawn by a figure (paper grain, camera noise) and grids of small pixel
# images are far smaller as WebP than inside an SVG: a figure labelled "name.webp"
# is saved so, at this size, lossy or lossless, whichever file is smaller (lossy
# for photos; lossless for flat pixel images and text, which lossy blurs anyway).
PHOTO_DPI = 100
HIGH_DENSITY = "@2x.webp"  # a label ending so: drawn at twice PHOTO_DPI, shown at the same size
# (For lossless WebP, Pillow's "quality" is the effort spent compressing, not a loss.)
WEBP_ENCODINGS = ({"quality": 80, "method": 6}, {"lossless": True, "quality": 80, "method": 4})
MAX_LIST = 1000  # longer sequences (pixel arrays, weights) are not page values


def module_folders(script: Path) -> list[Path]:
    """Where a snippet's imports come from: its own page folder, then snippets/shared."""
    shared = script.parent.parent / SHARED
    return [script.parent] + ([shared] if shared.is_dir() and shared != script.parent else [])


def plain(value, depth: int = 0):
    """`value` as JSON data if it is page material (numbers, text, small containers), else None."""
    if isinstance(value, bool | str | numbers.Number) or value is None:
        return scalar(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    size = getattr(value, "size", None)
    if hasattr(value, "tolist") and isinstance(size, int) and size <= MAX_LIST:
        value = value.tolist()  # a small NumPy array
    converted = None
    if depth < 5 and isinstance(value, dict) and all(isinstance(key, str) for key in value):
        converted = {key: plain(item, depth + 1) for key, item in value.items()}
        converted = {key: item for key, item in converted.items() if item is not None}
    elif depth < 5 and isinstance(value, list | tuple) and len(value) <= MAX_LIST:
        items = [plain(item, depth + 1) for item in value]
        converted = items if all(item is not None for item in items) else None
    return converted


def scalar(value):
    """Python's own int, float, bool or str for a (NumPy) scalar; None stays None."""
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    return float(value) if isinstance(value, numbers.Real) else None


def collect_values(namespace: dict) -> dict:
    """Top-level names a page may quote or check."""
    values = {name: plain(value) for name, value in namespace.items()
              if not name.startswith("_")}
    return {name: value for name, value in values.items() if value is not None}


def run_as_main(script: Path, argv: list[str] | None = None,
                cwd: Path | None = None) -> tuple[dict, str, list]:
    """Run `script` like `python script [argv]` in its folder (or `cwd`).

    Returns its top-level names, what it printed and the warnings it raised.

    Figures still open at the end are drawn, as `plt.show()` would, so warnings
    raised while drawing are caught too.
    """
    stdout, saved_path, saved_argv = io.StringIO(), sys.path[:], sys.argv
    sys.path[:0] = [str(folder) for folder in module_folders(script)]
    sys.argv = [script.name, *(argv or [])]
    try:
        with warnings.catch_warnings(record=True) as caught, \
                contextlib.chdir(cwd or script.parent), contextlib.redirect_stdout(stdout):
            warnings.simplefilter("always")
            namespace = runpy.run_path(str(script), run_name="__main__")
            plotted = "matplotlib.pyplot" in sys.modules  # imported if the script plotted
            for figure in open_figures() if plotted else []:
                figure.canvas.draw()
    finally:
        sys.path[:], sys.argv = saved_path, saved_argv
    return namespace, stdout.getvalue(), caught


def open_figures() -> list:
    """The open figures, in the order `plt.show()` shows them in a notebook.

    That is the order they were last made active, not their numbers' (a
    script may go back to an earlier figure); matplotlib_inline's show() reads
    this same list, so a notebook's figures pair with the site's in order.
    """
    from matplotlib._pylab_helpers import Gcf

    return [manager.canvas.figure for manager in Gcf.get_all_fig_managers()]


def figure_names(script: Path) -> list[tuple[str, object]]:
    """File names for the open figures (`open_figures`' order): `<script>.svg`, or
    `<script>-<label>.svg`.

    A label that ends in `.webp` keeps it: `<script>-<label>` (see PHOTO_DPI).
    """
    figures = open_figures()
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
        suffix = "" if label.endswith(".webp") else ".svg"
        named.append((f"{script.stem}-{label}{suffix}", figure))
    return named


def error_location(script: Path, exc: BaseException) -> dict:
    """The innermost traceback frame inside the snippets tree, else the last."""
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if Path(f.filename).parent.parent == script.parent.parent]
    frame = (inside or frames)[-1]
    return {"file": frame.filename, "line": frame.lineno,
            "message": f"{type(exc).__name__}: {exc}",
            "traceback": "".join(traceback.format_exception(exc))}


def describe_warnings(caught: list[warnings.WarningMessage]) -> dict:
    """Describe the warnings a snippet let escape (they would end up on the page)."""
    first = caught[0]
    listing = "\n".join(f"{w.filename}:{w.lineno}: {w.category.__name__}: {w.message}"
                        for w in caught)
    return {"file": first.filename, "line": first.lineno,
            "message": f"{first.category.__name__}: {first.message}",
            "traceback": "the snippet emitted warnings:\n" + listing}


def run(script: Path, out_dir: Path) -> dict:
    """Execute `script`; save its figures (SVG or WebP) and return what the page may use."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(SVG_SETTINGS)
    import matplotlib.pyplot as plt

    plt.show = lambda *_args, **_kwargs: None  # figures are saved, not shown
    namespace, stdout, caught = run_as_main(script)
    if caught:
        raise SnippetWarning(caught)
    figures = figure_names(script)
    for name, figure in figures:
        if name.endswith(".webp"):
            (out_dir / name).write_bytes(smallest_webp(figure, PHOTO_DPI * pixel_density(name)))
        else:
            figure.savefig(out_dir / name, metadata=SAVE_METADATA)
    return {"stdout": stdout, "values": collect_values(namespace),
            "figures": [name for name, _ in figures]}


def pixel_density(figure_name: str) -> int:
    """Image pixels per CSS pixel of a figure file: 2 for a `name@2x.webp`, else 1."""
    return 2 if figure_name.endswith(HIGH_DENSITY) else 1


def smallest_webp(figure: object, dpi: int) -> bytes:
    """`figure` as WebP at `dpi`: the smaller of its lossy and lossless encodings."""
    encodings = []
    for settings in WEBP_ENCODINGS:
        encoded = io.BytesIO()
        figure.savefig(encoded, format="webp", dpi=dpi, pil_kwargs=settings)
        encodings.append(encoded.getvalue())
    return min(encodings, key=len)


class SnippetWarning(Exception):
    """A snippet emitted warnings: they would be printed in front of readers."""

    def __init__(self, caught: list[warnings.WarningMessage]) -> None:
        super().__init__("; ".join(f"{item.category.__name__}: {item.message}"
                                   for item in caught))
        self.caught = caught


def main(script: Path, out_dir: Path) -> int:
    script = script.resolve()
    try:
        result = run(script, out_dir)
    except SnippetWarning as exc:
        error = describe_warnings(exc.caught)
    except BaseException as exc:
        error = error_location(script, exc)
    else:
        (out_dir / "result.json").write_text(json.dumps(result, indent=1, sort_keys=True))
        return 0
    (out_dir / "error.json").write_text(json.dumps(error, indent=1))
    return 1


# Imported once by the server, before any fork (see the module docstring).
PRELOADED = ("numpy", "matplotlib.pyplot", "PIL.Image", "sklearn.neural_network")
LOG = "runner.log"  # in OUT_DIR: what a forked run printed outside the snippet's capture


def serve(requests: typing.TextIO, replies: typing.TextIO) -> None:
    """Run one snippet per JSON line `{"script", "out", "env"}`, each in a fork of this process.

    Replies with one line per request: the run's exit status.
    """
    import matplotlib

    matplotlib.use("Agg")
    for name in PRELOADED:
        importlib.import_module(name)
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the child: one snippet, then exit without returning to the loop
            os._exit(run_forked(Path(request["script"]), Path(request["out"]), request["env"]))
        _, status = os.waitpid(pid, 0)
        replies.write(f"{os.waitstatus_to_exitcode(status)}\n")
        replies.flush()


def run_forked(script: Path, out_dir: Path, env: dict[str, str]) -> int:
    os.environ.clear()
    os.environ.update(env)
    log = os.open(out_dir / LOG, os.O_WRONLY | os.O_CREAT, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    try:
        return main(script, out_dir)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve(sys.stdin, sys.stdout)
    else:
        sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
