"""The ten points the single neuron learns from, printed as a Markdown table.

What to look for: as x grows, y falls, roughly along a straight line. That is
why a neuron computing b + w x, a straight line, can fit them well.
"""

# %% The data lives in single_neuron.py; this script only lays it out.
from single_neuron import X, Y
from tables import markdown_table

number_of_points = len(X)
# Laid out sideways, one column per point, so the ten points read at a glance.
data_table = markdown_table(
    ["$i$"] + [str(i) for i in range(1, len(X) + 1)],
    [["$x_i$"] + [f"{x:.1f}" for x in X], ["$y_i$"] + [f"{y:.1f}" for y in Y]])
print(data_table)
