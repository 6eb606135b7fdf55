"""Run snippets for the site, reusing earlier results whose inputs have not changed.

A snippet's result is stored under `<cache>/<name>/<key>/`, where the key is a
SHA-256 of everything that can change what the snippet prints or draws: its
source, the sources of the sibling snippets it imports (followed transitively),
the MNIST files it reads when it imports `mnist`, any other file it declares
with a `# build-inputs: PATH ...` comment (paths relative to the snippet), the
runner itself and the versions of the libraries that compute and draw. Same key, same result, so a
rebuild with nothing changed runs nothing.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

RUNNER = Path(__file__).with_name("snippet_runner.py")
# Libraries whose version can change a number or a pixel on the page.
VERSIONED = ("numpy", "matplotlib", "scikit-learn", "pillow")
# Snippets importing this module read the MNIST files in MNIST_DATA_DIR.
DATA_MODULE = "mnist"
INPUTS_COMMENT = "# build-inputs:"


class SnippetError(Exception):
    """A snippet failed or warned; the message names its file and line."""


@dataclass
class SnippetResult:
    name: str
    stdout: str
    values: dict
    figures: dict[str, Path] = field(default_factory=dict)
    from_cache: bool = True


def local_imports(script: Path) -> set[str]:
    """Names of sibling snippets that `script` imports directly."""
    tree = ast.parse(script.read_bytes(), filename=str(script))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return {name for name in names if (script.parent / f"{name}.py").is_file()}


def dependency_closure(script: Path) -> list[Path]:
    """`script` and every sibling snippet it imports, directly or not, sorted."""
    seen, pending = set(), [script.stem]
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending.extend(local_imports(script.parent / f"{name}.py"))
    return sorted(script.parent / f"{name}.py" for name in seen)


def declared_inputs(script: Path) -> list[Path]:
    """Files named on `# build-inputs:` lines: data or programs the snippet reads."""
    declared = []
    for line in script.read_text().splitlines():
        if line.startswith(INPUTS_COMMENT):
            declared += [script.parent / name for name in line.removeprefix(INPUTS_COMMENT).split()]
    missing = [str(path) for path in declared if not path.is_file()]
    if missing:
        raise SnippetError(f"{script}: '{INPUTS_COMMENT}' names missing files: {missing}")
    return declared


def data_files(env: dict[str, str], snippets_dir: Path) -> list[Path]:
    """The MNIST files a snippet importing `mnist` would read (it runs in snippets_dir)."""
    folder = env.get("MNIST_DATA_DIR")
    if not folder:
        raise SnippetError("MNIST_DATA_DIR is not set: the build needs a local MNIST folder")
    if not (snippets_dir / folder).is_dir():
        raise SnippetError(f"MNIST_DATA_DIR={folder} is not a folder (seen from {snippets_dir})")
    return sorted(path for path in (snippets_dir / folder).iterdir() if path.is_file())


def cache_key(scripts: list[Path], env: dict[str, str], runner: Path = RUNNER) -> str:
    """SHA-256 over every input that can change the result of running `scripts`."""
    digest = hashlib.sha256()
    sources = sorted({path for script in scripts for path in dependency_closure(script)})
    inputs = [*sources, runner, *(path for source in sources for path in declared_inputs(source))]
    if any(path.stem == DATA_MODULE for path in sources):
        inputs += data_files(env, scripts[0].parent)
        digest.update(f"MNIST_DATA_DIR={env['MNIST_DATA_DIR']}\0".encode())
    for path in inputs:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for package in VERSIONED:
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:20]


def load_cached(name: str, folder: Path) -> SnippetResult:
    result = json.loads((folder / "result.json").read_text())
    figures = {figure: folder / figure for figure in result["figures"]}
    return SnippetResult(name, result["stdout"], result["values"], figures)


def execute(script: Path, folder: Path, env: dict[str, str]) -> None:
    """Run the snippet into a temporary folder, then rename it into place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        completed = subprocess.run([sys.executable, str(RUNNER), str(script), str(scratch)],
                                   env=env, capture_output=True, text=True)
        error_file = scratch / "error.json"
        if completed.returncode or error_file.exists():
            raise SnippetError(describe_failure(script, error_file, completed))
        for stale in folder.parent.iterdir():
            if stale.is_dir() and stale != scratch and not stale.name.startswith("."):
                shutil.rmtree(stale)
        try:
            scratch.rename(folder)
        except OSError:
            if not (folder / "result.json").exists():  # else another build just stored it
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def describe_failure(script: Path, error_file: Path, completed) -> str:
    if not error_file.exists():
        return f"{script}: the snippet runner crashed:\n{completed.stderr}"
    error = json.loads(error_file.read_text())
    return f"{error['file']}, line {error['line']}: {error['message']}\n{error['traceback']}"


def run_snippets(names: set[str], snippets_dir: Path, cache_dir: Path,
                 env: dict[str, str] | None = None) -> dict[str, SnippetResult]:
    """Results for the named snippets, running only those whose key changed."""
    env = dict(os.environ if env is None else env)
    env.setdefault("MPLBACKEND", "Agg")
    # Snippets run side by side, one per core: more BLAS threads would only fight.
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    env.setdefault("OMP_NUM_THREADS", "1")
    missing = sorted(n for n in names if not (snippets_dir / f"{n}.py").is_file())
    if missing:
        raise SnippetError(f"no such snippet(s) in {snippets_dir}: {', '.join(missing)}")
    folders = {n: cache_dir / n / cache_key([snippets_dir / f"{n}.py"], env) for n in names}
    stale = sorted(n for n, folder in folders.items() if not (folder / "result.json").exists())
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        runs = [pool.submit(execute, snippets_dir / f"{n}.py", folders[n], env) for n in stale]
        for run in runs:
            run.result()
    results = {n: load_cached(n, folder) for n, folder in folders.items()}
    for name in stale:
        results[name].from_cache = False
    return results
