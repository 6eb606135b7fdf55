"""The answers to the From scratch page's exercises, computed.

Momentum's build-up by hand, training with and without momentum, and how well
a mini-batch's gradient points the way of the gradient over all the images.

What to look for: without momentum the same learning rate gets much less far;
ten times the learning rate makes up for it, because with a steady gradient
momentum's steps grow to 1 / (1 - beta) = 10 plain steps.
"""

# %% Exercise 2: train with and without momentum
# --8<-- [start:momentum]
import numpy as np

import mnist
import network

train_images, train_labels, test_images, test_labels = mnist.load()
x_train, y_train = network.scale(train_images[:2000]), train_labels[:2000]  # quick: 2,000
x_test, y_test = network.scale(test_images), test_labels

results = []
for momentum, learning_rate in ((0.9, 0.1), (0.0, 0.1), (0.0, 1.0)):
    net = network.init_network(network.LAYER_SIZES)
    network.train(net, x_train, y_train, epochs=5, learning_rate=learning_rate,
                  momentum=momentum)
    accuracy, test_cost = network.evaluate(net, x_test, y_test)
    results.append((momentum, learning_rate, accuracy, test_cost))
    print(f"momentum {momentum:g}, learning rate {learning_rate:g}: "
          f"test accuracy {accuracy:.1%}, test cost {test_cost:.3f}")
# --8<-- [end:momentum]
n_subset, subset_epochs = len(x_train), 5
with_momentum, plain, plain_faster = ({"momentum": m, "learning_rate": r, "accuracy": a,
                                       "cost": c} for m, r, a, c in results)

# %% Exercise 1: a steady gradient, by hand: v <- beta v - eta g, in units of one plain step
beta = 0.9
velocity, steps = 0.0, []
while not steps or steps[-1] < 0.9 / (1 - beta):  # until 90% of the top speed
    velocity = beta * velocity + 1  # the plain step eta g counted as 1
    steps.append(velocity)
first_steps = [round(step, 4) for step in steps[:3]]
top_speed = 1 / (1 - beta)
steps_to_90_percent = len(steps)
formula_agrees = bool(np.isclose(steps[-1], (1 - beta ** len(steps)) / (1 - beta)))

# %% Exercise 3: how well does a mini-batch's gradient point the way of the full gradient?
x_all, y_all = network.scale(train_images), train_labels
start = network.init_network(network.LAYER_SIZES)


def flat_gradient(rows: np.ndarray) -> np.ndarray:
    """The gradient over these training images, every weight and bias in one vector."""
    grad_w, grad_b = network.backward(start, network.forward(start, x_all[rows]), y_all[rows])
    return np.concatenate([g.ravel() for g in grad_w + grad_b]).astype(np.float64)


full = flat_gradient(np.arange(len(x_all)))
rng = np.random.default_rng(0)
batch_sizes = [1, 10, 100, 1000]
alignment = []  # the mean cosine between a mini-batch's gradient and the full gradient
for m in batch_sizes:
    cosines = [g @ full / (np.linalg.norm(g) * np.linalg.norm(full))
               for g in (flat_gradient(rng.choice(len(x_all), m, replace=False))
                         for _ in range(10))]
    alignment.append(float(np.mean(cosines)))
n_images = len(x_all)
steps_per_epoch = {m: -(-n_images // m) for m in (1, 100, n_images)}  # rounded up
steps_per_epoch_list = list(steps_per_epoch.values())
