// Material requests the search index (the text of every page, about 230 kB) as
// each page loads, though most visits never search. Loaded before Material's
// own script, this holds that one request until the reader first reaches for
// search: points at it, or focuses its field (a click, a tap, or the F, S or /
// key, which move the focus there). Meanwhile search shows "Initializing
// search". Every other request goes through unchanged. (The offline copy reads
// its index from a script instead, which this leaves alone.)
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
    reached.then(() => send.apply(this, body));
    return undefined;
  };
})();
