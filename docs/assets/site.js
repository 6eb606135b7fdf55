// Our small additions to Material's behaviour, run on every page view
// (Material's `document$` also fires after instant navigation).

// A region that scrolls sideways (a wide table, a long notebook line) must be
// reachable with the keyboard, so give it a place in the tab order.
document$.subscribe(() => {
  const scrollers = ".md-typeset__scrollwrap, .jp-OutputArea-output pre";
  for (const element of document.querySelectorAll(scrollers)) {
    if (element.scrollWidth > element.clientWidth && !element.hasAttribute("tabindex")) {
      element.tabIndex = 0;
    }
  }
});

// Material's search dialog has role="dialog" but no accessible name, which every
// dialog needs (axe-core: aria-dialog-name): name it after its search field.
document$.subscribe(() => {
  const dialog = document.querySelector(".md-search[role=dialog]");
  const field = document.querySelector(".md-search__input");
  if (dialog && field && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", field.getAttribute("aria-label") || "Search");
  }
});
