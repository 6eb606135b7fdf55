"""The data and reference results behind the gradient-descent explorer, as JSON.

The explorer on the "Learning rates" page runs gradient descent in the
reader's browser. This script hands it everything it needs from
`single_neuron.py`: the ten points, the starting point, the learning rates
its slider offers, the map's limits and contour levels, the least-squares
answer, and two runs computed here in Python (learning rate 0.01 for 50
steps, and 0.1 until it overflows). The browser tests check that the
explorer's own arithmetic reproduces those runs.

The build puts `explorer_json` inside the page, so the explorer needs no
request to a server and works from disk too.
"""

# %% Everything the explorer needs, in one dictionary
import json
import math

from single_neuron import (
    CONTOUR_LEVELS,
    MAP_B,
    MAP_W,
    START_B,
    START_W,
    X,
    Y,
    cost,
    gradient_descent,
    least_squares,
)

# The slider's learning rates: about ten per factor of ten, from 0.0001 to 0.1,
# plus 0.011, which sits just below the limit the page works out (about 0.0115).
RATE_MANTISSAS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
EDGE_RATE = 0.011
REFERENCE_RATE, REFERENCE_STEPS = 0.01, 50
DIVERGING_RATE, DIVERGING_STEPS = 0.1, 1000


def slider_rates() -> list[float]:
    """Learning rates spaced evenly on a log scale; written as decimals, so 0.01 is 0.01."""
    rates = [float(f"{mantissa}e{exponent}")
             for exponent in (-4, -3, -2) for mantissa in RATE_MANTISSAS]
    return sorted([*rates, EDGE_RATE, 0.1])


def run(rate: float, steps: int) -> dict:
    """One Python run from the page's starting point: (w, b, C) before and after each step."""
    path = gradient_descent(START_W, START_B, rate, steps)
    finite = [list(point) for point in path if all(map(math.isfinite, point))]
    return {"rate": rate, "w": START_W, "b": START_B, "steps": len(path) - 1,
            "path": finite, "overflowed": len(finite) < len(path)}


def explorer_data() -> dict:
    w_best, b_best = least_squares()
    return {
        "x": X.tolist(), "y": Y.tolist(),
        "start": {"w": START_W, "b": START_B},
        "rates": slider_rates(), "defaultRate": REFERENCE_RATE,
        "map": {"w": list(MAP_W), "b": list(MAP_B)}, "levels": list(CONTOUR_LEVELS),
        "leastSquares": {"w": w_best, "b": b_best, "cost": cost(w_best, b_best)},
        "reference": run(REFERENCE_RATE, REFERENCE_STEPS),
        "diverging": run(DIVERGING_RATE, DIVERGING_STEPS),
    }


# %% As JSON: numbers keep every digit, so the browser sees exactly Python's floats
data = explorer_data()
explorer_json = json.dumps(data, allow_nan=False, separators=(",", ":"))
diverging_overflow_step = data["diverging"]["steps"]
print(f"{len(explorer_json):,} characters of JSON; with learning rate {DIVERGING_RATE} "
      f"the numbers overflow at step {diverging_overflow_step}")
