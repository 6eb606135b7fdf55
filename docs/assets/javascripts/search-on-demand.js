// Material requests the search index (the text of every page: 230 kB, 75 kB
// compressed) as each page loads, though most visits never search. Loaded just
// before Material's own script, this holds that one request until the reader
// first reaches for search: points at it, or focuses its field (a click, a tap,
// or the F, S or / key, which move the focus there). Meanwhile search shows
// "Initializing search". A page opened from a search result (?h=, whose terms
// Material highlights with the index) or with a query (?q=) asks at once.
// Every other request goes through unchanged. (The offline copy reads its
// index from a script instead, which this leaves alone.)
//
// Material also starts its search worker (40 kB of script) as the page loads,
// though the worker has nothing to do before the index arrives. Here the
// worker starts with Material's first message to it, which carries the index.
(() => {
  const INDEX = "/search/search_index.json";
  const SEARCH = ".md-search, label[for='__search']";
  const { open, send } = XMLHttpRequest.prototype;
  const held = new WeakSet();
  let release;
  const reached = new Promise((resolve) => { release = resolve; });
  const onSearch = (event) => {
    if (event.target instanceof Element && event.target.closest(SEARCH)) release();
  };
  const query = new URLSearchParams(location.search);
  if (query.has("h") || query.has("q")) release();
  document.addEventListener("focusin", onSearch);
  document.addEventListener("pointerover", onSearch, { passive: true });

  // Material 9 requests the index with XMLHttpRequest (tests/browser/test_pages.py checks).
  XMLHttpRequest.prototype.open = function openRequest(method, url, ...rest) {
    if (new URL(url, location.href).pathname.endsWith(INDEX)) held.add(this);
    else held.delete(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function sendRequest(...body) {
    if (!held.has(this)) return send.apply(this, body);
    reached.then(() => {
      if (this.readyState === XMLHttpRequest.OPENED) send.apply(this, body); // not aborted
    });
    return undefined;
  };

  // Material 9 makes the worker with `new Worker(url)`, listens for "message"
  // events and calls postMessage (tests/browser/test_pages.py checks).
  const StartedWorker = window.Worker;
  class WorkerOnFirstMessage extends EventTarget {
    #started = null;
    #options;

    constructor(...options) {
      super();
      this.#options = options;
    }

    postMessage(...message) {
      if (this.#started === null) {
        this.#started = new StartedWorker(...this.#options);
        this.#started.addEventListener("message", ({ data }) => {
          this.dispatchEvent(new MessageEvent("message", { data }));
        });
        this.#started.addEventListener("error", (error) => {
          this.dispatchEvent(new ErrorEvent("error", error));
        });
      }
      this.#started.postMessage(...message);
    }

    terminate() {
      this.#started?.terminate();
    }
  }
  window.Worker = function Worker(url, ...rest) {
    return new URL(url, location.href).pathname.includes("/workers/search.")
      ? new WorkerOnFirstMessage(url, ...rest)
      : new StartedWorker(url, ...rest);
  };
})();
