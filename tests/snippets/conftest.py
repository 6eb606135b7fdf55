"""Figures the snippets draw are closed once the tests that look at them are done.

A figure drawn during a test (or by its function-scoped fixtures) is closed after
that test; one drawn by a module-scoped fixture stays open for the module's tests.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # even where MPLBACKEND names another backend: plt.show() must not block
import matplotlib.pyplot as plt
import pytest


@pytest.fixture(autouse=True, scope="module")
def close_figures_after_module():
    yield
    plt.close("all")


@pytest.fixture(autouse=True)
def close_figures_after_test():
    before = set(plt.get_fignums())  # module-scoped fixtures are set up before this
    yield
    for number in set(plt.get_fignums()) - before:
        plt.close(number)
