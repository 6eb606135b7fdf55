// Presenter mode's start, on every page: its button in the header and its key (T), and the
// three ways a page starts presenting without them: a slide carried over from the last page,
// the presenter console's own window, and the console moving to a slide of this page.
// Presenter mode itself, presenter.js with presenter.css (29 kB), loads only then, so a
// reader who never presents downloads neither.

window.nnPresenterStart = (() => {
  "use strict";

  const { html, onEveryPage, loadScript } = window.nnWidgets;
  const HERE = document.currentScript.src; // presenter.js lies beside this file
  const CARRY = "nn-presenter:continue"; // sessionStorage: the slide to show on the next page
  const CHANNEL = "nn-presenter"; // BroadcastChannel shared with the console window
  const CONSOLE_FLAG = "nn-console"; // query parameter that opens a page as the console
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null;
  let sheet = null; // presenter.css's <link>, once it has loaded
  let loading = null; // a promise of window.presenter while it loads, and after

  const isField = (element) => element instanceof Element
    && (element.isContentEditable || element.matches("input, textarea, select"));
  const isConsole = () => new URLSearchParams(location.search).has(CONSOLE_FLAG);
  const presenting = () => document.documentElement.classList.contains("nn-presenting");

  // The page's article; none on a notebook page, which is the practice page's code and is
  // presented from that page.
  function article() {
    const content = document.querySelector("article.md-content__inner");
    return content && !content.querySelector(".jupyter-wrapper") ? content : null;
  }

  // presenter.css, then presenter.js (slides are measured, so styles come first): a promise
  // of window.presenter. A file that fails to load rejects it, and the next call tries again.
  function load() {
    if (sheet && !sheet.isConnected) document.head.append(sheet); // a new page's <head>
    if (!loading) {
      loading = (sheet ? Promise.resolve() : styleSheet())
        .then(() => loadScript(new URL("presenter.js", HERE).href))
        .then(() => window.presenter || Promise.reject(new Error("presenter.js did not load")));
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  function styleSheet() {
    const href = new URL("../presenter.css", HERE).href;
    return new Promise((resolve, reject) => {
      const link = html("link", { rel: "stylesheet", href });
      link.addEventListener("load", () => {
        sheet = link;
        resolve();
      });
      link.addEventListener("error", () => {
        link.remove();
        reject(new Error(`${href} did not load`));
      });
      document.head.append(link);
    });
  }

  // Run `then` with presenter mode once it has loaded; a failure is told in the console.
  function withPresenter(then) {
    load().then(then).catch((error) => console.error(`Presenter mode: ${error.message}`));
  }

  function toggle() {
    withPresenter((presenter) => (presenter.state() ? presenter.stop() : presenter.start()));
  }

  function addToggle() {
    const header = document.querySelector(".md-header__inner");
    if (!article() || !header || header.querySelector(".nn-presenter-toggle")) return;
    const element = html("button", {
      type: "button", class: "md-header__button md-icon nn-presenter-toggle",
      title: "Present this page as slides (t)", "aria-label": "Present this page as slides",
      "aria-keyshortcuts": "t", "aria-pressed": "false",
    });
    // A screen on a stand: our own drawing.
    element.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
      + '<path d="M3 3h18v2h-1v10H4V5H3V3zm3 2v8h12V5H6zm5 11h2v2.3l3.7 2.2-1 1.7-3.7-2.2'
      + '-3.7 2.2-1-1.7 3.7-2.2V16z"/></svg>';
    element.addEventListener("click", toggle);
    const after = header.querySelector(".md-header__option, label[for='__search'], .md-search");
    header.insertBefore(element, after || null);
  }

  // T starts presenting; while presenting, presenter.js has the keys.
  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (presenting() || isConsole() || isField(event.target)) return;
    if (document.querySelector("#__search:checked")) return;
    if (event.key !== "t" && event.key !== "T") return;
    event.preventDefault();
    withPresenter((presenter) => presenter.start());
  }

  function carriesASlide() {
    try {
      return sessionStorage.getItem(CARRY) !== null;
    } catch (error) {
      return false; // no storage (a locked-down browser): nothing was carried
    }
  }

  function setUp() {
    if (!isConsole()) addToggle();
    // presenter.js makes the console's window the console, and shows a carried slide
    if (isConsole() || carriesASlide()) withPresenter(() => null);
  }

  // The console (or another window) moved: follow it.
  function onMessage(event) {
    if (isConsole() || !event.data || !event.data.page) return;
    withPresenter((presenter) => presenter.follow(event.data));
  }

  if (channel) channel.addEventListener("message", onMessage);
  // Capture phase: we see the key before Material's own shortcuts do.
  window.addEventListener("keydown", onKey, true);
  onEveryPage(setUp);

  return { CARRY, CONSOLE_FLAG, CHANNEL, channel, article, isConsole, isField };
})();
