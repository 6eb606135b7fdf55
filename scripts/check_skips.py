"""Fail when a test run skipped anything but an explicitly marked documentation block.

Usage: python scripts/check_skips.py JUNIT_XML

In CI a missing browser, data file or tool must be a failure, not a quiet
skip. The only skips allowed are code blocks in docs/ that carry a
`<!--pytest.mark.skip(reason="...")-->` mark with a reason (a block that
starts a server, say); those are listed so they stay visible.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REASONED_DOC_BLOCKS = "tests.docs.test_codeblocks"


def skipped_cases(junit: Path) -> list[tuple[str, str, str]]:
    """(class name, test name, skip message) for every skipped test case."""
    root = ET.parse(junit).getroot()
    return [(case.get("classname", ""), case.get("name", ""), skip.get("message", ""))
            for case in root.iter("testcase") for skip in case.iter("skipped")]


def main(junit: Path) -> int:
    if not junit.is_file():
        print(f"check_skips: {junit} does not exist: did pytest run?", file=sys.stderr)
        return 1
    bad = 0
    for classname, name, message in skipped_cases(junit):
        allowed = classname.startswith(REASONED_DOC_BLOCKS) and message.strip()
        print(f"{'allowed' if allowed else 'NOT ALLOWED'} skip: {classname}::{name}: {message}")
        bad += not allowed
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
