"""The ten points the single neuron learns from, printed as a Markdown table.

What to look for: as x grows, y falls, roughly along a straight line. That is
why a neuron computing b + w x, a straight line, can fit them well.
"""

# %% The data lives in single_neuron.py; this script only lays it out.
from single_neuron import X, Y, markdown_table

number_of_points = len(X)
data_table = markdown_table(
    ["$i$", "$x_i$", "$y_i$"],
    [[str(i), f"{x:.1f}", f"{y:.1f}"] for i, (x, y) in enumerate(zip(X, Y, strict=True))],
)
print(data_table)
