"""`mkdocs serve` keeps watching the same paths, polled every 0.1 s, and notices an edit."""

from __future__ import annotations

import logging
import time

import pytest
from mkdocs.livereload import LiveReloadServer

from sitegen import serve_watch


@pytest.fixture
def server(tmp_path):
    """A live-reload server as `mkdocs serve` makes it, watching a folder and a file."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    made = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    made.watch(str(tmp_path / "docs"))
    made.watch(str(tmp_path / "mkdocs.yml"), recursive=False)
    yield made
    if made.observer.is_alive():
        made.observer.stop()
        made.observer.join()
    made.server_close()  # its socket, or a later test catches the ResourceWarning


def watched(server) -> set[tuple[str, bool, float]]:
    return {(e.watch.raw_path, e.watch.is_recursive, e.timeout) for e in server.observer.emitters}


def test_the_same_paths_are_polled_every_tenth_of_a_second(server, tmp_path):
    assert {timeout for *_, timeout in watched(server)} == {0.5}  # MkDocs' own interval
    assert serve_watch.poll_every(server) is server
    assert watched(server) == {(str(tmp_path / "docs"), True, 0.1),
                               (str(tmp_path / "mkdocs.yml"), False, 0.1)}


def test_an_edit_is_noticed(server, tmp_path, caplog):
    serve_watch.poll_every(server)
    server.observer.start()
    time.sleep(0.3)  # the first poll takes its snapshot
    with caplog.at_level(logging.DEBUG, logger="mkdocs.livereload"):
        (tmp_path / "docs" / "index.md").write_text("# Edited\n")
        for _ in range(100):
            if any("index.md" in record.getMessage() for record in caplog.records):
                return
            time.sleep(0.05)
    pytest.fail("the edit was not noticed within 5 s")
