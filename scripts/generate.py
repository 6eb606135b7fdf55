"""Run the site's build-time work without MkDocs and say what it did.

    python scripts/generate.py

Runs every snippet the pages refer to (or takes it from the cache when
nothing it depends on changed) and lists the figures and values each one
produced. The MkDocs hooks do exactly this during `mkdocs build`; this
script exists so the work can be checked, timed, or moved to another site
generator without MkDocs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sitegen import pipeline, snippet_cache


def main() -> int:
    started = time.perf_counter()
    try:
        results = pipeline.snippets_for_docs()
    except snippet_cache.SnippetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name, result in sorted(results.items()):
        state = "cached" if result.from_cache else "ran"
        print(f"{name:32} {state:6} {len(result.values):3} values  "
              f"{', '.join(sorted(result.figures)) or '-'}")
    print(f"{len(results)} snippets in {time.perf_counter() - started:.1f} s "
          f"(cache: {pipeline.default_cache()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
