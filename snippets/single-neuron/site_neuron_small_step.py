"""Why a small step against the gradient lowers the cost, in the single neuron's numbers.

To first order, a step (dw, db) changes the cost by dC/dw dw + dC/db db. A
gradient-descent step is dw = -eta dC/dw, db = -eta dC/db, so the change is
about -eta times the squared length of the gradient: never positive. The
script compares that prediction with the real change from the page's start.

What to look for: with a small learning rate the prediction is close; with
the page's 0.01 the first step is too long for the straight-line estimate.
"""

# %% The gradient where the page starts
from single_neuron import START_B, START_W, cost, gradients

dcost_dw, dcost_db = gradients(START_W, START_B)
squared_length = dcost_dw**2 + dcost_db**2


def cost_change(learning_rate: float) -> tuple[float, float]:
    """(predicted, actual) change of the cost after one step with this rate."""
    new_w = START_W - learning_rate * dcost_dw
    new_b = START_B - learning_rate * dcost_db
    return -learning_rate * squared_length, cost(new_w, new_b) - cost(START_W, START_B)


# %% A tiny step, and the page's step
tiny_rate, page_rate = 0.0001, 0.01
tiny_predicted, tiny_actual = cost_change(tiny_rate)
page_predicted, page_actual = cost_change(page_rate)
print(f"rate {tiny_rate}: predicted {tiny_predicted:.4f}, actual {tiny_actual:.4f}")
print(f"rate {page_rate}: predicted {page_predicted:.2f}, actual {page_actual:.2f}")
