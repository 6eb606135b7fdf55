// The presenter console: the page opened with ?nn-console (presenter.js opens it with "s").
//
// It builds the same slides as the audience window (same rule, same 1280x720 stage, so the
// same numbering) and shows the current slide, the next one, the speaker notes, the time
// since the console opened and the clock. Both windows tell each other every move over a
// BroadcastChannel, so keys or clicks in either move both.

(() => {
  "use strict";

  const { html, onEveryPage } = window.nnWidgets;
  const presenter = window.presenter;
  const STARTED = "nn-console:started"; // sessionStorage: when the talk began, across pages
  let view = null; // { slides, index, now, next, notes, counter, ... }
  let channel = null;

  function button(label, text, onClick) {
    const element = html("button", { type: "button", "aria-label": label }, text);
    element.addEventListener("click", onClick);
    return element;
  }

  function panel(area, title, body) {
    const section = html("section", { class: `nn-console__panel nn-console__${area}` });
    section.append(html("h2", {}, title), body);
    return section;
  }

  function startedAt() {
    const stored = Number(sessionStorage.getItem(STARTED));
    if (stored) return stored;
    const now = Date.now();
    sessionStorage.setItem(STARTED, String(now));
    return now;
  }

  function tick() {
    const seconds = Math.max(0, Math.floor((Date.now() - startedAt()) / 1000));
    const minutes = Math.floor(seconds / 60);
    view.elapsed.textContent = `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
    view.clock.textContent = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function buildView(title) {
    const root = html("main", { class: "nn-console-view" });
    const bar = html("div", { class: "nn-console__bar" });
    const counter = html("span", { class: "nn-console__counter", "aria-live": "polite" });
    const elapsed = html("span", { class: "nn-console__time nn-console__elapsed", title: "Elapsed" });
    const clock = html("span", { class: "nn-console__time nn-console__clock", title: "Clock" });
    const restart = button("Restart timer", "Restart timer", () => {
      sessionStorage.setItem(STARTED, String(Date.now()));
      tick();
    });
    bar.append(html("h1", {}, `Presenter console: ${title}`),
      button("Previous slide", "\u2190", () => go(-1)), counter,
      button("Next slide", "\u2192", () => go(1)),
      html("span", {}, "Elapsed "), elapsed, restart, html("span", {}, "Clock "), clock);
    const now = html("div", { class: "nn-console__box", inert: "" });
    const next = html("div", { class: "nn-console__box", inert: "" });
    const notes = html("div", { class: "nn-console__text md-typeset", tabindex: "0",
      role: "region", "aria-label": "Speaker notes" });
    root.append(bar, panel("now", "Now", now), panel("next", "Next", next),
      panel("notes", "Notes", notes));
    document.body.append(root);
    return { counter, elapsed, clock, now, next, notes };
  }

  // The notes of a slide are those of its section, kept on the section's first slide.
  function notesOf(slide) {
    const first = view.slides.find((other) => other.section === slide.section);
    return first.notes.innerHTML.trim();
  }

  function place(box, slide) {
    if (!slide) {
      const link = document.querySelector("link[rel='next']");
      box.replaceChildren(html("p", { class: "nn-console__end" },
        link ? "The next page of the site" : "The end of the workshop"));
      return;
    }
    box.replaceChildren(slide.element);
    presenter.fit(slide.stage, box.getBoundingClientRect());
  }

  function render() {
    const { slides, index } = view;
    view.counter.textContent = `Slide ${index + 1} of ${slides.length}`;
    document.documentElement.dataset.nnSlide = String(index);
    place(view.now, slides[index]);
    place(view.next, slides[index + 1]);
    view.notes.innerHTML = notesOf(slides[index]) || "<p>No notes for this slide.</p>";
    view.notes.scrollTop = 0;
  }

  function consoleUrl(page, slide) {
    const url = new URL(page, location.href);
    url.search = `?${presenter.consoleFlag}&slide=${slide}`;
    return url.href;
  }

  // Show a slide here or follow to another page; `tell` the audience window when we moved.
  function goTo(where, tell = true) {
    if (tell && channel) channel.postMessage(where);
    if (where.page !== location.pathname) {
      location.href = consoleUrl(where.page, where.slide);
      return;
    }
    const last = view.slides.length - 1;
    view.index = where.slide === "end" ? last : Math.max(0, Math.min(last, Number(where.slide)));
    render();
  }

  function go(step) {
    const where = presenter.target(view.index, view.slides.length, step);
    if (where) goTo(where);
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || !view) return;
    const steps = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };
    let action = null;
    if (event.key in steps) action = () => go(steps[event.key]);
    else if (event.key === " " && !event.target.matches("button")) action = () => go(event.shiftKey ? -1 : 1);
    else if (event.key === "Home") action = () => goTo({ page: location.pathname, slide: 0 });
    else if (event.key === "End") action = () => goTo({ page: location.pathname, slide: "end" });
    // Other letters stay here: Material's own shortcuts would leave the console's page.
    if (!action && (event.key.length > 1 || event.target.matches("button"))) return;
    event.preventDefault();
    event.stopPropagation();
    if (action) action();
  }

  function setUp() {
    if (view || !presenter.isConsole()) return;
    const content = presenter.article();
    const slide = new URLSearchParams(location.search).get("slide") || "0";
    if (!content) { // a page without slides: follow the presentation past it
      if (presenter.onwards(slide)) location.replace(consoleUrl(presenter.onwards(slide), slide));
      return;
    }
    document.documentElement.classList.add("nn-console");
    const title = document.title.split(" - ")[0];
    document.title = `Presenter console: ${document.title}`;
    presenter.whenLaidOut(() => {
      view = { index: 0, ...buildView(title), slides: presenter.buildDeck(content).slides };
      goTo({ page: location.pathname, slide: slide === "end" ? "end" : Number(slide) }, false);
      tick();
      setInterval(tick, 1000);
    });
  }

  if (!presenter.isConsole()) return;
  if ("BroadcastChannel" in window) {
    channel = new BroadcastChannel(presenter.channelName);
    channel.addEventListener("message", (event) => event.data && event.data.page && view
      && goTo(event.data, false));
  }
  window.addEventListener("keydown", onKey, true);
  window.addEventListener("resize", () => view && render());
  onEveryPage(setUp);
})();
