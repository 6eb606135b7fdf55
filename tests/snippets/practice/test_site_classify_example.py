"""Tests for site_classify_example.py: the page's stand-in for classifying example_digit.png."""

from practice_support import use_small_mnist
from support import run_snippet


def test_prints_what_classify_image_prints(tmp_path, monkeypatch, capsys):
    use_small_mnist(monkeypatch)
    ns, out = run_snippet("site_classify_example")
    lines = out.splitlines()
    assert lines[0] == f"example_digit.png looks like a {ns['guess']}"
    assert lines[1] == f"  {ns['guess']}: {ns['confidence']:6.1%}"
    assert len(lines) == 4
