"""Write rows of results as a Markdown table, the form the site's pages show them in.

    print(markdown_table(["digit", "images"], [[0, "980"], [1, "1,135"]], align="rr"))

Every script that prints a table uses this one function. A cell is written
with `cell` (``str`` unless you pass another formatter), so format numbers the
way you want them shown first. `align` holds one letter per column: "l" for
left, "r" for right (the default for every column, as suits numbers).
"""

from collections.abc import Callable, Iterable, Sequence

RULES = {"l": "---", "r": "--:"}


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence], align: str = "",
                   cell: Callable[[object], str] = str) -> str:
    """The header, the alignment rule and one line per row, joined by newlines."""
    align = align or "r" * len(headers)
    if len(align) != len(headers) or set(align) - set(RULES):
        raise ValueError(f"align needs one 'l' or 'r' per column, got {align!r}")
    lines = [table_line(headers, str), "|" + "|".join(RULES[a] for a in align) + "|"]
    lines += [table_line(row, cell) for row in rows]
    return "\n".join(lines)


def table_line(cells: Sequence, cell: Callable[[object], str]) -> str:
    return "| " + " | ".join(cell(value) for value in cells) + " |"
