"""The presenting page's guide to the exercises names every page that has some."""

import re

from support import DOCS


def test_every_exercises_section_is_listed():
    with_exercises = {page.name for page in DOCS.glob("*.md")
                      if re.search(r"^## Exercises$", page.read_text(), re.MULTILINE)}
    text = (DOCS / "presenting.md").read_text()
    section = text.split("## Where the exercises are", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"\]\(([\w-]+\.md)#exercises\)", section))
    assert len(with_exercises) >= 8
    assert listed == with_exercises
