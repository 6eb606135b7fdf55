// Small helpers shared by our page widgets (explorer.js, draw-digit.js, presenter.js).
// mkdocs.yml loads this file before them.

window.nnWidgets = (() => {
  "use strict";

  // A new element with attributes and, optionally, text.
  function html(tag, attributes = {}, text = "") {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text) element.textContent = text;
    return element;
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
  // navigation; without it, once the document is ready.
  function onEveryPage(setUp) {
    if (typeof document$ !== "undefined") {
      document$.subscribe(setUp);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setUp);
    } else {
      setUp();
    }
  }

  return { html, inlineJson, onEveryPage };
})();
