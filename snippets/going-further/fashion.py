"""Train network.py's network on Fashion-MNIST: the same code, clothes instead of digits.

Fashion-MNIST, from Zalando Research, has exactly the format of MNIST: 28 x 28
grey images stored as IDX files with the same four names, 60,000 for training
and 10,000 for testing, in ten classes (CLASSES below, in label order). So
mnist.load() reads it as it is; only the folder differs.

Tell the script where the files are with the environment variable
FASHION_MNIST_DIR (Debian's dataset-fashion-mnist package puts them in
/usr/share/datasets/fashion-mnist). Without it, the script trains on
the MNIST digits that mnist.load() finds instead, and says so.

It prints the test accuracy, then the accuracy on each class from worst to
best. What to look for on Fashion-MNIST: the classes that share a shape
(shirts, T-shirts, pullovers and coats) are confused far more often than
trousers, bags or shoes.
"""

import os

import numpy as np
from threadpoolctl import threadpool_limits

import mnist
import network

CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
           "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")  # fmt: skip


def class_accuracies(net: network.Network, x: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """For each class, the fraction of its test images that the network gets right."""
    predicted = network.predict_proba(net, x).argmax(axis=1)
    return np.array([np.mean(predicted[labels == c] == c) for c in range(len(CLASSES))])


if __name__ == "__main__":
    folder = os.environ.get("FASHION_MNIST_DIR")
    if folder:
        names = CLASSES
        print(f"Fashion-MNIST from {folder}")
    else:
        names = tuple(f"digit {digit}" for digit in range(10))
        print("FASHION_MNIST_DIR is not set, so this run uses the MNIST digits instead")
    train_images, train_labels, test_images, test_labels = mnist.load(data_dir=folder or None)
    x_train, x_test = network.scale(train_images), network.scale(test_images)
    net = network.init_network(network.LAYER_SIZES)
    # One BLAS thread: with matrices this small, extra threads save little, and they
    # cost a lot of time when other programs want the cores too.
    with threadpool_limits(limits=1, user_api="blas"):
        network.train(net, x_train, train_labels)
    accuracy, _ = network.evaluate(net, x_test, test_labels)
    print(f"{len(x_train):,} training images; test accuracy {accuracy:.2%}")
    per_class = class_accuracies(net, x_test, test_labels)
    for c in np.argsort(per_class):
        print(f"  {names[c]:12} {per_class[c]:.1%}")
