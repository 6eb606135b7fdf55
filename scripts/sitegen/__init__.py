"""Build-time content for the site, usable with or without MkDocs.

- `snippet_runner`: runs one snippet headless and records its output, values and figures.
- `snippet_cache`: decides which snippets need running (content hash) and runs them.
- `placeholders`: finds and fills `{{ snippet.value }}` references in Markdown.
- `typeset`: typesets TeX with KaTeX (from node_modules) in one node call.

`scripts/build_hooks.py` wires these into MkDocs; `scripts/generate.py` runs them alone.
"""
