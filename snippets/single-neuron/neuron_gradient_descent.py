"""Gradient descent from w = 1, b = 1 with three learning rates, against least squares.

For each learning rate (0.001, 0.01 and 0.1) the script runs up to 1000 steps
and prints (w, b, C) at a few checkpoints, then compares the results after 100
steps with the least-squares line that NumPy computes directly.

What to look for: 0.01 overshoots at first (w swings from side to side) and
then settles on the least-squares line; 0.001 creeps there slowly; 0.1 takes
ever larger swings until the numbers overflow.
"""

# %% The whole method in use: 100 steps from w = 1, b = 1 with learning rate 0.01
import math
from itertools import pairwise

from single_neuron import (
    LEARNING_RATES,
    START_B,
    START_W,
    cost,
    format_cell,
    gradient_descent,
    least_squares,
)
from tables import markdown_table

# --8<-- [start:run]
history = gradient_descent(1.0, 1.0, learning_rate=0.01, steps=100)
w, b, final_cost = history[-1]
print(f"after {len(history) - 1} steps: w = {w:.4f}, b = {b:.4f}, C = {final_cost:.4f}")
# --8<-- [end:run]

# %% The best line, straight from least squares
w_least_squares, b_least_squares = least_squares()
cost_least_squares = cost(w_least_squares, b_least_squares)

# %% Gradient descent with each learning rate
max_steps = 1000
small_rate, medium_rate, large_rate = LEARNING_RATES
histories = {rate: gradient_descent(START_W, START_B, rate, max_steps) for rate in LEARNING_RATES}

# %% Checkpoints along the way, one table per learning rate
checkpoints = (0, 1, 2, 3, 4, 5, 10, 20, 50, 100, 200, 500, 1000)


def checkpoints_table(history: list[tuple[float, float, float]]) -> str:
    """(w, b, C) at the checkpoints the run reached, and at its last step."""
    steps = [step for step in checkpoints if step < len(history)]
    if steps[-1] != len(history) - 1:
        steps.append(len(history) - 1)
    return markdown_table(["step", "$w$", "$b$", "$C$"],
                          [[str(step), *history[step]] for step in steps], cell=format_cell)


small_rate_table = checkpoints_table(histories[small_rate])
medium_rate_table = checkpoints_table(histories[medium_rate])
large_rate_table = checkpoints_table(histories[large_rate])
for rate in LEARNING_RATES:
    print(f"\nlearning rate {rate}:\n{checkpoints_table(histories[rate])}")

# %% How many steps until w and b agree with least squares to four decimals?
tolerance = 1e-4


def steps_to_converge(history: list[tuple[float, float, float]]) -> int:
    """The first step within `tolerance` of the least-squares w and b, or -1 if none."""
    for step, (w, b, _) in enumerate(history):
        if abs(w - w_least_squares) < tolerance and abs(b - b_least_squares) < tolerance:
            return step
    return -1


small_rate_steps_to_converge = steps_to_converge(histories[small_rate])
medium_rate_steps_to_converge = steps_to_converge(histories[medium_rate])
large_rate_overflow_step = len(histories[large_rate]) - 1
large_rate_growth_per_step = histories[large_rate][51][2] / histories[large_rate][50][2]
print(f"\nsteps to agree to {tolerance}: {small_rate_steps_to_converge} (rate {small_rate}),"
      f" {medium_rate_steps_to_converge} (rate {medium_rate});"
      f" rate {large_rate} overflows at step {large_rate_overflow_step}")

# %% Which runs overshoot the best w, and does the cost ever go up?


def overshoots(history: list[tuple[float, float, float]]) -> int:
    """How many steps carried w across the least-squares w, to its other side."""
    sides = [w > w_least_squares for w, _, _ in history]
    return sum(before != after for before, after in pairwise(sides))


def cost_never_rises(history: list[tuple[float, float, float]]) -> bool:
    """True if no step made the cost larger, beyond rounding in its last digits.

    An overflow counts as larger.
    """
    return all(after <= before * (1 + 1e-12)
               for (_, _, before), (_, _, after) in pairwise(history))


behaviour = [{"rate": rate, "steps": len(history) - 1, "overshoots": overshoots(history),
              "cost_never_rises": cost_never_rises(history)}
             for rate, history in histories.items()]
for row in behaviour:
    print(f"rate {row['rate']}: {row['steps']} steps, w overshot {row['overshoots']} times, "
          f"cost never rose: {row['cost_never_rises']}")

# %% Once w and b agree, do the steps only get smaller?


def step_lengths(history: list[tuple[float, float, float]]) -> list[float]:
    """How far each step moved the point (w, b)."""
    return [math.hypot(w1 - w0, b1 - b0) for (w0, b0, _), (w1, b1, _) in pairwise(history)]


settling = step_lengths(histories[medium_rate])[medium_rate_steps_to_converge:]
# Only rounding in the last digits (1e-15) may make a step a hair longer than the one before.
medium_rate_steps_shrink = all(later <= step + 1e-15 for step, later in pairwise(settling))

# %% After 100 steps, side by side with least squares
compared_step = 100
small_rate_w, small_rate_b, small_rate_cost = histories[small_rate][compared_step]
medium_rate_w, medium_rate_b, medium_rate_cost = histories[medium_rate][compared_step]
large_rate_w, large_rate_b, large_rate_cost = histories[large_rate][compared_step]
comparison_table = markdown_table(
    ["method", "$w$", "$b$", "$C$"],
    [["least squares (NumPy)", w_least_squares, b_least_squares, cost_least_squares]]
    + [[f"gradient descent, $\\eta = {rate}$, {compared_step} steps",
        *histories[rate][compared_step]] for rate in LEARNING_RATES], cell=format_cell)
print(f"\n{comparison_table}")
