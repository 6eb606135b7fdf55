"""Tests for site_neuron_data.py: the data table the page shows."""

from support import run_snippet


def test_prints_the_table_of_ten_points():
    namespace, out = run_snippet("site_neuron_data")
    assert namespace["number_of_points"] == 10
    assert out.strip() == namespace["data_table"]
    lines = namespace["data_table"].splitlines()
    assert lines[0].startswith("| $i$ | 1 | 2 |") and lines[0].endswith("| 10 |")
    assert len(lines) == 2 + 2  # laid out sideways: a row of x and a row of y
    assert lines[2].startswith("| $x_i$ | -2.0 |") and lines[2].endswith("| -1.4 |")
    assert lines[3].startswith("| $y_i$ | 4.4 |") and lines[3].endswith("| 3.5 |")
