"""How large may the learning rate be before gradient descent blows up?

Near its lowest point the cost is a bowl: steep across the valley, gentle
along it. Each step multiplies the distance from the bottom by (1 - eta k) in a
direction whose curvature is k, so the steps shrink only while that factor lies
between -1 and 1, in the steepest direction too: eta < 2 / (largest curvature).
The script works the limit out two ways and checks it with two runs.

What to look for: 0.01 sits just under the limit (its steps overshoot but
shrink), 0.1 is far over it, and 0.001 is safe but crawls along the valley.
"""

# %% If b were held still, only w moves: the limit is 1 / (sum of x squared)
import numpy as np

from single_neuron import (
    LEARNING_RATES,
    START_B,
    START_W,
    X,
    format_cell,
    gradient_descent,
    least_squares,
)
from tables import markdown_table

sum_of_x_squared = float(X @ X)
limit_if_only_w_moves = 1 / sum_of_x_squared

# %% With w and b moving together, the curvatures are the eigenvalues of the Hessian


def curvatures(x: np.ndarray) -> tuple[float, float]:
    """Gentlest and steepest curvature of the cost bowl for inputs x (they do not need y)."""
    hessian = 2 * np.array([[x @ x, x.sum()], [x.sum(), len(x)]])
    gentlest, steepest = np.linalg.eigvalsh(hessian)
    return float(gentlest), float(steepest)


gentlest_curvature, steepest_curvature = curvatures(X)
critical_learning_rate = 2 / steepest_curvature
# Inputs twice as large make the bowl four times as steep: the limit drops to about a quarter.
critical_rate_if_x_doubled = 2 / curvatures(2 * X)[1]

# %% What each step does to the distance from the bottom, across and along the valley
factors_table = markdown_table(
    ["learning rate $\\eta$", "factor across the valley", "factor along the valley"],
    [[f"{rate}", 1 - rate * steepest_curvature, 1 - rate * gentlest_curvature]
     for rate in LEARNING_RATES], cell=format_cell)
large_rate_factor = 1 - LEARNING_RATES[2] * steepest_curvature
# The growth of the cost per step that the large rate's run shows, far from the start
large_rate_run = gradient_descent(START_W, START_B, LEARNING_RATES[2], 60)
large_rate_measured_growth = large_rate_run[51][2] / large_rate_run[50][2]
medium_rate_factor = 1 - LEARNING_RATES[1] * steepest_curvature
small_rate_slow_factor = 1 - LEARNING_RATES[0] * gentlest_curvature
print(f"limit if only w moved: {limit_if_only_w_moves:.5f};"
      f" exact limit: {critical_learning_rate:.5f};"
      f" with every x doubled: {critical_rate_if_x_doubled:.5f}\n")
print(factors_table)

# %% Check by experiment: one rate just below the limit, one just above
just_below_rate, just_above_rate = 0.011, 0.012
check_steps = 1000
assert just_below_rate < critical_learning_rate < just_above_rate
cost_just_below = gradient_descent(START_W, START_B, just_below_rate, check_steps)[-1][2]
w_best, b_best = least_squares()


def steps_to_agree(rate: float, tolerance: float = 1e-4) -> int:
    """Steps until w and b are within `tolerance` of least squares, or -1 if never."""
    history = gradient_descent(START_W, START_B, rate, check_steps)
    return next((step for step, (w, b, _) in enumerate(history)
                 if abs(w - w_best) < tolerance and abs(b - b_best) < tolerance), -1)


steps_just_below = steps_to_agree(just_below_rate)
steps_medium_rate = steps_to_agree(LEARNING_RATES[1])
cost_just_above = gradient_descent(START_W, START_B, just_above_rate, check_steps)[-1][2]
mantissa, exponent = f"{cost_just_above:.1e}".split("e")
cost_just_above_tex = f"{mantissa} \\times 10^{{{int(exponent)}}}"  # for the page's maths
print(f"\nafter {check_steps} steps: cost {cost_just_below:.4f} with rate {just_below_rate},"
      f" {cost_just_above:.3e} with rate {just_above_rate}")
