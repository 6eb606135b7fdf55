"""The answers to the exercises of Backpropagation at work, computed.

ReLU errors by hand, many steps with network.py, and equal starting weights.

What to look for: with every weight starting equal, the two hidden neurons get
identical gradients, so they can never become different.
"""

# %% The worked example's numbers, for exercises 1 and 2
import site_worked_example as example  # noqa: I001 (the block below is shown on its own)

# %% Exercise 2: many steps on the worked example's network
# --8<-- [start:steps]
import numpy as np

import network

net = network.Network([np.array([[0.2, -0.4], [0.7, 0.1]]), np.array([[0.6, -0.5]])],
                      [np.array([0.1, -0.3]), np.array([0.2])], "sigmoid", "quadratic")
x, labels = np.array([[1.0, 0.5]]), np.array([0])  # one example; its target is 1
no_momentum = [np.zeros_like(p) for p in net.weights + net.biases]
activations = network.forward(net, x)
STEPS = 100
costs = [network.cost(net, activations[-1], labels)]  # before the first step
for _ in range(STEPS):
    network.update(net, network.backward(net, activations, labels), no_momentum, 0.5, 0.0)
    activations = network.forward(net, x)
    costs.append(network.cost(net, activations[-1], labels))
print(f"cost before step 1: {costs[0]:.4f}, after 1 step: {costs[1]:.4f}, "
      f"after {STEPS} steps: {costs[STEPS]:.4f}")
# --8<-- [end:steps]
cost_after_one, cost_after_steps = costs[1], costs[STEPS]
matches_hand_step = bool(abs(cost_after_one - example.cost_after) < 1e-12)

# %% Exercise 1: the hidden errors if the hidden neurons were ReLU (both z are positive)
relu_delta1 = [float(example.W2[0, k] * example.delta2) for k in range(2)]
relu_to_sigmoid = [relu / float(example.delta1[k]) for k, relu in enumerate(relu_delta1)]

# %% Exercise 3: all weights starting at the same value
start_weight = 0.3
same = network.Network([np.full((2, 2), start_weight), np.full((1, 2), start_weight)],
                       [np.zeros(2), np.zeros(1)], "sigmoid", "quadratic")
grad_w, _ = network.backward(same, network.forward(same, x), labels)
hidden_rows_equal = bool(np.allclose(grad_w[0][0], grad_w[0][1]))
same_gradient = float(grad_w[0][0, 0])
