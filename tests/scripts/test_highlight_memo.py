"""Code blocks highlighted from memory are the HTML SuperFences' default fence makes."""

from __future__ import annotations

import json

import markdown
import pytest
from markdown.util import STX
from mkdocs.config import load_config
from pymdownx.superfences import SuperFencesBlockPreprocessor

from sitegen import highlight_memo, pipeline
from support import DOCS

PAGE = '''
```python
print("one")
```

Text between.

``` { .python title="two.py" hl_lines="2" }
x = 1
y = 2
```

```bash
echo three
```

```python
print("one")
```
'''


@pytest.fixture(autouse=True)
def empty_memory():
    for state in (highlight_memo.remembered, highlight_memo.used, highlight_memo.loaded):
        state.clear()
    yield
    for state in (highlight_memo.remembered, highlight_memo.used, highlight_memo.loaded):
        state.clear()


def render(text: str, memo: bool, **highlight) -> str:
    """`text` as a page of its own, as MkDocs makes a new Markdown instance per page."""
    configs = {"pymdownx.highlight": highlight}
    if memo:
        highlight_memo.add_fence(configs)
    md = markdown.Markdown(extensions=["attr_list", "pymdownx.highlight", "pymdownx.superfences"],
                           extension_configs=configs)
    return md.convert(text)


def highlighter_calls(monkeypatch) -> list:
    """A list that grows by one whenever SuperFences' highlighter runs from now on."""
    calls = []
    highlight = SuperFencesBlockPreprocessor.highlight
    monkeypatch.setattr(SuperFencesBlockPreprocessor, "highlight",
                        lambda *args, **kwargs: calls.append(1) or highlight(*args, **kwargs))
    return calls


def test_the_second_build_comes_from_memory_and_is_the_same(monkeypatch):
    plain = render(PAGE, memo=False)
    assert render(PAGE, memo=True) == plain
    kept = dict(highlight_memo.remembered)
    assert len(kept) == 4  # the repeated block is the page's 4th: its number is in the key
    calls = highlighter_calls(monkeypatch)
    assert render(PAGE, memo=True) == plain
    assert not calls, "the highlighter ran again"
    assert highlight_memo.remembered == kept


@pytest.mark.parametrize("settings", [{"linenums": True, "anchor_linenums": True},
                                      {"line_spans": "__span"}, {"auto_title": True}])
def test_block_numbers_and_titles_stay_right_when_blocks_move(settings):
    """Line anchors name the block's number on the page; another page orders them otherwise."""
    other = PAGE.replace('```bash\necho three\n```', '')
    for text in (PAGE, other, PAGE, other):
        assert render(text, memo=True, **settings) == render(text, memo=False, **settings)


def test_other_settings_are_other_entries():
    render(PAGE, memo=True)
    assert render(PAGE, memo=True, linenums=True) == render(PAGE, memo=False, linenums=True)


def test_html_titles_are_never_kept():
    """A title in HTML mode is a placeholder into its own page's stash."""
    settings = {"auto_title": True, "auto_title_map": {"Python": {"title": "<b>Py</b>",
                                                                  "mode": "html"}}}
    for _ in range(2):
        assert render(PAGE, memo=True, **settings) == render(PAGE, memo=False, **settings)
    kept = list(highlight_memo.remembered.values())
    assert len(kept) == 2  # one has its own title, one is bash
    assert "two.py" in kept[0] and "echo" in kept[1]
    assert not any(STX in html for html in kept)


def test_the_sites_pages_are_the_same_from_memory():
    config = load_config(str(pipeline.CONFIG))
    extensions, configs = config["markdown_extensions"], config["mdx_configs"]
    memo = highlight_memo.add_fence(dict(configs))  # as the build hooks add it
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text()
        plain = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)
        for _ in range(2):
            html = markdown.Markdown(extensions=extensions, extension_configs=memo).convert(text)
            assert html == plain, page.name
    assert highlight_memo.remembered


def test_a_new_process_takes_the_blocks_the_last_build_saved(tmp_path, monkeypatch):
    plain = render(PAGE, memo=True)
    highlight_memo.save(tmp_path)
    assert not highlight_memo.used  # the next build starts its own list
    highlight_memo.remembered.clear()  # as a new process starts
    highlight_memo.load(tmp_path)
    assert len(highlight_memo.remembered) == 4
    calls = highlighter_calls(monkeypatch)
    assert render(PAGE, memo=True) == plain
    assert not calls, "the highlighter ran again"


def test_only_this_builds_blocks_are_saved(tmp_path):
    render(PAGE, memo=True)
    highlight_memo.save(tmp_path)
    render("```python\nprint('other')\n```\n", memo=True)
    highlight_memo.save(tmp_path)
    saved = json.loads((tmp_path / highlight_memo.FILE).read_text())
    assert len(saved) == 1 and "other" in next(iter(saved.values()))
    assert [path.name for path in tmp_path.iterdir()] == [highlight_memo.FILE]  # no temporary


def test_the_same_blocks_again_leave_the_file_alone(tmp_path):
    """A rewrite would be a new file (a new inode): the temporary one renamed over it."""
    file = tmp_path / highlight_memo.FILE
    render(PAGE, memo=True)
    highlight_memo.save(tmp_path)
    first = file.stat().st_ino
    render(PAGE, memo=True)
    highlight_memo.save(tmp_path)
    assert file.stat().st_ino == first
    render(PAGE.replace("one", "four"), memo=True)
    highlight_memo.save(tmp_path)
    assert file.stat().st_ino != first  # new blocks are written


@pytest.mark.parametrize("content", [None, "{not json", "[]"])
def test_a_missing_or_unreadable_file_is_no_blocks(tmp_path, content):
    if content is not None:
        (tmp_path / highlight_memo.FILE).write_text(content)
    highlight_memo.load(tmp_path)
    assert not highlight_memo.remembered
    assert render(PAGE, memo=True) == render(PAGE, memo=False)
