// Gradient-descent explorer for the "A single neuron" page.
//
// The page holds a <div data-nn-explorer="ID"> and a <script type="application/json" id="ID">
// with the data that snippets/site_explorer_data.py exported at build time. This file
// runs gradient descent on that data with the same formulas as snippets/single_neuron.py,
// in the same order of floating-point operations (NumPy's summation order included), so
// every w, b and C shown here equals Python's. Pages without the widget are left alone.

(() => {
  "use strict";

  const { html, inlineJson, numpySum } = window.nnWidgets;

  // ---- The maths, as in single_neuron.py ---------------------------------------------

  // residuals = neuron(w, b, X) - Y, where neuron(w, b, x) = b + w * x
  function residuals(data, w, b) {
    return data.x.map((x, i) => (b + w * x) - data.y[i]);
  }

  function cost(data, w, b) {
    return numpySum(residuals(data, w, b).map((r) => r * r));
  }

  function gradients(data, w, b) {
    const r = residuals(data, w, b);
    const dcostDw = numpySum(data.x.map((x, i) => (2 * x) * r[i]));
    const dcostDb = numpySum(r.map((value) => 2 * value));
    return [dcostDw, dcostDb];
  }

  function gradientStep(data, w, b, rate) {
    const [dcostDw, dcostDb] = gradients(data, w, b);
    return [w - rate * dcostDw, b - rate * dcostDb];
  }

  // gradient_descent: (w, b, C) before the first step and after each, stopping at the
  // first step whose cost is not a finite number.
  function gradientDescent(data, w, b, rate, steps) {
    const history = [[w, b, cost(data, w, b)]];
    for (let i = 0; i < steps; i += 1) {
      [w, b] = gradientStep(data, w, b, rate);
      history.push([w, b, cost(data, w, b)]);
      if (!Number.isFinite(history[history.length - 1][2])) break;
    }
    return history;
  }

  // single_neuron.format_number: four decimals, or powers of ten for huge numbers.
  function formatNumber(value) {
    if (!Number.isFinite(value)) return "overflow";
    if (Math.abs(value) >= 1e5) {
      const [mantissa, exponent] = value.toExponential(3).split("e");
      return `${mantissa}e${exponent[0]}${exponent.slice(1).padStart(2, "0")}`;
    }
    return value.toFixed(4);
  }

  // ---- Drawing: two small SVG plots ----------------------------------------------------

  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 400;
  const HEIGHT = 300;
  const MARGIN = { left: 46, right: 12, top: 12, bottom: 40 };
  const LIMIT = 1e4; // SVG coordinates are clamped to this, so huge values still draw
  const MAX_STEPS = 20000;

  function svg(name, attributes = {}, parent = null) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (parent) parent.appendChild(element);
    return element;
  }

  function clamp(value) {
    if (Number.isNaN(value)) return 0;
    return Math.max(-LIMIT, Math.min(LIMIT, value));
  }

  // A plot area mapping data limits to the SVG's pixels, with axes, ticks and labels.
  function makePlot(parent, xLimits, yLimits, xLabel, yLabel, idPrefix) {
    const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "nn-plot" }, parent);
    const inner = { x0: MARGIN.left, x1: WIDTH - MARGIN.right,
                    y0: HEIGHT - MARGIN.bottom, y1: MARGIN.top };
    const px = (x) => clamp(inner.x0 + (x - xLimits[0]) / (xLimits[1] - xLimits[0])
                            * (inner.x1 - inner.x0));
    const py = (y) => clamp(inner.y0 + (y - yLimits[0]) / (yLimits[1] - yLimits[0])
                            * (inner.y1 - inner.y0));
    const clipId = `${idPrefix}-clip`;
    const clip = svg("clipPath", { id: clipId }, svg("defs", {}, root));
    svg("rect", { x: inner.x0, y: inner.y1, width: inner.x1 - inner.x0,
                  height: inner.y0 - inner.y1 }, clip);
    svg("rect", { x: inner.x0, y: inner.y1, width: inner.x1 - inner.x0,
                  height: inner.y0 - inner.y1, class: "nn-plot__frame" }, root);
    const axes = svg("g", { class: "nn-plot__axes" }, root);
    for (let x = Math.ceil(xLimits[0]); x <= xLimits[1]; x += 1) {
      svg("line", { x1: px(x), x2: px(x), y1: inner.y0, y2: inner.y0 + 4 }, axes);
      svg("text", { x: px(x), y: inner.y0 + 16, "text-anchor": "middle" }, axes)
        .textContent = String(x).replace("-", "\u2212");
    }
    for (let y = Math.ceil(yLimits[0]); y <= yLimits[1]; y += 1) {
      svg("line", { x1: inner.x0 - 4, x2: inner.x0, y1: py(y), y2: py(y) }, axes);
      svg("text", { x: inner.x0 - 7, y: py(y) + 4, "text-anchor": "end" }, axes)
        .textContent = String(y).replace("-", "\u2212");
    }
    svg("text", { x: (inner.x0 + inner.x1) / 2, y: HEIGHT - 6, "text-anchor": "middle",
                  class: "nn-plot__label" }, axes).textContent = xLabel;
    svg("text", { x: 12, y: (inner.y0 + inner.y1) / 2, "text-anchor": "middle",
                  transform: `rotate(-90 12 ${(inner.y0 + inner.y1) / 2})`,
                  class: "nn-plot__label" }, axes).textContent = yLabel;
    const layer = svg("g", { "clip-path": `url(#${clipId})` }, root);
    return { root, layer, px, py };
  }

  // Contour lines of the cost by marching squares on a grid: one <path> per level.
  function drawContours(plot, data) {
    const n = 90;
    const [w0, w1] = data.map.w;
    const [b0, b1] = data.map.b;
    const grid = [];
    for (let j = 0; j <= n; j += 1) {
      const row = [];
      for (let i = 0; i <= n; i += 1) {
        row.push(cost(data, w0 + (w1 - w0) * i / n, b0 + (b1 - b0) * j / n));
      }
      grid.push(row);
    }
    const at = (i, j) => [plot.px(w0 + (w1 - w0) * i / n), plot.py(b0 + (b1 - b0) * j / n)];
    for (const level of data.levels) {
      let d = "";
      for (let j = 0; j < n; j += 1) {
        for (let i = 0; i < n; i += 1) d += cellSegments(grid, i, j, level, at);
      }
      svg("path", { d, class: "nn-plot__contour" }, plot.layer);
    }
  }

  // The pieces of one contour level inside grid cell (i, j), as SVG path commands.
  function cellSegments(grid, i, j, level, at) {
    const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
    const values = corners.map(([ci, cj]) => grid[cj][ci]);
    const crossings = [];
    for (let k = 0; k < 4; k += 1) {
      const [va, vb] = [values[k], values[(k + 1) % 4]];
      if ((va < level) !== (vb < level)) {
        const t = (level - va) / (vb - va);
        const [a, b] = [at(...corners[k]), at(...corners[(k + 1) % 4])];
        crossings.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      }
    }
    let d = "";
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const [p, q] = [crossings[k], crossings[k + 1]];
      d += `M${p[0].toFixed(1)} ${p[1].toFixed(1)}L${q[0].toFixed(1)} ${q[1].toFixed(1)}`;
    }
    return d;
  }

  // ---- The widget -----------------------------------------------------------------------

  let instances = 0;

  function slider(id, label, min, max, step, value) {
    const field = html("div", { class: "nn-field" });
    field.append(html("label", { for: id }, label));
    const input = html("input", { type: "range", id, min, max, step, value });
    const output = html("output", { for: id, "aria-hidden": "true" });
    field.append(input, output);
    return { field, input, output };
  }

  function build(container, data) {
    instances += 1;
    const prefix = `nn-explorer-${instances}`;
    const rateIndex = data.rates.indexOf(data.defaultRate);
    const controls = html("div", { class: "nn-explorer__controls" });
    const rate = slider(`${prefix}-rate`, "Learning rate \u03b7", 0, data.rates.length - 1, 1,
                        rateIndex);
    const startW = slider(`${prefix}-w`, "Starting weight w", data.map.w[0], data.map.w[1],
                          0.1, data.start.w);
    const startB = slider(`${prefix}-b`, "Starting bias b", data.map.b[0], data.map.b[1],
                          0.1, data.start.b);
    const buttons = html("div", { class: "nn-buttons" });
    const stepButton = html("button", { type: "button", class: "md-button" }, "Step");
    const playButton = html("button", { type: "button", class: "md-button" }, "Play");
    const resetButton = html("button", { type: "button", class: "md-button" }, "Reset");
    buttons.append(stepButton, playButton, resetButton);
    controls.append(rate.field, startW.field, startB.field, buttons);

    const plots = html("div", { class: "nn-explorer__plots" });
    const lineFigure = html("figure", { class: "nn-explorer__figure" });
    const mapFigure = html("figure", { class: "nn-explorer__figure" });
    plots.append(lineFigure, mapFigure);
    const linePlot = makePlot(lineFigure, [-5, 6], [-2, 8], "x", "y", `${prefix}-line`);
    const map = makePlot(mapFigure, data.map.w, data.map.b, "w", "b", `${prefix}-map`);
    linePlot.root.setAttribute("role", "img");
    map.root.setAttribute("role", "img");
    lineFigure.append(html("figcaption", {}, "The ten points and the line b + w x"));
    mapFigure.append(html("figcaption", {},
      "The cost C(w, b): grey contour lines, the best (w, b) as a star, the path so far"));

    for (let i = 0; i < data.x.length; i += 1) {
      svg("circle", { cx: linePlot.px(data.x[i]), cy: linePlot.py(data.y[i]), r: 4,
                      class: "nn-plot__point" }, linePlot.layer);
    }
    const fittedLine = svg("line", { class: "nn-plot__fit" }, linePlot.layer);
    drawContours(map, data);
    const best = data.leastSquares;
    svg("path", { d: star(map.px(best.w), map.py(best.b), 9), class: "nn-plot__best" },
        map.layer);
    const pathLine = svg("polyline", { class: "nn-plot__path" }, map.layer);
    const dots = svg("g", { class: "nn-plot__dots" }, map.layer);

    const readout = html("p", { class: "nn-explorer__readout", "aria-live": "polite" });
    const message = html("p", { class: "nn-explorer__message", role: "status" });
    container.replaceChildren(controls, plots, readout, message);
    container.classList.add("nn-explorer--ready");

    return { container, data, rate, startW, startB, stepButton, playButton, resetButton,
             linePlot, map, fittedLine, pathLine, dots, readout, message };
  }

  function star(x, y, radius) {
    let d = "";
    for (let k = 0; k < 10; k += 1) {
      const r = k % 2 ? radius * 0.45 : radius;
      const angle = -Math.PI / 2 + k * Math.PI / 5;
      d += `${k ? "L" : "M"}${(x + r * Math.cos(angle)).toFixed(1)} `
         + `${(y + r * Math.sin(angle)).toFixed(1)}`;
    }
    return `${d}Z`;
  }

  function createExplorer(container, data) {
    const ui = build(container, data);
    const state = { history: [], timer: null, status: "ready", dots: 0 };

    const currentRate = () => data.rates[Number(ui.rate.input.value)];

    function showSettings() {
      const text = String(currentRate());
      ui.rate.output.textContent = text;
      ui.rate.input.setAttribute("aria-valuetext", text);
      ui.startW.output.textContent = Number(ui.startW.input.value).toFixed(1);
      ui.startB.output.textContent = Number(ui.startB.input.value).toFixed(1);
    }

    function draw() {
      const [w, b, c] = state.history[state.history.length - 1];
      const step = state.history.length - 1;
      const { linePlot, map } = ui;
      const x0 = -5;
      const x1 = 6;
      ui.fittedLine.setAttribute("x1", linePlot.px(x0));
      ui.fittedLine.setAttribute("x2", linePlot.px(x1));
      ui.fittedLine.setAttribute("y1", linePlot.py(b + w * x0));
      ui.fittedLine.setAttribute("y2", linePlot.py(b + w * x1));
      const points = state.history.map(([pw, pb]) => `${map.px(pw).toFixed(2)},`
                                                      + `${map.py(pb).toFixed(2)}`);
      ui.pathLine.setAttribute("points", points.join(" "));
      // A dot where each of the first steps landed (later ones crowd together anyway).
      for (; state.dots < Math.min(state.history.length, 300); state.dots += 1) {
        const [dw, db] = state.history[state.dots];
        svg("circle", { cx: map.px(dw), cy: map.py(db), r: state.dots ? 2.5 : 4 }, ui.dots);
      }
      ui.readout.textContent = `Step ${step}: w = ${formatNumber(w)}, b = ${formatNumber(b)}, `
                             + `C = ${formatNumber(c)}`;
      Object.assign(ui.container.dataset, { step: String(step), w: String(w), b: String(b),
                                            cost: String(c), status: state.status });
      ui.linePlot.root.setAttribute("aria-label",
        `The ten training points and the line y = ${formatNumber(b)} + ${formatNumber(w)} x`);
      ui.map.root.setAttribute("aria-label",
        `Contour map of the cost over w and b with the path of ${step} steps, `
        + `now at w = ${formatNumber(w)}, b = ${formatNumber(b)}`);
    }

    function reset() {
      pause();
      const w = Number(ui.startW.input.value);
      const b = Number(ui.startB.input.value);
      state.history = [[w, b, cost(data, w, b)]];
      state.status = "ready";
      ui.dots.replaceChildren();
      state.dots = 0;
      ui.message.textContent = "";
      showSettings();
      draw();
    }

    // One step; returns false when no further step makes sense.
    function step() {
      if (state.status === "diverged") return false;
      if (state.history.length > MAX_STEPS) {
        finish("limit", `Stopped after ${MAX_STEPS} steps. Press Reset to start again.`);
        return false;
      }
      const [w, b] = state.history[state.history.length - 1];
      const [nextW, nextB] = gradientStep(data, w, b, currentRate());
      state.history.push([nextW, nextB, cost(data, nextW, nextB)]);
      if (!Number.isFinite(state.history[state.history.length - 1][2])) {
        finish("diverged", `At step ${state.history.length - 1} the cost no longer fits in a `
          + "64-bit floating-point number: every step overshot further than the last. "
          + "This learning rate is too large; choose a smaller one or press Reset.");
        return false;
      }
      if (nextW === w && nextB === b) {
        finish("converged", "Converged: the steps no longer change w or b at all.");
        return false;
      }
      return true;
    }

    function finish(status, text) {
      pause();
      state.status = status;
      ui.message.textContent = text;
    }

    function play() {
      if (state.status === "diverged" || state.timer) return;
      ui.playButton.textContent = "Pause";
      ui.readout.setAttribute("aria-live", "off"); // announce only where it stops
      state.timer = window.setInterval(() => {
        const steps = Math.min(50, Math.max(1, Math.floor(state.history.length / 25)));
        for (let k = 0; k < steps && state.timer; k += 1) {
          if (!step()) break;
        }
        draw();
      }, 80);
    }

    function pause() {
      if (state.timer) window.clearInterval(state.timer);
      state.timer = null;
      ui.playButton.textContent = "Play";
      ui.readout.setAttribute("aria-live", "polite");
    }

    ui.stepButton.addEventListener("click", () => {
      pause();
      step();
      draw();
    });
    ui.playButton.addEventListener("click", () => (state.timer ? pause() : play()));
    ui.resetButton.addEventListener("click", reset);
    for (const control of [ui.rate, ui.startW, ui.startB]) {
      control.input.addEventListener("input", reset);
    }
    reset();
    return { reset, pause };
  }

  function setUp() {
    for (const container of document.querySelectorAll("[data-nn-explorer]")) {
      if (container.classList.contains("nn-explorer--ready")) continue;
      const data = inlineJson(container.dataset.nnExplorer);
      if (!data) {
        container.textContent = "The explorer's data is missing from this page.";
        continue;
      }
      createExplorer(container, data);
    }
  }

  // The maths, for the browser tests and the curious: run it from the console.
  window.neuronExplorer = { numpySum, cost, gradients, gradientStep, gradientDescent,
                            formatNumber };

  window.nnWidgets.onEveryPage(setUp);
})();
