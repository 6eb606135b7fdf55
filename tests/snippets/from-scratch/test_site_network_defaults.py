"""Tests for site_network_defaults.py: the quoted settings are network.py's own."""

import pytest

import network
from support import run_snippet


@pytest.fixture(scope="module")
def run() -> tuple[dict, str]:
    return run_snippet("site_network_defaults")


def test_settings_are_read_from_network_py(run):
    ns, out = run
    net = network.init_network(network.LAYER_SIZES)
    assert ns["n_parameters"] == sum(p.size for p in net.weights + net.biases)
    assert ns["finite_difference_passes"] == 2 * ns["n_parameters"]
    assert (ns["activation"], ns["cost"]) == (net.activation, net.cost)
    assert ns["dtype"] == net.weights[0].dtype.name
    assert ns["bytes_per_number"] == net.weights[0].itemsize
    assert ns["hidden_neurons"] == network.LAYER_SIZES[1]
    assert ns["epochs"] == network.EPOCHS
    assert ns["momentum_speedup"] == pytest.approx(1 / (1 - ns["momentum"]))
    assert out.strip() == ns["table"]
    assert f"| momentum | {ns['momentum']:g} |" in ns["table"]


def test_argument_defaults():
    import site_network_defaults

    def f(a, b=2, *, c="x"):
        return a, b, c

    assert site_network_defaults.argument_defaults(f) == {"b": 2, "c": "x"}


def test_backward_pass_arithmetic_against_the_forward_pass(snippet_results):
    """784-256-10: gradients for every weight, errors passed back through the last layer only."""
    values = snippet_results["site_network_defaults"].values
    inputs, hidden, outputs = 784, 256, 10
    forward = inputs * hidden + hidden * outputs
    assert values["layers"] == f"{inputs} → {hidden} → {outputs}"
    assert values["backward_to_forward"] == pytest.approx((forward + hidden * outputs) / forward)
