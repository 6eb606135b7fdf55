"""Tests for site_benchmark_sample.py: the build's table of the quick models, without times."""

import site_benchmark_sample


def test_build_result_is_a_full_run_on_the_sample_without_times(snippet_results):
    values = snippet_results["site_benchmark_sample"].values
    lines = values["table"].splitlines()
    assert lines[0] == "| model | test accuracy | epochs |"  # no times: builds must not differ
    assert [line.split("|")[1].strip(" `") for line in lines[2:]] == ["workshop", "scratch"]
    assert (values["n_train"], values["n_test"]) == (5000, 10_000)
    assert values["scratch_accuracy"] >= 0.95
    assert not any("second" in name for name in values)
    assert values["machine_line"].split()[0].isdigit()


def test_settings_table_bolds_what_differs_from_network_py():
    table = site_benchmark_sample.settings_table({"a": {"hidden": 128, "learning_rate": 0.3},
                                                  "b": {}})
    lines = table.splitlines()
    assert lines[0] == "| setting | a | b |"
    assert lines[2] == "| hidden neurons | **128** | 256 |"
    assert lines[5] == "| learning rate | **0.3** | 0.05 |"
    assert lines[6] == "| shifted copies | 0 | 0 |"
