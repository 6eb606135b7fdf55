"""A single neuron, a(x) = b + w x, fitted to ten points by gradient descent.

This module is the one place that holds the data and the maths of the
"A single neuron" and "Learning rates" pages: the ten (x, y) points, the
model, the cost, its two partial derivatives, one step of gradient descent, a
loop of such steps, and the least-squares answer that NumPy computes
directly, for comparison.

Run it to see gradient descent from w = 1, b = 1 with learning rate 0.01
arrive at the same line as least squares. The gallery scripts next to it
(`neuron_*.py`, `plot_neuron_*.py`, `plot_cost_*.py`) import it.
"""

# --8<-- [start:data]
import numpy as np

# The ten training points: inputs x and the outputs y we want the neuron to produce.
X = np.array([-2.0, 3.7, 4.7, 1.0, 3.4, 1.9, 0.5, 3.7, -3.7, -1.4])
Y = np.array([4.4, 0.5, -0.3, 1.4, 0.4, 1.4, 2.0, 0.5, 5.6, 3.5])
# --8<-- [end:data]

# The experiment of the page: where gradient descent starts and which rates it tries.
START_W, START_B = 1.0, 1.0
LEARNING_RATES = (0.001, 0.01, 0.1)
# The part of the (w, b) plane where the page maps the cost, in its figure and its
# explorer, and the cost of each contour line drawn there.
MAP_W, MAP_B = (-2.5, 2.0), (-0.5, 4.0)
CONTOUR_LEVELS = (1.25, 2, 4, 8, 16, 32, 64, 128, 256, 512)


# --8<-- [start:model]
def neuron(w: float, b: float, x: np.ndarray) -> np.ndarray:
    """The neuron's output a(x) = b + w x, for every input in x at once."""
    return b + w * x


def cost(w: float, b: float) -> float:
    """C = sum over the points of (a(x_i) - y_i) squared."""
    residuals = neuron(w, b, X) - Y
    return float(np.sum(residuals * residuals))
# --8<-- [end:model]


# --8<-- [start:gradients]
def gradients(w: float, b: float) -> tuple[float, float]:
    """The partial derivatives dC/dw and dC/db at (w, b)."""
    residuals = neuron(w, b, X) - Y
    dcost_dw = np.sum(2 * X * residuals)
    dcost_db = np.sum(2 * residuals)
    return float(dcost_dw), float(dcost_db)
# --8<-- [end:gradients]


# --8<-- [start:descent]
def gradient_step(w: float, b: float, learning_rate: float) -> tuple[float, float]:
    """Move w and b a small step downhill: against their partial derivatives."""
    dcost_dw, dcost_db = gradients(w, b)
    return w - learning_rate * dcost_dw, b - learning_rate * dcost_db


def gradient_descent(w: float, b: float, learning_rate: float,
                     steps: int) -> list[tuple[float, float, float]]:
    """Take up to `steps` steps; return (w, b, C) before the first and after each.

    If the numbers overflow (too large a learning rate), stop at the first
    step whose cost is no longer a finite number: that entry shows the blow-up.
    """
    history = [(w, b, cost(w, b))]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            w, b = gradient_step(w, b, learning_rate)
            history.append((w, b, cost(w, b)))
            if not np.isfinite(history[-1][2]):
                break
    return history
# --8<-- [end:descent]


# --8<-- [start:least_squares]
def least_squares() -> tuple[float, float]:
    """The w and b of the straight line with the smallest possible cost."""
    w, b = np.polyfit(X, Y, deg=1)
    return float(w), float(b)
# --8<-- [end:least_squares]


def format_number(value: float) -> str:
    """Four decimals for ordinary numbers, powers of ten for huge ones."""
    if not np.isfinite(value):
        return "overflow"
    return f"{value:.3e}" if abs(value) >= 1e5 else f"{value:.4f}"


def format_cell(value) -> str:
    """A table cell: text as it is, numbers with `format_number`."""
    return value if isinstance(value, str) else format_number(value)


if __name__ == "__main__":
    w_fit, b_fit = least_squares()
    w_gd, b_gd, cost_gd = gradient_descent(START_W, START_B, 0.01, 100)[-1]
    print(f"least squares:    w = {w_fit:.4f}, b = {b_fit:.4f}, C = {cost(w_fit, b_fit):.4f}")
    print(f"gradient descent: w = {w_gd:.4f}, b = {b_gd:.4f}, C = {cost_gd:.4f}")
