"""What goes into a snippet's cache key: a change to any input must change the key."""

from __future__ import annotations

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


def test_missing_declared_input_is_an_error(folder):
    (folder / "table.json").unlink()
    with pytest.raises(snippet_cache.SnippetError, match=r"table\.json"):
        key(folder)
