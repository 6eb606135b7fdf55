"""replace_whole: the file is the old one or the new one, and no scratch file is left."""

from __future__ import annotations

import pytest

from sitegen.whole_files import replace_whole


def test_the_new_text_replaces_the_old(tmp_path):
    path = tmp_path / "deeper" / "kept.json"
    replace_whole(path, lambda scratch: scratch.write_text("old"))
    replace_whole(path, lambda scratch: scratch.write_text("new"))
    assert path.read_text() == "new"
    assert [file.name for file in path.parent.iterdir()] == ["kept.json"]


def test_a_failed_write_leaves_the_old_file_and_no_scratch(tmp_path):
    path = tmp_path / "kept.json"
    path.write_text("old")

    def fails_half_way(scratch):
        scratch.write_text("ha")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        replace_whole(path, fails_half_way)
    assert path.read_text() == "old"
    assert [file.name for file in tmp_path.iterdir()] == ["kept.json"]
