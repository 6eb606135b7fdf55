"""The site's notation: every symbol once, with its meaning, shape and name in the code.

The Notation page prints `table` built from `SYMBOLS`; every other page shows
`on_page[page]`, a line of links from the symbols it uses to their entries
(the link's title is the meaning, so hovering shows it). The tests check the
pages against this list: no page may use a Greek letter the list does not
define, or give a defined symbol another meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

from tables import markdown_table


@dataclass(frozen=True)
class Symbol:
    """One entry of the notation page."""

    key: str  # anchor on the notation page: notation.md#<key>
    tex: str  # how the symbol is typeset
    name: str  # a few words: what it is (also the link's tooltip)
    meaning: str  # one or two sentences
    shape: str  # TeX: a scalar, a vector of n_l numbers, ...
    code: str  # Markdown: where network.py (or the page's snippet) keeps it


SCALAR = "number"
SYMBOLS = [
    Symbol("sym-x", r"x", "input",
           "The network's input, one number per input neuron, entries $x_k$; for the single "
           "neuron, the one input $x_i$ of example $i$.", r"$n_0$ numbers", "a row of `x`"),
    Symbol("sym-y", r"y", "desired output",
           "What the network should output for an example: for a class, 1 at the right class "
           "and 0 elsewhere (one-hot).", r"$n_L$ numbers", "`one_hot(labels, 10)`"),
    Symbol("sym-i", r"i", "example index",
           "Which training example: $i = 1, \\dots, n$ (the code counts from 0).", SCALAR,
           "row index of `x`"),
    Symbol("sym-n", r"n", "number of training examples",
           "How many examples the cost is computed over.", SCALAR, "`len(x)`"),
    Symbol("sym-m", r"m", "mini-batch size",
           "How many examples one step of gradient descent looks at.", SCALAR,
           "`batch_size`"),
    Symbol("sym-l", r"l", "layer index",
           "Which layer: $l = 0$ is the input, $l = 1, \\dots, L$ the layers with weights.",
           SCALAR, "`layer + 1` in `forward` and `backward`, whose `weights[layer]` is $W^l$"),
    Symbol("sym-big-l", r"L", "output layer",
           "The last layer, and so also the number of layers with weights.", SCALAR,
           "`len(net.weights)`"),
    Symbol("sym-n-l", r"n_l", "neurons in layer l",
           "How many neurons layer $l$ has; $n_0$ inputs, $n_L$ outputs.", SCALAR,
           "`sizes[l]`, e.g. `LAYER_SIZES`"),
    Symbol("sym-jk", r"j,\ k", "neuron indices",
           "$j$ numbers the neurons of layer $l$, $k$ those of layer $l - 1$ (in BP2, "
           "those of layer $l + 1$, which the error comes back from).", SCALAR,
           "`j`, `k` (counting from 0)"),
    Symbol("sym-w", r"w^l_{jk}", "weight",
           "The weight from neuron $k$ of layer $l - 1$ to neuron $j$ of layer $l$: "
           "destination first.", SCALAR,
           "`weights[l-1][j-1, k-1]` (the code counts neurons from 0)"),
    Symbol("sym-big-w", r"W^l", "weight matrix",
           "All the weights into layer $l$; row $j$ feeds neuron $j$.",
           r"$n_l \times n_{l-1}$", "`weights[l-1]`"),
    Symbol("sym-b", r"b^l", "biases",
           "The biases of layer $l$, entries $b^l_j$.", r"$n_l$ numbers", "`biases[l-1]`"),
    Symbol("sym-z", r"z^l", "weighted input",
           "$z^l = W^l a^{l-1} + b^l$, what goes into the activation function.",
           r"$n_l$ numbers", "`z` in `forward`"),
    Symbol("sym-a", r"a^l", "activation",
           "The outputs of layer $l$, $a^l = f(z^l)$; $a^0 = x$ and $a^L$ is the network's "
           "output.", r"$n_l$ numbers", "`activations[l]`"),
    Symbol("sym-big-f", r"F", "the network as a function",
           "What the whole network computes: from the input $\\mathbf{x}$ to its outputs, one "
           "per class.", r"$n_L$ numbers", "`predict_proba(net, x)`"),
    Symbol("sym-f", r"f", "activation function",
           "Any activation function, applied to each entry; $f'$ is its slope.", "",
           "`ACTIVATIONS[net.activation]`; $f'$ is `derivative(net.activation, a)`"),
    Symbol("sym-sigma", r"\sigma", "sigmoid",
           "The sigmoid only: $\\sigma(z) = 1/(1 + e^{-z})$, with "
           "$\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$.", "", "`sigmoid`"),
    Symbol("sym-relu", r"\operatorname{ReLU}", "rectified linear unit",
           "$\\max(0, z)$: slope 1 where $z > 0$, 0 where $z < 0$.", "", "`relu`"),
    Symbol("sym-softmax", r"\operatorname{softmax}", "softmax",
           "Turns the output layer's $z^L$ into probabilities: "
           "$a^L_j = e^{z^L_j} / \\sum_k e^{z^L_k}$.", "", "`softmax`"),
    Symbol("sym-c-class", r"c", "right class",
           "The class an example belongs to; $y_c = 1$.", SCALAR, "`labels[i]`"),
    Symbol("sym-cost", r"C", "cost",
           "How wrong the network is, averaged over the $n$ examples (or the $m$ of a "
           "mini-batch). $C_i$ is the cost of example $i$ alone. The single neuron's cost is "
           "a sum instead, see below.", SCALAR, "`cost(net, output, labels)`"),
    Symbol("sym-delta", r"\delta^l", "error",
           "$\\delta^l_j = \\partial C_i / \\partial z^l_j$, how fast the cost of one "
           "example $i$ changes with a neuron's weighted input.", r"$n_l$ numbers",
           "`delta`, a row per example"),
    Symbol("sym-grad", r"\nabla C", "gradient",
           "All the partial derivatives of $C$, one per weight and bias.",
           "one per parameter", "`grads = backward(net, activations, labels)`"),
    Symbol("sym-change", r"\Delta C", "change in the cost",
           "How much one step changes the cost.", SCALAR, ""),
    Symbol("sym-eta", r"\eta", "learning rate",
           "The step size of gradient descent: every parameter moves by $-\\eta$ times its "
           "derivative.", SCALAR, "`learning_rate`"),
    Symbol("sym-beta", r"\beta", "momentum",
           "How much of the previous step's velocity carries over to the next.", SCALAR,
           "`momentum`"),
    Symbol("sym-v", r"v", "velocity",
           "With momentum, the running step of one parameter.", "one per parameter",
           "`velocity`"),
    Symbol("sym-odot", r"\odot", "entrywise product",
           "Multiplies two vectors entry by entry.", "", "`*` on NumPy arrays"),
    Symbol("sym-transpose", r"W^{\top}", "transpose",
           "Rows become columns.", r"$n_{l-1} \times n_l$",
           r"`.T`; with examples in rows, $W a$ is `a @ w.T` and $W^{\top} \delta$ "
           "is `delta @ w`"),
    Symbol("sym-p", r"p", "any one parameter",
           "Stands for any single weight or bias, as in the gradient check.", SCALAR,
           "`params[i]`"),
    Symbol("sym-h", r"h", "finite-difference step",
           "The small nudge of a parameter in $(C(p + h) - C(p - h)) / 2h$.", SCALAR, "`STEP`"),
    Symbol("sym-pi", r"\pi", "pi",
           "The number 3.14159..., here only in the cosine learning-rate schedule "
           "$\\eta_t = \\eta_0\\,(1 + \\cos(\\pi t / T))/2$.", SCALAR, "`np.pi`"),
    Symbol("sym-single", r"w,\ b", "single neuron's weight and bias",
           "One neuron on its own, so no layer index: on the single-neuron pages "
           "$a = b + w\\,x$, one input, one weight, one bias; on Home "
           "$a = \\sigma(b + \\sum_k w_k x_k)$, one weight $w_k$ per input.", SCALAR,
           "`w`, `b` in `single_neuron.py`"),
]

# The symbols each page uses, in the order the page introduces them.
PAGE_SYMBOLS = {
    "index": ["sym-x", "sym-single", "sym-sigma"],
    "theory": ["sym-x", "sym-big-f", "sym-l", "sym-big-l", "sym-jk", "sym-w", "sym-big-w", "sym-b",
               "sym-z", "sym-a", "sym-f", "sym-sigma"],
    "single-neuron": ["sym-x", "sym-y", "sym-i", "sym-n", "sym-single", "sym-cost",
                      "sym-eta", "sym-change", "sym-grad", "sym-h"],
    "learning-rate": ["sym-x", "sym-i", "sym-single", "sym-cost", "sym-eta"],
    "backpropagation": ["sym-x", "sym-single", "sym-cost", "sym-delta", "sym-f", "sym-sigma",
                        "sym-l", "sym-big-l", "sym-n-l", "sym-jk", "sym-w", "sym-big-w", "sym-b",
                        "sym-z", "sym-a", "sym-transpose", "sym-y", "sym-m", "sym-i"],
    "backprop-equations": ["sym-l", "sym-big-l", "sym-jk", "sym-z", "sym-b", "sym-w", "sym-a",
                           "sym-f", "sym-delta", "sym-cost", "sym-y", "sym-sigma", "sym-odot",
                           "sym-c-class", "sym-big-w", "sym-transpose", "sym-m", "sym-i",
                           "sym-x", "sym-n", "sym-p", "sym-h"],
    "backprop-at-work": ["sym-cost", "sym-a", "sym-y", "sym-big-l", "sym-x", "sym-big-w",
                         "sym-w", "sym-b", "sym-z", "sym-sigma", "sym-delta", "sym-jk", "sym-p",
                         "sym-h", "sym-eta"],
    "practice": ["sym-sigma", "sym-relu", "sym-eta"],
    "from-scratch": ["sym-w", "sym-big-w", "sym-z", "sym-a", "sym-f", "sym-p", "sym-eta",
                     "sym-beta", "sym-v", "sym-m", "sym-n", "sym-pi"],
    "going-further": ["sym-delta", "sym-big-w", "sym-f", "sym-sigma", "sym-relu", "sym-eta"],
}
BY_KEY = {symbol.key: symbol for symbol in SYMBOLS}


def link(symbol: Symbol) -> str:
    """A link to the symbol's entry; its title shows the symbol's name on hover."""
    return f'[${symbol.tex}$](notation.md#{symbol.key} "{symbol.name}")'


def page_line(keys: list[str]) -> str:
    """'Symbols on this page' as one line: each symbol linked, followed by its name."""
    return "; ".join(f"{link(BY_KEY[key])} {BY_KEY[key].name}" for key in keys) + "."


def table_row(symbol: Symbol) -> str:
    anchor = f'<span id="{symbol.key}"></span>'
    cells = [f"{anchor}${symbol.tex}$", f"**{symbol.name}**. {symbol.meaning}",
             symbol.shape, symbol.code]
    return cells


table = markdown_table(["symbol", "meaning", "shape", "in the code"],
                       [table_row(symbol) for symbol in SYMBOLS], align="llll")
on_page = {page: page_line(keys) for page, keys in PAGE_SYMBOLS.items()}
symbol_count = len(SYMBOLS)
print(table)
