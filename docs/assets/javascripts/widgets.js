// Small helpers shared by our page widgets (explorer.js, draw-digit.js, the presenter scripts).
// mkdocs.yml loads this file before them; a widget's own script is loaded only on the
// pages that show the widget (WIDGET_SCRIPTS), so other pages do not download it, and
// only once the widget comes near the screen, as the browser does with lazy images.

window.nnWidgets = (() => {
  "use strict";

  const HERE = document.currentScript.src;
  // A widget's element on a page -> the script that sets it up, beside this file.
  const WIDGET_SCRIPTS = { "[data-nn-explorer]": "explorer.js", "[data-nn-draw]": "draw-digit.js" };

  // A new element with attributes and, optionally, text.
  function html(tag, attributes = {}, text = "") {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text) element.textContent = text;
    return element;
  }

  // NumPy's np.sum of a 1-d array: pairwise summation with 8 accumulators in blocks of
  // up to 128, so a widget's sums equal Python's to the last bit. `round` rounds every
  // partial sum, e.g. to float32 (Math.fround) for a float32 array; none for float64.
  function numpySum(values, round = (value) => value, start = 0, count = values.length) {
    if (count < 8) {
      let total = 0;
      for (let i = start; i < start + count; i += 1) total = round(total + values[i]);
      return total;
    }
    if (count <= 128) {
      const r = Array.from(values.slice(start, start + 8));
      let i = 8;
      for (; i < count - (count % 8); i += 8) {
        for (let j = 0; j < 8; j += 1) r[j] = round(r[j] + values[start + i + j]);
      }
      let total = round(round(round(r[0] + r[1]) + round(r[2] + r[3]))
                        + round(round(r[4] + r[5]) + round(r[6] + r[7])));
      for (; i < count; i += 1) total = round(total + values[start + i]);
      return total;
    }
    let half = Math.floor(count / 2);
    half -= half % 8;
    return round(numpySum(values, round, start, half)
                 + numpySum(values, round, start + half, count - half));
  }

  // The data a page embeds for a widget in <script type="application/json" id="ID">,
  // or null when it is missing or unreadable (the widget then says so on the page).
  function inlineJson(id) {
    const source = document.getElementById(id);
    if (!source) return null;
    try {
      return JSON.parse(source.textContent);
    } catch (error) {
      return null;
    }
  }

  // Run `setUp` on every page view: with Material's document$ that includes instant
  // navigation; without it, once the document is ready. What it returns is kept (a
  // promise, for a widget that builds itself once its data has loaded) for loadAll.
  const setUps = [];
  function onEveryPage(setUp) {
    const run = () => {
      const built = Promise.resolve(setUp());
      setUps.push(built.catch(() => null)); // a failure is reported where it happens
    };
    if (typeof document$ !== "undefined") {
      document$.subscribe(run);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  // Chromium starts loading a lazy image within 1250 px of the screen; so do we.
  const NEAR = "1250px 0px";
  const loaded = new Map(); // script URL -> a promise that settles once it has run (or failed)

  // Add a script to the page, once: a promise that settles when it has run or failed. A
  // script that failed is forgotten, so a later call tries again.
  function loadScript(src) {
    if (!loaded.has(src)) {
      loaded.set(src, new Promise((settle) => {
        const script = html("script", { src });
        script.addEventListener("load", settle);
        script.addEventListener("error", () => { // the widget's note stays; nothing to wait for
          script.remove();
          loaded.delete(src);
          settle();
        });
        document.head.append(script);
      }));
    }
    return loaded.get(src);
  }

  // The widgets the page shows: [selector, script URL] for each kind.
  function widgetScripts() {
    return Object.entries(WIDGET_SCRIPTS).filter(([selector]) => document.querySelector(selector))
      .map(([selector, file]) => [selector, new URL(file, HERE).href]);
  }

  // Load the script of each widget the page shows, once, when the widget nears the screen.
  function loadWhenNear() {
    for (const [selector, src] of widgetScripts()) {
      const near = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        near.disconnect();
        loadScript(src);
      }, { rootMargin: NEAR });
      document.querySelectorAll(selector).forEach((widget) => near.observe(widget));
    }
  }

  // Every widget built, wherever it is: presenter mode measures them to lay out its slides.
  function loadAll() {
    return Promise.all(widgetScripts().map(([, src]) => loadScript(src)))
      .then(() => Promise.all(setUps));
  }

  onEveryPage(loadWhenNear);
  return { html, inlineJson, onEveryPage, numpySum, loadScript, loadAll };
})();
