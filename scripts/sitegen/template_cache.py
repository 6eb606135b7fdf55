"""Page templates compiled once and kept between builds.

MkDocs makes a new Jinja environment for every build, so the theme's
templates (Material's and ours in overrides/) would be parsed and compiled
again each time: about 0.15 s, a twelfth of a warm build and a sixth of a
rebuild under `mkdocs serve`. Jinja's bytecode cache keeps the compiled code
on disk. Jinja checks each template's source against what it compiled before
using it; what else the compiled code depends on names the cache's folder:
the versions of Jinja, MkDocs and Material, the environment's syntax options
and extensions, and its filters and tests (Jinja fixes at compile time what
each is passed, and may apply a filter to constants then), each by name,
origin and kind. Entries are keyed by template name alone, not by file: the
tests build many scratch copies of the project, which then share entries
instead of adding their own (the source check still decides). Limit: a
filter whose code changes while its package's version does not (an edit in a
plugin being developed) needs the folder removed (.cache/sitegen/jinja).
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

import jinja2

PACKAGES = ("jinja2", "mkdocs", "mkdocs-material")
# Environment settings that the compiled code of a template depends on.
COMPILE_SETTINGS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix",
    "line_comment_prefix", "trim_blocks", "lstrip_blocks", "newline_sequence",
    "keep_trailing_newline", "optimized", "is_async", "autoescape",
)


def compile_settings(env: jinja2.Environment) -> str:
    """A digest of what, besides a template's source, its compiled code depends on."""
    settings = [metadata.version(package) for package in PACKAGES]
    settings += [repr(getattr(env, name)) for name in COMPILE_SETTINGS]
    settings += [repr(env.finalize), *sorted(env.extensions)]
    settings += [f"{kind} {name} {described(function)}"
                 for kind, functions in (("filter", env.filters), ("test", env.tests))
                 for name, function in sorted(functions.items())]
    return hashlib.sha256("\0".join(settings).encode()).hexdigest()[:20]


def described(function) -> str:
    """Where a filter or test comes from, and what Jinja passes it first (if anything)."""
    origin = f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', '')}"
    return f"{origin} {getattr(function, 'jinja_pass_arg', None)}"


class ByTemplateName(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache with one entry per template name, wherever the file lies."""

    def get_cache_key(self, name: str, _filename: str | None = None) -> str:
        return super().get_cache_key(name)


def compiled_templates(env: jinja2.Environment, cache: Path) -> jinja2.BytecodeCache:
    """A bytecode cache for `env` in a folder of `cache` named after its compile settings."""
    folder = cache / compile_settings(env)
    folder.mkdir(parents=True, exist_ok=True)
    return ByTemplateName(str(folder))
