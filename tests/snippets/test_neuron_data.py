"""Tests for snippets/neuron_data.py: the data table the page shows."""

import runpy
import sys
import warnings
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"
sys.path.insert(0, str(SNIPPETS))


def run_as_main(monkeypatch, capsys) -> tuple[dict, str]:
    monkeypatch.chdir(SNIPPETS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        namespace = runpy.run_path(str(SNIPPETS / "neuron_data.py"), run_name="__main__")
    return namespace, capsys.readouterr().out


def test_prints_the_table_of_ten_points(monkeypatch, capsys):
    namespace, out = run_as_main(monkeypatch, capsys)
    assert namespace["number_of_points"] == 10
    assert out.strip() == namespace["data_table"]
    lines = namespace["data_table"].splitlines()
    assert lines[0] == "| $i$ | $x_i$ | $y_i$ |"
    assert len(lines) == 2 + 10
    assert lines[2] == "| 0 | -2.0 | 4.4 |"
    assert lines[-1] == "| 9 | -1.4 | 3.5 |"
