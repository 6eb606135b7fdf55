"""The single neuron's summed cost against the averaged cost the rest of the site uses.

The single-neuron pages add the squared residuals up; network.py averages the
cost over the examples. The averaged cost's derivatives are the summed
cost's divided by n, so gradient descent on the average with learning rate
n times larger takes exactly the same steps. The script checks that by
running both for a few steps from the page's starting point.

What to look for: the two paths agree to rounding, so a learning rate only
means something together with the cost it is used with.
"""

# %% The averaged cost and its derivatives: the summed ones divided by n
import numpy as np

from single_neuron import START_B, START_W, X, gradients

n = len(X)
summed_rate = 0.01  # Learning rates' medium rate, used with the summed cost
averaged_rate = summed_rate * n  # the same steps with the averaged cost
steps = 20


def averaged_gradients(w: float, b: float) -> tuple[float, float]:
    """dC/dw and dC/db for C = (1/n) * sum of squared residuals."""
    dcost_dw, dcost_db = gradients(w, b)
    return dcost_dw / n, dcost_db / n


# %% Both descents side by side
summed_path, averaged_path = [(START_W, START_B)], [(START_W, START_B)]
for _ in range(steps):
    w, b = summed_path[-1]
    dw, db = gradients(w, b)
    summed_path.append((w - summed_rate * dw, b - summed_rate * db))
    w, b = averaged_path[-1]
    dw, db = averaged_gradients(w, b)
    averaged_path.append((w - averaged_rate * dw, b - averaged_rate * db))
largest_difference = float(np.max(np.abs(np.array(summed_path) - np.array(averaged_path))))
mantissa, exponent = f"{largest_difference:.0e}".split("e")
largest_difference_tex = (f"{mantissa} \\times 10^{{{int(exponent)}}}" if largest_difference
                          else "0")
print(f"summed cost, rate {summed_rate}; averaged cost, rate {averaged_rate:g}: "
      f"largest difference over {steps} steps {largest_difference:.1e}")
