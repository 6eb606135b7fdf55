"""Tests for site_neuron_data.py: the data table the page shows."""

from support import run_snippet


def test_prints_the_table_of_ten_points():
    namespace, out = run_snippet("site_neuron_data")
    assert namespace["number_of_points"] == 10
    assert out.strip() == namespace["data_table"]
    lines = namespace["data_table"].splitlines()
    assert lines[0] == "| $i$ | $x_i$ | $y_i$ |"
    assert len(lines) == 2 + 10
    assert lines[2] == "| 0 | -2.0 | 4.4 |"
    assert lines[-1] == "| 9 | -1.4 | 3.5 |"
