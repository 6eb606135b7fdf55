// "Draw a digit" for the "From scratch" page.
//
// The page holds a <div data-nn-draw="FILE">; FILE (e.g. digit-model.js) lies in
// assets/models/ and sets window.nnDigitModel to the network that
// snippets/site_digit_model.py trained at build time. It is loaded as a <script>,
// found relative to this file, so it works under any sub-path and from file:// (where
// Chromium refuses fetch()), and only on the page that has the widget. The reader
// draws on a canvas; the drawing is prepared the way MNIST's digits were (the steps of
// snippets/prepare_digit.py), its strokes evened (snippets/even_strokes.py), straightened
// (snippets/straighten_digits.py) and the network's ten probabilities are shown as bars.
//
// One entry point does the network's work, for the drawing and for the tests alike:
//   window.drawDigit.probabilities(pixels)  784 grey values 0-255 -> 10 probabilities
// Pages without the widget are left alone.

(() => {
  "use strict";

  const { html, numpySum, loadScript } = window.nnWidgets;
  const MODELS = new URL("../models/", document.currentScript.src); // beside javascripts/

  const SIDE = 28; // MNIST: 28 x 28 pixels ...
  const BOX = 20; // ... with the digit fitted into a 20 x 20 box
  const MIN_CONTRAST = 0.15; // prepare_digit.py's limits
  const SPECK_PERCENT = 0.1;
  const FAINT = 0.25;
  const LEVELS = 64;
  const SPECKS = 0.005;
  const GRID = 16;
  const REACH = 2;
  const INK = 128; // even_strokes.py's settings
  const TARGET_WIDTH = 2.5;
  const CANVAS = 280; // the drawing surface, in canvas pixels
  const PEN = 20; // stroke width on that surface

  // ---- The network ------------------------------------------------------------------

  function base64Bytes(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // float32 little endian, as exported, widened to float64 without changing a value.
  function base64Floats(text) {
    const view = new DataView(base64Bytes(text).buffer);
    const values = new Float64Array(view.byteLength / 4);
    for (let i = 0; i < values.length; i += 1) values[i] = view.getFloat32(4 * i, true);
    return values;
  }

  // 8-bit weights times their row's float32 scale, rounded to float32 as NumPy does.
  function dequantise(numbersText, scalesText, rows, columns) {
    const numbers = new Int8Array(base64Bytes(numbersText).buffer);
    const scales = base64Floats(scalesText);
    const weights = new Float64Array(rows * columns);
    for (let i = 0; i < weights.length; i += 1) {
      weights[i] = Math.fround(numbers[i] * scales[Math.floor(i / columns)]);
    }
    return weights;
  }

  function loadModel(model) {
    const layers = model.layers.map((layer) => ({
      rows: layer.shape[0], columns: layer.shape[1],
      weights: dequantise(layer.weights, layer.scales, layer.shape[0], layer.shape[1]),
      biases: base64Floats(layer.biases),
    }));
    return { layers, activation: model.activation, scale: model.input_scale };
  }

  const hidden = {
    relu: (z) => Math.max(z, 0),
    sigmoid: (z) => 0.5 * (1 + Math.tanh(0.5 * z)),
  };

  function softmax(z) {
    const top = Math.max(...z);
    const e = z.map((value) => Math.exp(value - top));
    const total = e.reduce((sum, value) => sum + value, 0);
    return e.map((value) => value / total);
  }

  // network.forward for one sample: a' = activation(W a + b), softmax at the end.
  function probabilities(model, pixels) {
    if (!pixels || pixels.length !== model.layers[0].columns) {
      throw new RangeError(`expected ${model.layers[0].columns} pixel values`);
    }
    let a = Array.from(pixels, (value) => value / model.scale);
    model.layers.forEach((layer, index) => {
      const z = new Array(layer.rows);
      for (let j = 0; j < layer.rows; j += 1) {
        const row = j * layer.columns;
        let sum = 0;
        for (let k = 0; k < layer.columns; k += 1) sum += layer.weights[row + k] * a[k];
        z[j] = sum + layer.biases[j];
      }
      a = index === model.layers.length - 1 ? softmax(z) : z.map(hidden[model.activation]);
    });
    return a;
  }

  // ---- Preparing a drawing like MNIST (prepare_digit.py, step by step) ----------------

  const f32 = Math.fround;

  // Python's round(): halves go to the even neighbour.
  function roundHalfEven(value) {
    const floor = Math.floor(value);
    const difference = value - floor;
    if (difference !== 0.5) return Math.round(value);
    return floor % 2 === 0 ? floor : floor + 1;
  }

  // NumPy's np.percentile of sorted values (its default: between the two nearest, linearly).
  function percentile(sorted, percent) {
    const position = (percent / 100) * (sorted.length - 1);
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  }

  // Steps 1 and 2: grey values 0-1 (Pillow's "L"), then ink strength on a dark background.
  function toInk(image) {
    const { width, height, data } = image;
    const grey = new Float64Array(width * height);
    for (let i = 0; i < grey.length; i += 1) {
      const alpha = data[4 * i + 3] / 255; // transparent parts count as white paper
      const [r, g, b] = [0, 1, 2].map((c) => Math.round(data[4 * i + c] * alpha
                                                        + 255 * (1 - alpha)));
      grey[i] = ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16) / 255;
    }
    // prepare_digit.to_ink: the median is the paper; the ink lies furthest from it.
    const sorted = Float64Array.from(grey).sort();
    const [darkest, median, brightest] = [SPECK_PERCENT, 50, 100 - SPECK_PERCENT]
      .map((percent) => percentile(sorted, percent));
    const inkIsDark = median - darkest >= brightest - median;
    const paperSide = inkIsDark ? grey : grey.map((value) => 1 - value);
    const paper = paperLevel(paperSide, width, height);
    const ink = paperSide.map((value, i) => Math.max(0, paper[i] - value));
    const strongest = ink.reduce((top, value) => Math.max(top, value), 0);
    if (strongest < MIN_CONTRAST) return null; // blank
    const scaled = ink.map((value) => value / strongest);
    const cut = Math.max(FAINT, inkThreshold(scaled));
    return { width, height, values: scaled.map((value) => (value < cut ? 0 : value)) };
  }

  // prepare_digit.paper_level: the paper's brightness around each pixel. The median of
  // each block (GRID blocks along the longer side; past the picture's edge, its last row
  // or column again), then the brightest and then the darkest within REACH blocks (a
  // closing), as float32, blended between blocks by Pillow's bilinear enlargement.
  function paperLevel(paperSide, width, height) {
    const block = Math.ceil(Math.max(width, height) / GRID);
    const [rows, columns] = [Math.ceil(height / block), Math.ceil(width / block)];
    const typical = new Float64Array(rows * columns);
    const values = new Float64Array(block * block);
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < columns; c += 1) {
        for (let i = 0; i < block * block; i += 1) {
          const y = Math.min(r * block + Math.floor(i / block), height - 1);
          const x = Math.min(c * block + (i % block), width - 1);
          values[i] = paperSide[y * width + x];
        }
        values.sort(); // a typed array sorts by value
        const middle = values.length / 2;
        typical[r * columns + c] = values.length % 2 ? values[Math.floor(middle)]
          : (values[middle - 1] + values[middle]) / 2;
      }
    }
    const closed = withinReach(withinReach(typical, rows, columns, Math.max),
                               rows, columns, Math.min);
    const blocks = { width: columns, height: rows, values: Float32Array.from(closed) };
    const smooth = resamplePass(resamplePass(blocks, columns * block, true, FILTERS.bilinear),
                                rows * block, false, FILTERS.bilinear);
    const paper = new Float64Array(width * height);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) paper[y * width + x] = smooth.values[y * smooth.width + x];
    }
    return paper;
  }

  // prepare_digit.within_reach: each block's value replaced by pick (Math.max or Math.min)
  // of the blocks up to REACH away, the grid's edge blocks repeated beyond it.
  function withinReach(blocks, rows, columns, pick) {
    const clamp = (value, last) => Math.min(Math.max(value, 0), last);
    const picked = new Float64Array(rows * columns);
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < columns; c += 1) {
        let value = blocks[r * columns + c];
        for (let dr = -REACH; dr <= REACH; dr += 1) {
          for (let dc = -REACH; dc <= REACH; dc += 1) {
            value = pick(value, blocks[clamp(r + dr, rows - 1) * columns
                                       + clamp(c + dc, columns - 1)]);
          }
        }
        picked[r * columns + c] = value;
      }
    }
    return picked;
  }

  // Otsu's threshold (prepare_digit.ink_threshold): the cut between LEVELS strength levels
  // that puts the two groups' means furthest apart, weighted by the groups' sizes. Every
  // count and sum is a whole number, so the float64 arithmetic matches NumPy's exactly.
  function inkThreshold(ink) {
    const counts = new Float64Array(LEVELS);
    for (const value of ink) counts[Math.min(Math.floor(value * LEVELS), LEVELS - 1)] += 1;
    let [total, strengthTotal] = [0, 0];
    counts.forEach((count, level) => { total += count; strengthTotal += level * count; });
    let [below, strengthBelow, best, bestCut] = [0, 0, -1, 1];
    for (let cut = 1; cut < LEVELS; cut += 1) {
      below += counts[cut - 1];
      strengthBelow += (cut - 1) * counts[cut - 1];
      const above = total - below;
      const apart = strengthBelow / Math.max(below, 1)
        - (strengthTotal - strengthBelow) / Math.max(above, 1);
      const spread = below * above * (apart * apart);
      if (spread > best) [best, bestCut] = [spread, cut];
    }
    return bestCut / LEVELS;
  }

  // Step 3a: the rectangle holding the ink less stray specks (prepare_digit.crop_to_ink),
  // as float32 (Pillow's "F" image).
  function cropToInk(ink) {
    const rows = new Float64Array(ink.height);
    const columns = new Float64Array(ink.width);
    for (let y = 0; y < ink.height; y += 1) {
      for (let x = 0; x < ink.width; x += 1) {
        rows[y] += ink.values[y * ink.width + x];
        columns[x] += ink.values[y * ink.width + x];
      }
    }
    const [top, bottom] = inkSpan(rows);
    const [left, right] = inkSpan(columns);
    const width = right - left + 1;
    const height = bottom - top + 1;
    const values = new Float32Array(width * height);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        values[y * width + x] = ink.values[(top + y) * ink.width + left + x];
      }
    }
    return { width, height, values };
  }

  // prepare_digit.ink_span: the first and last line to keep, leaving out SPECKS of the
  // ink on each side (NumPy's searchsorted: the first line whose running share reaches it).
  function inkSpan(inkPerLine) {
    const total = inkPerLine.reduce((sum, value) => sum + value, 0);
    const share = [];
    let running = 0;
    for (const value of inkPerLine) { running += value; share.push(running / total); }
    return [share.findIndex((s) => s >= SPECKS), share.findIndex((s) => s >= 1 - SPECKS)];
  }

  // Pillow's resampling filters and coefficients (Resample.c, precompute_coeffs).
  const FILTERS = {
    box: { support: 0.5, weight: (x) => (x > -0.5 && x <= 0.5 ? 1 : 0) },
    bilinear: { support: 1, weight: (x) => Math.max(0, 1 - Math.abs(x)) },
  };

  function coefficients(inSize, outSize, filter) {
    const scale = inSize / outSize;
    const filterScale = Math.max(scale, 1);
    const support = filter.support * filterScale;
    const result = [];
    for (let xx = 0; xx < outSize; xx += 1) {
      const center = (xx + 0.5) * scale;
      const xmin = Math.max(0, Math.trunc(center - support + 0.5));
      const xmax = Math.min(inSize, Math.trunc(center + support + 0.5)) - xmin;
      const k = [];
      let total = 0;
      for (let x = 0; x < xmax; x += 1) {
        const w = filter.weight((x + xmin - center + 0.5) / filterScale);
        k.push(w);
        total += w;
      }
      result.push({ xmin, k: total !== 0 ? k.map((w) => w / total) : k });
    }
    return result;
  }

  // One pass of Pillow's two-pass resize on a float32 image (horizontal, then vertical).
  function resamplePass(image, outSize, horizontal, filter) {
    const inSize = horizontal ? image.width : image.height;
    const width = horizontal ? outSize : image.width;
    const height = horizontal ? image.height : outSize;
    if (outSize === inSize) return image;
    const taps = coefficients(inSize, outSize, filter);
    const values = new Float32Array(width * height);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const { xmin, k } = taps[horizontal ? x : y];
        let sum = 0;
        for (let t = 0; t < k.length; t += 1) {
          sum += (horizontal ? image.values[y * image.width + xmin + t]
                             : image.values[(xmin + t) * image.width + x]) * k[t];
        }
        values[y * width + x] = sum;
      }
    }
    return { width, height, values };
  }

  // Step 3b: scale so the longer side is 20 pixels, keeping the proportions: shrinking
  // averages blocks of pixels (Pillow's BOX), enlarging interpolates (BILINEAR).
  function fitIntoBox(ink) {
    const scale = BOX / Math.max(ink.width, ink.height);
    const width = Math.max(1, roundHalfEven(ink.width * scale));
    const height = Math.max(1, roundHalfEven(ink.height * scale));
    const filter = scale < 1 ? FILTERS.box : FILTERS.bilinear;
    const fitted = resamplePass(resamplePass(ink, width, true, filter), height, false, filter);
    const strongest = fitted.values.reduce((top, value) => Math.max(top, value), 0);
    return { width, height, values: fitted.values.map((value) => f32(value / strongest)) };
  }

  // Step 4: on a 28 x 28 black square, centre of mass in the middle; then 0-255.
  function centreByMass(ink) {
    const { width, height, values } = ink;
    const rows = Float64Array.from(values, (value, i) => Math.floor(i / width) * value);
    const columns = Float64Array.from(values, (value, i) => (i % width) * value);
    const mass = numpySum(values, f32);
    const middle = (SIDE - 1) / 2;
    const top = Math.min(Math.max(roundHalfEven(middle - numpySum(rows) / mass), 0),
                         SIDE - height);
    const left = Math.min(Math.max(roundHalfEven(middle - numpySum(columns) / mass), 0),
                          SIDE - width);
    const pixels = new Uint8ClampedArray(SIDE * SIDE);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        pixels[(top + y) * SIDE + left + x] = roundHalfEven(values[y * width + x] * 255);
      }
    }
    return pixels;
  }

  // The whole preparation: an ImageData in, 784 values 0-255 out (null if blank).
  function prepare(image) {
    const ink = toInk(image);
    return ink ? centreByMass(fitIntoBox(cropToInk(ink))) : null;
  }

  // even_strokes.stroke_widths: twice the ink's area over its outline. The counts are
  // whole numbers, so the width is the same as NumPy's to the last bit.
  function strokeWidth(pixels) {
    const ink = (row, column) => pixels[row * SIDE + column] >= INK;
    let [area, outline] = [0, 0];
    for (let row = 0; row < SIDE; row += 1) {
      for (let column = 0; column < SIDE; column += 1) {
        area += ink(row, column) ? 1 : 0;
        if (row > 0 && ink(row, column) !== ink(row - 1, column)) outline += 1;
        if (column > 0 && ink(row, column) !== ink(row, column - 1)) outline += 1;
      }
    }
    return (2 * area) / Math.max(outline, 1);
  }

  // even_strokes.toward_neighbours: each value moved `amount` of the way to the pick
  // (Math.max or Math.min) of it and its 4 neighbours; outside the square is 0.
  function towardNeighbours(values, amount, pick) {
    const at = (row, column) =>
      row < 0 || row >= SIDE || column < 0 || column >= SIDE ? 0 : values[row * SIDE + column];
    return values.map((value, i) => {
      const [row, column] = [Math.floor(i / SIDE), i % SIDE];
      const picked = pick(value, at(row, column - 1), at(row, column + 1),
                          at(row - 1, column), at(row + 1, column));
      return value + amount * (picked - value);
    });
  }

  // even_strokes.evened: thinner or thicker by up to one step, towards TARGET_WIDTH.
  function evened(pixels) {
    const steps = Math.min(Math.max((TARGET_WIDTH - strokeWidth(pixels)) / 2, -1), 1);
    let values = Float64Array.from(pixels);
    values = towardNeighbours(values, Math.max(steps, 0), Math.max);
    values = towardNeighbours(values, Math.max(-steps, 0), Math.min);
    return Uint8ClampedArray.from(values, (value) => roundHalfEven(value));
  }

  // straighten_digits.straightened: each row slid sideways by the digit's slant, from the
  // ink's moments. The sums are whole numbers, so they are exact, as in NumPy.
  function straightened(pixels) {
    let [mass, rowSum, columnSum, rowRowSum, rowColumnSum] = [0, 0, 0, 0, 0];
    pixels.forEach((ink, i) => {
      const [row, column] = [Math.floor(i / SIDE), i % SIDE];
      mass += ink;
      rowSum += ink * row;
      columnSum += ink * column;
      rowRowSum += ink * row * row;
      rowColumnSum += ink * row * column;
    });
    mass = Math.max(mass, 1); // a blank digit: no ink, no slant
    const [meanRow, meanColumn] = [rowSum / mass, columnSum / mass];
    const rowVariance = rowRowSum / mass - meanRow * meanRow;
    const covariance = rowColumnSum / mass - meanRow * meanColumn;
    const slant = covariance / Math.max(rowVariance, 1e-9);
    const at = (row, column) => (column < 0 || column >= SIDE ? 0 : pixels[row * SIDE + column]);
    const straight = new Uint8ClampedArray(SIDE * SIDE);
    for (let row = 0; row < SIDE; row += 1) {
      for (let column = 0; column < SIDE; column += 1) {
        const source = column + slant * (row - meanRow);
        const left = Math.floor(source);
        const rightShare = source - left;
        straight[row * SIDE + column] = roundHalfEven(
          (1 - rightShare) * at(row, left) + rightShare * at(row, left + 1));
      }
    }
    return straight;
  }

  // ---- The widget -------------------------------------------------------------------

  function percent(value) {
    return `${(100 * value).toFixed(1)}%`;
  }

  function build(container) {
    const pad = html("div", { class: "nn-draw__pad" });
    const canvas = html("canvas", {
      width: CANVAS, height: CANVAS, class: "nn-draw__canvas", role: "img",
      "aria-label": "Drawing area: draw one digit, 0 to 9, with a mouse, pen or finger",
    });
    const preview = html("canvas", {
      width: SIDE, height: SIDE, class: "nn-draw__preview", role: "img",
      "aria-label": "The drawing as the network sees it: 28 by 28 pixels",
    });
    const previewCaption = html("p", { class: "nn-draw__note", "aria-hidden": "true" },
                                "What the network sees (28 \u00d7 28):");
    const buttons = html("div", { class: "nn-buttons" });
    const clear = html("button", { type: "button", class: "md-button" }, "Clear");
    const example = html("button", { type: "button", class: "md-button" },
                         "Show an example digit");
    buttons.append(clear, example);
    pad.append(canvas, buttons);

    const chart = html("div", { class: "nn-draw__chart" });
    const chartId = `nn-draw-chart-${document.querySelectorAll(".nn-draw__chart").length + 1}`;
    const heading = html("p", { id: chartId, class: "nn-draw__note" },
                         "How likely the network finds each digit:");
    const bars = html("ol", { class: "nn-bars", "aria-labelledby": chartId });
    const rows = [];
    for (let digit = 0; digit < 10; digit += 1) {
      const item = html("li");
      const track = html("span", { class: "nn-bars__track", "aria-hidden": "true" });
      const bar = html("span", { class: "nn-bars__bar" });
      track.append(bar);
      const label = html("span", { class: "nn-bars__digit" });
      label.append(html("span", { class: "nn-visually-hidden" }, "digit "), String(digit),
                   html("span", { class: "nn-visually-hidden" }, ": "));
      const value = html("span", { class: "nn-bars__value" }, "\u2013");
      item.append(track, label, value);
      bars.append(item);
      rows.push({ item, bar, value });
    }
    const summary = html("p", { class: "nn-draw__summary", "aria-live": "polite" });
    chart.append(heading, bars, previewCaption, preview, summary);
    container.replaceChildren(pad, chart);
    container.classList.add("nn-draw--ready");
    return { container, canvas, preview, clear, example, rows, summary };
  }

  function createWidget(container, model, examples) {
    const ui = build(container);
    const context = ui.canvas.getContext("2d", { willReadFrequently: true });
    const previewContext = ui.preview.getContext("2d");
    let drawing = null; // the pointer that is drawing, and where it was
    let pending = false;
    let exampleIndex = 0;

    function blank() {
      context.fillStyle = "#000";
      context.fillRect(0, 0, CANVAS, CANVAS);
    }

    function showPrepared(pixels) {
      const image = previewContext.createImageData(SIDE, SIDE);
      for (let i = 0; i < SIDE * SIDE; i += 1) {
        const value = pixels ? pixels[i] : 0;
        image.data.set([value, value, value, 255], 4 * i);
      }
      previewContext.putImageData(image, 0, 0);
    }

    // Prepare the drawing, even its strokes and straighten it, run the network and
    // show its answer.
    function update(announce) {
      pending = false;
      const prepared = prepare(context.getImageData(0, 0, CANVAS, CANVAS));
      const pixels = prepared && straightened(evened(prepared));
      showPrepared(pixels);
      const chances = pixels ? probabilities(model, pixels) : null;
      const best = chances ? chances.indexOf(Math.max(...chances)) : -1;
      ui.rows.forEach((row, digit) => {
        const value = chances ? chances[digit] : 0;
        row.bar.style.height = `${(100 * value).toFixed(1)}%`;
        row.value.textContent = chances ? percent(value) : "\u2013";
        row.item.classList.toggle("nn-bars--best", digit === best);
      });
      ui.container.dataset.prediction = String(best);
      if (announce) {
        ui.summary.textContent = chances
          ? `The network's guess: ${best} (${percent(chances[best])} sure).`
          : "Draw a digit in the black box.";
      }
    }

    function schedule() {
      if (!pending) {
        pending = true;
        requestAnimationFrame(() => update(false));
      }
    }

    function position(event) {
      const rect = ui.canvas.getBoundingClientRect();
      return [(event.clientX - rect.left) * CANVAS / rect.width,
              (event.clientY - rect.top) * CANVAS / rect.height];
    }

    function strokeTo(event) {
      const [x, y] = position(event);
      context.beginPath();
      context.moveTo(drawing.x, drawing.y);
      context.lineTo(x, y);
      context.stroke();
      drawing.x = x;
      drawing.y = y;
    }

    ui.canvas.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      ui.canvas.setPointerCapture(event.pointerId);
      const [x, y] = position(event);
      drawing = { id: event.pointerId, x, y };
      context.beginPath();
      context.arc(x, y, PEN / 2, 0, 2 * Math.PI);
      context.fillStyle = "#fff";
      context.fill();
      schedule();
    });
    ui.canvas.addEventListener("pointermove", (event) => {
      if (!drawing || event.pointerId !== drawing.id) return;
      const moves = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
      for (const move of moves.length ? moves : [event]) strokeTo(move);
      schedule();
    });
    const finish = (event) => {
      if (!drawing || event.pointerId !== drawing.id) return;
      drawing = null;
      update(true);
    };
    ui.canvas.addEventListener("pointerup", finish);
    ui.canvas.addEventListener("pointercancel", finish);

    ui.clear.addEventListener("click", () => {
      blank();
      update(true);
    });
    ui.example.addEventListener("click", () => {
      if (!examples) return;
      const digit = examples.pixels.subarray(exampleIndex * SIDE * SIDE,
                                             (exampleIndex + 1) * SIDE * SIDE);
      const image = new ImageData(SIDE, SIDE);
      digit.forEach((value, i) => image.data.set([value, value, value, 255], 4 * i));
      const small = document.createElement("canvas");
      small.width = SIDE;
      small.height = SIDE;
      small.getContext("2d").putImageData(image, 0, 0);
      blank();
      context.imageSmoothingEnabled = true;
      context.drawImage(small, 0, 0, CANVAS, CANVAS);
      update(true);
      const label = examples.labels[exampleIndex];
      ui.summary.textContent = `An MNIST test image of a ${label}. ${ui.summary.textContent}`;
      exampleIndex = (exampleIndex + 1) % examples.labels.length;
    });

    context.lineWidth = PEN;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.strokeStyle = "#fff";
    blank();
    update(true);
  }

  // The model file (loaded once per page): window.nnDigitModel, or null if it did not load.
  async function exportedModel(name) {
    await loadScript(new URL(name, MODELS).href);
    return window.nnDigitModel || null;
  }

  async function setUp() {
    for (const container of document.querySelectorAll("[data-nn-draw]")) {
      if (container.classList.contains("nn-draw--ready")) continue;
      const exported = await exportedModel(container.dataset.nnDraw);
      if (container.classList.contains("nn-draw--ready")) continue; // set up meanwhile
      if (!exported) {
        container.textContent = "The network's weights could not be loaded.";
        continue;
      }
      const model = loadModel(exported);
      const examples = exported.examples
        ? { labels: exported.examples.labels, pixels: base64Bytes(exported.examples.pixels) }
        : null;
      createWidget(container, model, examples);
      // The entry point: 784 values 0-255 in, ten probabilities out.
      window.drawDigit = {
        probabilities: (pixels) => probabilities(model, pixels),
        prepare,
        evened,
        straightened,
        canvasPixels: () => {
          const canvas = container.querySelector(".nn-draw__canvas");
          return prepare(canvas.getContext("2d").getImageData(0, 0, CANVAS, CANVAS));
        },
      };
    }
  }

  window.nnWidgets.onEveryPage(setUp);
})();
