"""`mkdocs serve` notices an edit sooner: it polls the watched files every 0.1 s.

MkDocs finds changed files by polling (which also works on network and
container file systems, where change notifications do not), every half
second, so a reload waited up to 0.5 s before its rebuild began. The files
this project watches are few (docs/, mkdocs.yml, snippets/, scripts/sitegen/:
about 110 files, which one poll reads in under a millisecond here), so
polling five times as often costs next to nothing.
"""

from __future__ import annotations

from watchdog.observers.polling import PollingObserver

POLL_SECONDS = 0.1


def poll_every(server, seconds: float = POLL_SECONDS):
    """`server` (MkDocs' LiveReloadServer, not yet serving) watching the same paths every `seconds`.

    Its observer polls at the interval it was made with, so the paths move to a new one.
    (A watch's `raw_path` is the path as given: `path` is a watched file's folder.)
    """
    watches = [emitter.watch for emitter in server.observer.emitters]
    for watch in watches:
        server.unwatch(watch.raw_path)
    server.observer = PollingObserver(timeout=seconds)
    for watch in watches:
        server.watch(watch.raw_path, recursive=watch.is_recursive)
    return server
