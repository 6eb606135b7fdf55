// Presenter mode: show the page you are on as slides, one section (h2) per screen.
//
// Nothing is copied: the page's own article is restyled (widgets.css) and every section but
// the current one is hidden. Toggle with the button in the header or the "t" key (Material
// uses p , n . s f / for its own shortcuts). While presenting: Right, PageDown or Space for
// the next slide, Left, PageUp or Shift+Space for the previous one, Home and End, Escape to
// leave. Past the last slide the next page of the site opens, still presenting.

(() => {
  "use strict";

  const TOGGLE_KEY = "t";
  const CARRY = "nn-presenter:continue"; // sessionStorage: keep presenting on the next page
  let show = null; // while presenting: { article, slides, index, bar, counter, ... }

  const isField = (element) => element instanceof Element
    && (element.isContentEditable || element.matches("input, textarea, select"));
  const isActivatable = (element) => element instanceof Element
    && element.matches("button, a[href], summary, [role='button']");

  function article() {
    return document.querySelector("article.md-content__inner");
  }

  // The article's children, grouped: everything before the first h2, then one group per h2.
  function slidesOf(content) {
    const slides = [[]];
    for (const child of content.children) {
      if (child.matches(".md-content__button")) continue;
      if (child.tagName === "H2" && slides[slides.length - 1].length) slides.push([]);
      slides[slides.length - 1].push(child);
    }
    return slides;
  }

  // The slide holding the section the reader is looking at.
  function visibleSlide(slides) {
    let found = 0;
    slides.forEach((slide, index) => {
      if (slide[0].getBoundingClientRect().top < window.innerHeight / 3) found = index;
    });
    return found;
  }

  function button(label, text, onClick) {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.setAttribute("aria-label", label);
    element.addEventListener("click", onClick);
    return element;
  }

  function buildBar() {
    const bar = document.createElement("nav");
    bar.className = "nn-presenter-bar";
    bar.setAttribute("aria-label", "Slides");
    const counter = document.createElement("span");
    counter.className = "nn-presenter-bar__counter";
    counter.setAttribute("aria-live", "polite");
    const previous = button("Previous slide", "\u2190", () => go(-1));
    const next = button("Next slide", "\u2192", () => go(1));
    const leave = button("Leave the presentation (Escape)", "\u2715", () => stop());
    bar.append(previous, counter, next, leave);
    document.body.append(bar);
    return { bar, counter, next };
  }

  function render() {
    const { slides, index } = show;
    slides.forEach((slide, number) => {
      for (const element of slide) element.classList.toggle("nn-slide-hidden", number !== index);
    });
    show.counter.textContent = `${index + 1} / ${slides.length}`;
    show.counter.setAttribute("aria-label", `Slide ${index + 1} of ${slides.length}`);
    const last = index === slides.length - 1;
    show.next.setAttribute("aria-label", last && nextPage() ? "Next page" : "Next slide");
    show.article.scrollTop = 0;
    document.documentElement.dataset.nnSlide = String(index);
  }

  function nextPage(rel = "next") {
    return document.querySelector(`link[rel='${rel}']`);
  }

  // Move by `step` slides; past either end, continue on the previous or next page.
  function go(step) {
    const target = show.index + step;
    if (target >= 0 && target < show.slides.length) {
      show.index = target;
      render();
      return;
    }
    const link = nextPage(step > 0 ? "next" : "prev");
    if (!link) return;
    try {
      sessionStorage.setItem(CARRY, step > 0 ? "start" : "end");
    } catch (error) {
      // No storage (a locked-down browser): the next page simply opens unpresented.
    }
    window.location.href = link.href;
  }

  // Space and PageDown first scroll a slide that is taller than the screen.
  function scrollOrGo(step) {
    const { article: box } = show;
    const room = step > 0 ? box.scrollHeight - box.clientHeight - box.scrollTop : box.scrollTop;
    if (room > 2) box.scrollBy({ top: step * box.clientHeight * 0.8 });
    else go(step);
  }

  function start(at = null) {
    const content = article();
    if (show || !content) return;
    const slides = slidesOf(content);
    const index = at === "end" ? slides.length - 1 : at === "start" ? 0 : visibleSlide(slides);
    document.documentElement.classList.add("nn-presenting");
    content.tabIndex = -1;
    show = { article: content, slides, index, ...buildBar() };
    render();
    content.focus({ preventScroll: true });
    updateToggle();
  }

  function stop() {
    if (!show) return;
    const { article: content, slides, index, bar } = show;
    show = null;
    for (const slide of slides) {
      for (const element of slide) element.classList.remove("nn-slide-hidden");
    }
    bar.remove();
    content.removeAttribute("tabindex");
    document.documentElement.classList.remove("nn-presenting");
    delete document.documentElement.dataset.nnSlide;
    slides[index][0].scrollIntoView({ block: "start" });
    updateToggle();
    const toggle = document.querySelector(".nn-presenter-toggle");
    if (toggle) toggle.focus({ preventScroll: true });
  }

  function toggle() {
    if (show) stop();
    else start();
  }

  function updateToggle() {
    const element = document.querySelector(".nn-presenter-toggle");
    if (!element) return;
    element.setAttribute("aria-pressed", show ? "true" : "false");
  }

  function addToggle() {
    const header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".nn-presenter-toggle")) return;
    const element = document.createElement("button");
    element.type = "button";
    element.className = "md-header__button md-icon nn-presenter-toggle";
    element.title = "Present this page as slides (t)";
    element.setAttribute("aria-label", "Present this page as slides");
    element.setAttribute("aria-keyshortcuts", "t");
    element.setAttribute("aria-pressed", "false");
    // A screen on a stand: our own drawing.
    element.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
      + '<path d="M3 3h18v2h-1v10H4V5H3V3zm3 2v8h12V5H6zm5 11h2v2.3l3.7 2.2-1 1.7-3.7-2.2'
      + '-3.7 2.2-1-1.7 3.7-2.2V16z"/></svg>';
    element.addEventListener("click", toggle);
    const after = header.querySelector(".md-header__option, label[for='__search'], .md-search");
    header.insertBefore(element, after || null);
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target;
    const searching = document.querySelector("#__search:checked");
    if (!show) {
      if (event.key === TOGGLE_KEY && !isField(target) && !searching) {
        event.preventDefault();
        start();
      }
      return;
    }
    let action = null;
    switch (event.key) {
      case "Escape": action = stop; break;
      case TOGGLE_KEY: action = isField(target) ? null : stop; break;
      case "ArrowRight": action = () => go(1); break;
      case "ArrowLeft": action = () => go(-1); break;
      case "PageDown": action = () => scrollOrGo(1); break;
      case "PageUp": action = () => scrollOrGo(-1); break;
      case " ": action = isActivatable(target) ? null : () => scrollOrGo(event.shiftKey ? -1 : 1);
        break;
      case "Home": action = () => { show.index = 0; render(); }; break;
      case "End": action = () => { show.index = show.slides.length - 1; render(); }; break;
      default: return;
    }
    // Sliders and text fields keep their own keys; only Escape leaves from inside them.
    if (!action || (isField(target) && event.key !== "Escape")) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  // After instant navigation the article we were presenting is gone: tidy up.
  function forgetStaleShow() {
    if (!show || document.body.contains(show.article)) return;
    show.bar.remove();
    document.documentElement.classList.remove("nn-presenting");
    delete document.documentElement.dataset.nnSlide;
    show = null;
  }

  function setUp() {
    forgetStaleShow();
    addToggle();
    let carried = null;
    try {
      carried = sessionStorage.getItem(CARRY);
      sessionStorage.removeItem(CARRY);
    } catch (error) {
      carried = null;
    }
    if (carried) start(carried);
  }

  // A link to a section of the same page shows that section's slide.
  function onHashChange() {
    const target = show && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    const index = show.slides.findIndex((slide) => slide.some((el) => el.contains(target)));
    if (index >= 0) {
      show.index = index;
      render();
      target.scrollIntoView({ block: "start" });
    }
  }

  // Capture phase: we see the keys before Material's own shortcuts do.
  window.addEventListener("keydown", onKey, true);
  window.addEventListener("hashchange", onHashChange);
  window.nnWidgets.onEveryPage(setUp);

  window.presenter = { start, stop, go };
})();
