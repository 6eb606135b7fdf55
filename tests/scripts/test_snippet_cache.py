"""The snippet cache: any changed input changes the key; each snippet runs in its own process."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest

from sitegen import snippet_cache

ENV = {"MNIST_DATA_DIR": "data"}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "helper.py").write_text("VALUE = 1\n")
    (tmp_path / "table.json").write_text("[1, 2]\n")
    (tmp_path / "show.py").write_text("# build-inputs: table.json\nimport helper\nprint(1)\n")
    return tmp_path


def key(folder) -> str:
    return snippet_cache.cache_key([folder / "show.py"], ENV)


def test_key_is_stable(folder):
    assert key(folder) == key(folder)


@pytest.mark.parametrize("changed", ["show.py", "helper.py", "table.json"])
def test_key_follows_source_imports_and_declared_inputs(folder, changed):
    before = key(folder)
    path = folder / changed
    path.write_text(path.read_text() + "\n# changed\n")
    assert key(folder) != before


NESTED_IMPORTS = """
import a, b.c
from d.e import f
from . import not_local
class G:
    def h(self):
        import i
if x:
    import j
else:
    for k in y:
        while z:
            with w:
                import l
try:
    import m
except ImportError:
    import n
else:
    import o
finally:
    import p
match q:
    case 1:
        import r
text = "import s"
"""


def test_imports_are_found_at_any_depth_and_nothing_else():
    found = snippet_cache.parsed_imports(NESTED_IMPORTS.encode(), "nested.py")
    assert found == set("abdijlmnopr")


def test_missing_declared_input_is_an_error(folder):
    (folder / "table.json").unlink()
    with pytest.raises(snippet_cache.SnippetError, match=r"table\.json"):
        key(folder)


def snippet(tmp_path, name: str, code: str):
    script = tmp_path / "snippets" / "page" / f"{name}.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(code)
    out = tmp_path / "out" / name
    out.mkdir(parents=True)
    return script, out


@pytest.fixture(scope="module")
def runner() -> Iterator[snippet_cache.Runner]:
    """One runner for the tests below: starting one imports NumPy, matplotlib and scikit-learn."""
    started = snippet_cache.Runner({**os.environ, **snippet_cache.COMPUTE_ENV})
    yield started
    started.close()


def test_each_snippet_gets_a_process_of_its_own(tmp_path, runner):
    """The runner forks per snippet: what one snippet changes, the next does not see."""
    changes = snippet(tmp_path, "changes", "import numpy\nnumpy.MARK = 1\n")
    looks = snippet(tmp_path, "looks", "import numpy\nSEEN = hasattr(numpy, 'MARK')\n")
    assert runner.run(*changes)[0] == 0
    assert runner.run(*looks)[0] == 0
    assert json.loads((looks[1] / "result.json").read_text())["values"] == {"SEEN": False}


def test_a_crashing_snippet_reports_its_status_and_output(tmp_path, runner):
    crash = "import os, sys\nprint('bye', file=sys.stderr, flush=True)\nos._exit(3)\n"
    status, output = runner.run(*snippet(tmp_path, "crash", crash))
    assert status == 3 and "bye" in output


def test_a_file_edited_in_the_same_process_gets_a_new_digest(tmp_path):
    """`mkdocs serve` keeps the process: an edit must change the key, the memo notwithstanding."""
    script = tmp_path / "snippet.py"
    script.write_text("x = 1\n")
    first = snippet_cache.content_digest(script)
    assert snippet_cache.content_digest(script) == first
    script.write_text("x = 2\n")
    status = script.stat()
    os.utime(script, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))  # a later save
    assert snippet_cache.content_digest(script) != first
    script.write_text("x = 1\n")
    assert snippet_cache.content_digest(script) == first  # content, not time, makes the digest
