"""The cost after each step of gradient descent, for three learning rates.

Both cost axes are logarithmic: each gridline up is ten times the cost, so a
cost multiplied by the same factor at every step draws a straight line.
Left: all three rates; 0.1 climbs along a straight line, by the same factor at
every step, until the numbers overflow. Right: a close-up of the two rates that
work; 0.01 reaches the least-squares minimum within a few dozen steps, while
0.001 falls far more slowly and is still a little above it after 200 steps.
"""

# %% Run gradient descent with each learning rate
import matplotlib.pyplot as plt

from single_neuron import LEARNING_RATES, START_B, START_W, cost, gradient_descent, least_squares

steps = 200
histories = {rate: gradient_descent(START_W, START_B, rate, steps) for rate in LEARNING_RATES}
# The run with rate 0.1 ends at the step whose cost overflowed; that cost cannot be drawn.
costs = {rate: [c for _, _, c in history if c < float("inf")]
         for rate, history in histories.items()}
lowest_cost = cost(*least_squares())
overflow_step = len(histories[0.1]) - 1

# %% Plot cost against step: everything on the left, a close-up on the right
styles = {0.001: ("#0072B2", "-"), 0.01: ("#009E73", "-"), 0.1: ("#D55E00", "--")}
fig, (ax_all, ax_zoom) = plt.subplots(1, 2, figsize=(9.6, 4.4))
ax_all.set(yscale="log", ylim=(0.1, 1e308))
ax_all.set_yticks([10.0**k for k in range(0, 301, 50)])
ax_all.set_yticks([], minor=True)
ax_zoom.set(yscale="log", ylim=(0.5, 300))
for ax, rates in ((ax_all, LEARNING_RATES), (ax_zoom, LEARNING_RATES[:2])):
    for rate in rates:
        colour, linestyle = styles[rate]
        ax.plot(costs[rate], color=colour, linestyle=linestyle, linewidth=2,
                label=f"learning rate $\\eta = {rate}$")
    ax.axhline(lowest_cost, color="grey", linestyle=":",
               label=f"least-squares cost {lowest_cost:.4f}")
    ax.set_xlabel("step")
    ax.grid(alpha=0.3)
ax_all.set_ylabel("cost $C$ (log scale)")
ax_all.set_title("All three learning rates")
ax_all.annotate(f"overflow at\nstep {overflow_step}", xy=(overflow_step - 1, costs[0.1][-1]),
                xytext=(135, 1e200), color="#D55E00",
                arrowprops={"arrowstyle": "->", "color": "#D55E00"})
ax_all.legend(loc="lower right", bbox_to_anchor=(1, 0.06))
ax_zoom.set_title("Close-up of the two that converge")
ax_zoom.legend(loc="upper right")
fig.tight_layout()
plt.show()
