// Presenter mode: the page you are on as slides that fit the screen, with speaker notes.
//
// The rule (docs/presenting.md): the title and every h2 or h3 starts a section. A section's
// slide shows its heading and its figures, display formulas, tables and widgets, plus its key
// points: elements marked `.slide` in the Markdown, or, when nothing is marked, the section's
// first paragraph. Everything else (prose, code, fold-outs) is the slide's speaker notes.
// Slides are laid out on a fixed 1280x720 stage and scaled as a whole to the window, as
// reveal.js does, so a slide splits in the same places on every screen; one that is too
// tall becomes several. The page's own elements are moved onto the slides (widgets stay
// live) and moved back when presenting stops. presenter-console.js shows the speaker view.
// presenter-start.js, on every page, loads this file when presenting starts.

(() => {
  "use strict";

  const { html, onEveryPage, loadAll } = window.nnWidgets;
  const { CARRY, CHANNEL, CONSOLE_FLAG, channel, article, isConsole, isField } =
    window.nnPresenterStart;
  const HERE = document.currentScript.src; // presenter-console.js lies beside this file
  const STAGE = { width: 1280, height: 720 };
  const FIGURE = "p:has(> img:only-child), figure";
  const FORMULA = "div.arithmatex";
  const TABLE = "table, .md-typeset__scrollwrap";
  const WIDGET = "[data-nn-explorer], [data-nn-draw]";
  const ON_SLIDE = [FIGURE, FORMULA, TABLE, WIDGET].join(", ");
  const ROW_ELSEWHERE = "nn-row-elsewhere"; // a table row shown on a later slide
  const SKIPPED = ".md-content__button, .md-source-file, script, style";
  // The shortcuts, shown by the help overlay ("?") and listed on the presenting page.
  const KEYS = [
    ["\u2192, Page Down, Space", "next slide; past the last one, the next page"],
    ["\u2190, Page Up, Shift+Space", "previous slide; before the first, the previous page"],
    ["Home, End", "first or last slide of the page"],
    ["O", "overview of every slide of the page"],
    ["S", "open the presenter console in a second window"],
    ["P", "print the slides as a handout, one slide and its notes per page"],
    ["?", "this list of shortcuts"],
    ["Esc or T", "back to the normal page, at the section you were showing"],
  ];
  let show = null; // while presenting: { article, deck, slides, index, ... }
  let starting = null; // while presenting starts: the slide last asked for, { at, tell }

  const isActivatable = (element) => element instanceof Element
    && element.matches("button, a[href], summary, [role='button']");
  const headingText = (heading) => heading.textContent.replace("\u00b6", "").trim();
  // A key point: an element marked `.slide`, or a list marked by `{ .slide }` written after
  // it, which attr_list puts on the list's last item (or on that item's paragraph).
  const isKeyPoint = (element) => element.matches(".slide")
    || Boolean(element.querySelector(":scope > .slide, :scope > li:last-child > p.slide"));

  // ---- The rule: sections, and what of each goes on the slide -----------------------------

  function sectionsOf(content) {
    const sections = [];
    let chapter = null; // the h2 above an h3, shown over its slides
    for (const child of content.children) {
      if (child.matches(SKIPPED)) continue;
      if (/^H[123]$/.test(child.tagName) || !sections.length) {
        if (child.tagName !== "H3") chapter = child.tagName === "H2" ? headingText(child) : null;
        const kicker = child.tagName === "H3" ? chapter : null;
        sections.push({ heading: child, kicker, onSlide: [], notes: [] });
        if (/^H[123]$/.test(child.tagName)) continue;
      }
      const section = sections[sections.length - 1];
      (isKeyPoint(child) || child.matches(ON_SLIDE) ? section.onSlide : section.notes).push(child);
    }
    for (const section of sections) {
      const keyPoints = section.onSlide.some(isKeyPoint);
      const lead = section.notes.find((element) => element.tagName === "P");
      if (!keyPoints && lead) {
        section.notes.splice(section.notes.indexOf(lead), 1);
        section.onSlide.unshift(lead);
      }
    }
    return sections;
  }

  // ---- Building the deck ------------------------------------------------------------------

  // A copy without ids and out of the tab order: for notes, thumbnails and repeated headings.
  function inertCopy(element) {
    const copy = element.cloneNode(true);
    for (const node of [copy, ...copy.querySelectorAll("[id]")]) node.removeAttribute("id");
    copy.querySelectorAll(".headerlink, .md-clipboard").forEach((link) => link.remove());
    return copy;
  }

  function newSlide(deck, section, part) {
    const slide = html("section", { class: "nn-slide", "aria-roledescription": "slide" });
    const stage = html("div", { class: "nn-slide__stage md-typeset" });
    if (section.kicker) stage.append(html("p", { class: "nn-slide__kicker" }, section.kicker));
    const heading = inertCopy(section.heading);
    if (section.heading.tagName === "P") heading.textContent = document.title.split(" - ")[0];
    heading.classList.add("nn-slide__title");
    if (part > 1) heading.append(html("span", { class: "nn-slide__part" }, ` (${part})`));
    stage.append(heading);
    const notes = html("div", { class: "nn-slide__notes md-typeset" });
    slide.append(stage, notes);
    deck.append(slide);
    return { element: slide, stage, notes, title: headingText(heading), section };
  }

  // A stage overflows when its content is too tall or wide, or a formula or table inside it
  // has to scroll sideways.
  const tooWide = (element) => element.scrollWidth > element.clientWidth + 1;
  const overflows = (stage) => stage.scrollHeight > stage.clientHeight + 1 || tooWide(stage)
    || [...stage.querySelectorAll("div.arithmatex, .md-typeset__scrollwrap")].some(tooWide);

  // The rows of a table that is too tall go on as many slides as they need: hidden here
  // (restore() shows them again), shown in a copy of the table on the next slide.
  function splitTable(slide, table, next) {
    const rows = [...table.querySelectorAll("tbody > tr")];
    const shown = rows.filter((row) => !row.classList.contains(ROW_ELSEWHERE));
    let moved = 0;
    while (overflows(slide.stage) && shown.length - moved > 1) {
      shown[shown.length - 1 - moved].classList.add(ROW_ELSEWHERE);
      moved += 1;
    }
    if (!moved) return null;
    const copy = inertCopy(table);
    const kept = new Set(shown.slice(-moved).map((row) => rows.indexOf(row)));
    copy.querySelectorAll("tbody > tr").forEach((row, number) => {
      if (kept.has(number)) row.classList.remove(ROW_ELSEWHERE);
      else row.remove();
    });
    next().stage.append(copy);
    return copy;
  }

  // Put each element of the section on the current slide; start a new one when it overflows.
  function layOut(deck, section, placeholders) {
    const slides = [newSlide(deck, section, 1)];
    const next = () => {
      slides.push(newSlide(deck, section, slides.length + 1));
      return slides[slides.length - 1];
    };
    for (const element of section.onSlide) {
      placeholders.push([element, element.parentNode, element.nextSibling]);
      let slide = slides[slides.length - 1];
      slide.stage.append(element);
      if (!overflows(slide.stage)) continue;
      if (slide.stage.children.length > 2 + Boolean(section.kicker)) {
        slide = next();
        slide.stage.append(element);
      }
      if (!overflows(slide.stage)) continue;
      slide.stage.classList.add("nn-slide__stage--dense");
      const table = element.querySelector("table") || (element.tagName === "TABLE" && element);
      let part = table;
      while (part && overflows(slides[slides.length - 1].stage)) {
        part = splitTable(slides[slides.length - 1], part, next);
      }
    }
    slides[0].notes.append(...section.notes.map(inertCopy));
    return slides;
  }

  // The page's slides in a new deck element; `restore()` puts every element back.
  function buildDeck(content) {
    const deck = html("div", { class: "nn-deck", role: "region", "aria-label": "Slides" });
    document.body.append(deck);
    const placeholders = [];
    const slides = sectionsOf(content).flatMap((section) => layOut(deck, section, placeholders));
    slides.forEach((slide, number) => {
      slide.element.setAttribute("aria-label", `Slide ${number + 1} of ${slides.length}: ${slide.title}`);
    });
    const restore = () => {
      for (const [element, parent, before] of placeholders.reverse()) parent.insertBefore(element, before);
      for (const row of content.querySelectorAll(`.${ROW_ELSEWHERE}`)) {
        row.classList.remove(ROW_ELSEWHERE);
        if (!row.classList.length) row.removeAttribute("class");
      }
      deck.remove();
    };
    return { deck, slides, restore };
  }

  // The stage scaled to fill `box` (a DOMRect or the window), centred, never cropped.
  function fit(stage, box) {
    const scale = Math.min(box.width / STAGE.width, box.height / STAGE.height);
    stage.style.setProperty("--nn-scale", String(scale));
    return scale;
  }

  // ---- The audience view --------------------------------------------------------------------

  function button(label, text, onClick) {
    const element = html("button", { type: "button", "aria-label": label }, text);
    element.addEventListener("click", onClick);
    return element;
  }

  function buildBar() {
    const bar = html("nav", { class: "nn-presenter-bar", "aria-label": "Slide controls" });
    const counter = html("span", { class: "nn-presenter-bar__counter", "aria-live": "polite" });
    const previous = button("Previous slide", "\u2190", () => go(-1));
    const next = button("Next slide", "\u2192", () => go(1));
    const help = button("Keyboard shortcuts (?)", "?", () => toggleHelp());
    const leave = button("Leave the presentation (Escape)", "\u2715", () => stop());
    bar.append(previous, counter, next, help, leave);
    document.body.append(bar);
    return { bar, counter, next };
  }

  function nextPage(rel) {
    return document.querySelector(`link[rel='${rel}']`);
  }

  function render() {
    const { slides, index } = show;
    slides.forEach((slide, number) => slide.element.classList.toggle("nn-slide--current", number === index));
    show.counter.textContent = `${index + 1} / ${slides.length}`;
    show.counter.setAttribute("aria-label", `Slide ${index + 1} of ${slides.length}`);
    const last = index === slides.length - 1;
    show.next.setAttribute("aria-label", last && nextPage("next") ? "Next page" : "Next slide");
    fit(slides[index].stage, { width: innerWidth, height: innerHeight });
    document.documentElement.dataset.nnSlide = String(index);
  }

  // The slide of a page: a number, or "end" for its last.
  function showSlide(index) {
    const last = show.slides.length - 1;
    show.index = index === "end" ? last : Math.max(0, Math.min(last, index));
    render();
  }

  // Open `url` presenting at `slide` (a number or "end"); `passing` a page leaves it out of
  // the history, so Back skips it too.
  function openPresenting(url, slide, passing = false) {
    try {
      sessionStorage.setItem(CARRY, String(slide));
    } catch (error) {
      // No storage (a locked-down browser): the next page simply opens unpresented.
    }
    if (passing) window.location.replace(url);
    else window.location.href = url;
  }

  // A page without slides (a notebook's) passes a presentation on the way it was going:
  // to the next page, or to the previous one when it arrived for its last slide ("end").
  function onwards(slide) {
    const link = nextPage(String(slide) === "end" ? "prev" : "next");
    return link ? new URL(link.href).pathname : null;
  }

  // Where `step` slides from `index` lands: a slide here, or the start or end of another page.
  function target(index, count, step) {
    const to = index + step;
    if (to >= 0 && to < count) return { page: location.pathname, slide: to };
    const link = nextPage(step > 0 ? "next" : "prev");
    if (!link) return null;
    return { page: new URL(link.href).pathname, slide: step > 0 ? 0 : "end" };
  }

  function post(message) {
    if (channel) channel.postMessage(message);
  }

  function go(step) {
    const where = target(show.index, show.slides.length, step);
    if (where) goTo(where);
  }

  // Show a slide here or on another page, and tell the console.
  function goTo(where, tell = true) {
    if (tell) post(where);
    if (where.page !== location.pathname) openPresenting(where.page, where.slide);
    else if (show) showSlide(where.slide);
    else start(where.slide, tell);
  }

  // Figures load lazily on the page, but slides are measured to split them: load them all
  // first (an image that has not arrived yet has no size of its own). Asked again meanwhile
  // (the console moved on), it starts once, at the slide asked for last. `tell`: tell the
  // other windows where it starts (not when it follows one of them).
  function start(at = null, tell = true) {
    const content = article();
    if (show || !content || isConsole()) return;
    const waiting = starting !== null;
    starting = { at, tell };
    if (waiting) return;
    const images = [...content.querySelectorAll("img")];
    const lazy = images.filter((img) => img.loading === "lazy"); // lazy again on stop()
    images.forEach((img) => { img.loading = "eager"; });
    Promise.all([...images.map((img) => img.decode().catch(() => null)), loadAll()])
      .then(() => begin(content, lazy));
  }

  function begin(content, lazy) {
    const { at, tell } = starting;
    starting = null;
    const sections = sectionsOf(content);
    const visible = sections.findLastIndex((s) => s.heading.getBoundingClientRect().top < innerHeight / 3);
    const firstOf = sections[Math.max(0, visible)].heading;
    document.documentElement.classList.add("nn-presenting");
    show = { article: content, index: 0, lazy, ...buildDeck(content), ...buildBar() };
    const from = show.slides.findIndex((slide) => slide.section.heading === firstOf);
    showSlide(at === null ? Math.max(0, from) : at);
    show.deck.tabIndex = -1;
    show.deck.focus({ preventScroll: true });
    updateToggle();
    if (tell) post({ page: location.pathname, slide: show.index });
  }

  function stop() {
    if (!show) return;
    const { slides, index, bar, restore, lazy } = show;
    show = null;
    closeOverlays();
    bar.remove();
    restore();
    lazy.forEach((img) => { img.loading = "lazy"; });
    document.documentElement.classList.remove("nn-presenting");
    delete document.documentElement.dataset.nnSlide;
    slides[index].section.heading.scrollIntoView({ block: "start" });
    updateToggle();
    const toggle = document.querySelector(".nn-presenter-toggle");
    if (toggle) toggle.focus({ preventScroll: true });
  }

  // ---- Overview, help, console, handout -------------------------------------------------

  function closeOverlays() {
    document.querySelectorAll("dialog.nn-overlay").forEach((dialog) => dialog.remove());
  }

  function overlay(label, build) {
    const dialog = html("dialog", { class: "nn-overlay", "aria-label": label });
    const close = button("Close", "\u2715", () => dialog.close());
    close.classList.add("nn-overlay__close");
    dialog.append(close, html("h2", {}, label));
    build(dialog);
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (show) show.deck.focus({ preventScroll: true });
    });
    document.body.append(dialog);
    dialog.showModal();
    return dialog;
  }

  function toggleOverview() {
    if (document.querySelector(".nn-overlay")) return closeOverlays();
    overlay("Overview", (dialog) => {
      const grid = html("ol", { class: "nn-overview" });
      show.slides.forEach((slide, number) => {
        const item = html("li");
        const pick = html("button", { type: "button" });
        pick.addEventListener("click", () => {
          dialog.close();
          goTo({ page: location.pathname, slide: number });
        });
        const frame = html("span", { class: "nn-overview__thumbnail", "aria-hidden": "true" });
        const thumbnail = inertCopy(slide.stage);
        thumbnail.setAttribute("inert", "");
        thumbnail.style.setProperty("--nn-scale", "0.18");
        frame.append(thumbnail);
        pick.append(frame, html("span", {}, `${number + 1}. ${slide.title}`));
        if (number === show.index) pick.setAttribute("aria-current", "step");
        item.append(pick);
        grid.append(item);
      });
      dialog.append(grid);
      requestAnimationFrame(() => grid.children[show.index].firstChild.focus());
    });
    return undefined;
  }

  function toggleHelp() {
    if (document.querySelector(".nn-overlay")) return closeOverlays();
    overlay("Keyboard shortcuts", (dialog) => {
      const list = html("dl", { class: "nn-help" });
      for (const [keys, what] of KEYS) list.append(html("dt", {}, keys), html("dd", {}, what));
      dialog.append(list);
    });
    return undefined;
  }

  function openConsole() {
    const url = new URL(location.href);
    url.hash = "";
    url.searchParams.set(CONSOLE_FLAG, "");
    url.searchParams.set("slide", String(show.index));
    window.open(url.href, "nn-presenter-console", "popup,width=1200,height=800");
  }

  // ---- Keys, toggle, page set-up ----------------------------------------------------------

  function updateToggle() {
    const element = document.querySelector(".nn-presenter-toggle");
    if (element) element.setAttribute("aria-pressed", show ? "true" : "false");
  }

  // The action for a key while presenting, or null to leave the key to the page.
  function actionFor(event) {
    const field = isField(event.target);
    switch (event.key) {
      case "Escape": return stop;
      case "ArrowRight": case "PageDown": return () => go(1);
      case "ArrowLeft": case "PageUp": return () => go(-1);
      case " ": return isActivatable(event.target) ? null : () => go(event.shiftKey ? -1 : 1);
      case "Home": return () => goTo({ page: location.pathname, slide: 0 });
      case "End": return () => goTo({ page: location.pathname, slide: "end" });
      case "t": case "T": return field ? null : stop;
      case "o": case "O": return field ? null : toggleOverview;
      case "s": case "S": return field ? null : openConsole;
      case "p": case "P": return field ? null : () => window.print();
      case "?": return field ? null : toggleHelp;
      default: return null;
    }
  }

  // The keys while presenting. presenter-start.js starts it with T, and takes that key
  // (preventDefault) before this sees it: presenting may have begun by then.
  function onKey(event) {
    if (event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || isConsole()) return;
    if (!show) return;
    // An open overview or help keeps its own keys (Tab, Enter, Escape closes it).
    const open = document.querySelector("dialog.nn-overlay[open]");
    if (open && !["o", "O", "?"].includes(event.key)) return;
    const action = actionFor(event);
    // Sliders and text fields keep their own keys; only Escape leaves from inside them.
    if (!action || (isField(event.target) && event.key !== "Escape")) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  // After instant navigation the article we were presenting is gone: tidy up.
  function forgetStaleShow() {
    if (!show || document.body.contains(show.article)) return;
    show.bar.remove();
    show.deck.remove();
    document.documentElement.classList.remove("nn-presenting");
    delete document.documentElement.dataset.nnSlide;
    show = null;
  }

  function setUp() {
    forgetStaleShow();
    if (isConsole()) return;
    let carried = null;
    try {
      carried = sessionStorage.getItem(CARRY);
      sessionStorage.removeItem(CARRY);
    } catch (error) {
      carried = null;
    }
    if (carried === null) return;
    if (article()) whenLaidOut(() => start(carried === "end" ? "end" : Number(carried)));
    else if (onwards(carried)) openPresenting(onwards(carried), carried, true);
  }

  // Slides are measured to split them: wait for images, fonts and widgets to have their sizes.
  function whenLaidOut(then) {
    const fonts = () => Promise.all([document.fonts.ready, loadAll()]).then(then);
    if (document.readyState === "complete") fonts();
    else window.addEventListener("load", fonts, { once: true });
  }

  // A link to a section of the same page shows that section's first slide.
  function onHashChange() {
    const id = decodeURIComponent(location.hash.slice(1));
    const index = show ? show.slides.findIndex((slide) => slide.section.heading.id === id) : -1;
    if (index >= 0) goTo({ page: location.pathname, slide: index });
  }

  // Capture phase: we see the keys before Material's own shortcuts do.
  window.addEventListener("keydown", onKey, true);
  window.addEventListener("hashchange", onHashChange);
  window.addEventListener("resize", () => show && render());
  onEveryPage(setUp);

  window.presenter = {
    start, stop, go, follow: (where) => goTo(where, false), buildDeck, fit, target, onwards,
    article, isConsole, whenLaidOut,
    channelName: CHANNEL, consoleFlag: CONSOLE_FLAG, stage: STAGE, KEYS,
    state: () => (show ? { index: show.index, count: show.slides.length } : null),
  };
  // Only the console window needs the console's script; other pages do not download it.
  if (isConsole()) {
    document.head.append(html("script", { src: new URL("presenter-console.js", HERE).href }));
  }
})();
