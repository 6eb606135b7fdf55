"""Cache files written whole: a reader sees the old file or the new one, never half of it.

Builds that share a cache can run at the same time (the tests build several
copies of the project at once), so each writer uses a scratch name of its own
beside the file and then renames it over the file, which is atomic on one
file system.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path


def replace_whole(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write` with a scratch path beside `path`, then rename the scratch file to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        write(scratch)
        os.replace(scratch, path)
    finally:
        scratch.unlink(missing_ok=True)
