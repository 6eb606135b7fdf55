"""Run snippets for the site, reusing earlier results whose inputs have not changed.

Snippets live in `snippets/<page>/` (one folder per page) and `snippets/shared/`
(modules that more than one page's code imports); a snippet is named by its file
stem, which is unique in the tree. A snippet's result is stored under
`<cache>/<name>/<key>/`, where the key is a SHA-256 of everything that can
change what the snippet prints or draws: its source, the sources of the local
modules it imports (followed transitively), every file its sources declare on a
`# build-inputs: PATH ...` comment (relative to the snippet; `$VARIABLE`s are
expanded and a folder stands for the files in it), the runner itself and the
versions of the libraries that compute and draw. Same key, same result, so a
rebuild with nothing changed runs nothing. Stale snippets run side by side, one
per core, each in a process of its own (`Runner`).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .snippet_runner import module_folders

RUNNER = Path(__file__).with_name("snippet_runner.py")
# Libraries whose version can change a number or a pixel on the page.
VERSIONED = ("numpy", "matplotlib", "scikit-learn", "pillow")
INPUTS_COMMENT = "# build-inputs:"
# How every process that runs a snippet or a notebook computes. One BLAS thread:
# snippets run side by side, one per core, and more arithmetic threads than free cores
# only spin and fight (and make times vary run to run). glibc's malloc keeps freed memory
# for the next big array (no mmap, a 1 GiB trim threshold) instead of handing every
# NumPy temporary back and faulting fresh pages in: in a cold build, system CPU time
# fell from 15 s to 9 s (handwriting_accuracy.py alone: 17 s -> 13 s), the bytes made
# stayed the same, peak memory per process rose about 5 %.
COMPUTE_ENV = {
    **dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "1"),
    "MALLOC_MMAP_MAX_": "0", "MALLOC_TRIM_THRESHOLD_": str(2**30),
}


class SnippetError(Exception):
    """A snippet failed or warned; the message names its file and line."""


@dataclass
class SnippetResult:
    name: str
    stdout: str
    values: dict
    figures: dict[str, Path] = field(default_factory=dict)
    from_cache: bool = True


def find_snippets(root: Path) -> dict[str, Path]:
    """Every snippet in the tree by name (file stem); two files with one name raise."""
    found: dict[str, Path] = {}
    for path in sorted(root.glob("*/*.py")):
        if path.stem in found:
            raise SnippetError(f"two snippets are called '{path.stem}': {found[path.stem]} "
                               f"and {path}; names must be unique, pages refer to them by name")
        found[path.stem] = path
    return found


def imported_names(script: Path) -> set[str]:
    """Top-level module names that `script` imports."""
    return set(parsed_imports(script.read_bytes(), str(script)))


@lru_cache(maxsize=512)  # every snippet's key parses the shared modules again
def parsed_imports(source: bytes, filename: str) -> frozenset[str]:
    names = set()
    for node in statements(ast.parse(source, filename=filename).body):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return frozenset(names)


def statements(body: list[ast.AST]) -> Iterator[ast.AST]:
    """Every statement in `body` and in the blocks nested in it (an import is a statement,
    so the expressions, most of a module's tree, need no visit)."""
    for node in body:
        yield node
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            yield from statements(getattr(node, block, []))


def local_imports(script: Path, folders: list[Path]) -> list[Path]:
    """The local modules `script` imports directly, looked up as Python would in `folders`."""
    found = []
    for name in sorted(imported_names(script)):
        candidates = [folder / f"{name}.py" for folder in folders]
        found += [path for path in candidates if path.is_file()][:1]
    return found


def dependency_closure(script: Path) -> list[Path]:
    """`script` and every local module it imports, directly or not, sorted."""
    folders = module_folders(script)
    seen, pending = set(), [script]
    while pending:
        path = pending.pop()
        if path not in seen:
            seen.add(path)
            pending.extend(local_imports(path, folders))
    return sorted(seen)


def declared_inputs(script: Path, env: Mapping[str, str]) -> list[Path]:
    """Files named on `# build-inputs:` lines (a folder: the files in it), resolved in `env`."""
    declared = []
    for line in script.read_text().splitlines():
        if line.startswith(INPUTS_COMMENT):
            for entry in line.removeprefix(INPUTS_COMMENT).split():
                declared.append(script.parent / expand(entry, env, script))
    missing = [str(path) for path in declared if not path.exists()]
    if missing:
        raise SnippetError(f"{script}: '{INPUTS_COMMENT}' names missing files: {missing}")
    return [file for path in declared
            for file in (sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir()
                         else [path])]


def expand(entry: str, env: Mapping[str, str], script: Path) -> str:
    """`entry` with `$NAME` replaced from `env`; an unset variable raises."""
    def value(match: re.Match) -> str:
        if not env.get(match[1]):
            raise SnippetError(f"{script}: '{INPUTS_COMMENT} {entry}' needs {match[1]} to be set")
        return env[match[1]]
    return re.sub(r"\$(\w+)", value, entry)


@lru_cache(maxsize=1)  # reading packages' metadata is slow, and it is the same for every key
def package_versions() -> str:
    return "".join(f"{package}=={metadata.version(package)}\0" for package in VERSIONED)


def content_digest(path: Path) -> bytes:
    """SHA-256 of the file's bytes, computed once per version of the file in this process.

    Many snippets read MNIST, so without this every key would hash its 2.4 MB again.
    """
    status = path.stat()
    return version_digest((path, status.st_mtime_ns, status.st_size))


@lru_cache(maxsize=1024)
def version_digest(version: tuple[Path, int, int]) -> bytes:
    """SHA-256 of the file in `version`, (path, modification time, size): an edit is a new entry."""
    return hashlib.sha256(version[0].read_bytes()).digest()


def cache_key(scripts: list[Path], env: Mapping[str, str], runner: Path = RUNNER) -> str:
    """SHA-256 over every input that can change the result of running `scripts`."""
    digest = hashlib.sha256()
    sources = sorted({path for script in scripts for path in dependency_closure(script)})
    inputs = [*sources, runner, *(path for source in sources
                                  for path in declared_inputs(source, env))]
    for path in inputs:
        digest.update(path.name.encode() + b"\0" + content_digest(path) + b"\0")
    digest.update(package_versions().encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:20]


def load_cached(name: str, folder: Path) -> SnippetResult:
    result = json.loads((folder / "result.json").read_text())
    figures = {figure: folder / figure for figure in result["figures"]}
    return SnippetResult(name, result["stdout"], result["values"], figures)


class Runner:
    """Runs snippets, each in a process of its own.

    On Linux through a `snippet_runner.py --serve` process, which imports the
    heavy libraries once and forks per snippet (fork is not safe with macOS's
    system libraries); elsewhere one new Python process per snippet.
    """

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = dict(env)
        self.server = None
        if sys.platform == "linux":
            self.server = subprocess.Popen([sys.executable, str(RUNNER), "--serve"], env=self.env,
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, script: Path, out_dir: Path) -> tuple[int, str]:
        """The exit status of running `script` into `out_dir`, and what it printed there."""
        if self.server is None:
            done = subprocess.run([sys.executable, str(RUNNER), str(script), str(out_dir)],
                                  env=self.env, capture_output=True, text=True)
            return done.returncode, done.stdout + done.stderr
        request = {"script": str(script), "out": str(out_dir), "env": self.env}
        self.server.stdin.write(json.dumps(request) + "\n")
        self.server.stdin.flush()
        reply = self.server.stdout.readline()
        log = out_dir / "runner.log"
        return (int(reply) if reply else -1), (log.read_text() if log.exists() else "")

    def close(self) -> None:
        if self.server is not None:
            self.server.stdin.close()
            self.server.wait()


def execute(script: Path, folder: Path, runner: Runner) -> None:
    """Run the snippet into a temporary folder, then rename it into place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        status, output = runner.run(script, scratch)
        error_file = scratch / "error.json"
        if status or error_file.exists():
            raise SnippetError(describe_failure(script, error_file, output))
        (scratch / "runner.log").unlink(missing_ok=True)
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


def describe_failure(script: Path, error_file: Path, output: str) -> str:
    if not error_file.exists():
        return f"{script}: the snippet runner crashed:\n{output}"
    error = json.loads(error_file.read_text())
    return f"{error['file']}, line {error['line']}: {error['message']}\n{error['traceback']}"


def run_snippets(names: set[str], snippets_dir: Path, cache_dir: Path,
                 env: Mapping[str, str] | None = None) -> dict[str, SnippetResult]:
    """Results for the named snippets, running only those whose key changed."""
    env = {**(os.environ if env is None else env), "MPLBACKEND": "Agg", **COMPUTE_ENV}
    tree = find_snippets(snippets_dir)
    missing = sorted(names - tree.keys())
    if missing:
        raise SnippetError(f"no such snippet(s) in {snippets_dir}: {', '.join(missing)}")
    folders = {n: cache_dir / n / cache_key([tree[n]], env) for n in names}
    stale = sorted(n for n, folder in folders.items() if not (folder / "result.json").exists())
    execute_all({tree[n]: folders[n] for n in stale}, env)
    results = {n: load_cached(n, folder) for n, folder in folders.items()}
    for name in stale:
        results[name].from_cache = False
    return results


def execute_all(scripts: dict[Path, Path], env: Mapping[str, str]) -> None:
    """Run each script into its folder, one runner per worker thread and core."""
    runners: queue.SimpleQueue[Runner] = queue.SimpleQueue()
    started: list[Runner] = []

    def execute_with_a_runner(script: Path) -> None:
        try:
            runner = runners.get_nowait()
        except queue.Empty:  # started when a worker thread first needs one
            runner = Runner(env)
            started.append(runner)
        try:
            execute(script, scripts[script], runner)
        finally:
            runners.put(runner)

    try:
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for run in [pool.submit(execute_with_a_runner, s) for s in scripts]:
                run.result()
    finally:
        for runner in started:
            runner.close()
