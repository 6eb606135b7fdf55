"""One step of gradient descent done by hand, with every intermediate number.

Starting from w = 1, b = 1 with learning rate 0.01, the script works out each
point's residual a(x_i) - y_i, sums the pieces of the cost and of the two
partial derivatives, and takes the step. It then takes a second step, the
answer to the first exercise of Learning rates, the page after.

What to look for: the cost falls a lot in one step, although w jumps past its
final value (about -0.68) and lands on the other side of it.
"""

# %% Where we start
from single_neuron import (
    START_B,
    START_W,
    X,
    Y,
    cost,
    gradients,
    least_squares,
    neuron,
)
from tables import markdown_table

start_w, start_b = START_W, START_B
first_step_learning_rate = 0.01
w_least_squares, _ = least_squares()  # the best slope, which the steps swing across

# %% Every point's share of the cost and of the two derivatives
outputs = neuron(start_w, start_b, X)
residuals = outputs - Y
example_x, example_y = X[0], Y[0]  # the first point, worked through in the text
example_output, example_residual = outputs[0], residuals[0]
sum_of_residuals = residuals.sum()
cost_before = (residuals**2).sum()
dcost_dw = (2 * X * residuals).sum()
dcost_db = (2 * residuals).sum()


def row(*cells: object) -> list[str]:
    """Two decimals are exact here: every x and y has a single decimal."""
    return [cell if isinstance(cell, str) else f"{cell:.2f}" for cell in cells]


first_step_table = markdown_table(
    ["$i$", "$x_i$", "$y_i$", "$a(x_i)$", "$a(x_i) - y_i$", "$(a(x_i) - y_i)^2$",
     "$2x_i(a(x_i) - y_i)$", "$2(a(x_i) - y_i)$"],
    [row(str(i), x, y, a, r, r**2, 2 * x * r, 2 * r)
     for i, (x, y, a, r) in enumerate(zip(X, Y, outputs, residuals, strict=True), start=1)]
    + [row("**sum**", "", "", "", sum_of_residuals, cost_before, dcost_dw, dcost_db)])
print(first_step_table)

# %% The step itself: move against the gradient
new_w = start_w - first_step_learning_rate * dcost_dw
new_b = start_b - first_step_learning_rate * dcost_db
cost_after = cost(new_w, new_b)
print(f"\nw: {start_w} -> {new_w:.4f}   b: {start_b} -> {new_b:.4f}")
print(f"cost: {cost_before:.4f} -> {cost_after:.4f}")

# %% A second step, from where the first one landed
second_dcost_dw, second_dcost_db = gradients(new_w, new_b)
second_w = new_w - first_step_learning_rate * second_dcost_dw
second_b = new_b - first_step_learning_rate * second_dcost_db
cost_after_second_step = cost(second_w, second_b)
print(f"second step: dC/dw = {second_dcost_dw:.4f}, dC/db = {second_dcost_db:.4f}")
print(f"w -> {second_w:.4f}, b -> {second_b:.4f}, cost -> {cost_after_second_step:.4f}")
