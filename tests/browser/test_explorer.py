"""The gradient-descent explorer on the Learning rates page, in headless Chromium.

Its arithmetic must be Python's: the path it computes equals
`single_neuron.gradient_descent` (and the reference run exported into the
page) to 1e-9, the divergent rate stops cleanly with a message, and all of
it works with the keyboard alone.
"""

from __future__ import annotations

import json
import math

import pytest

import single_neuron
from checks import accessibility_problems, page_url

EXPLORER = "[data-nn-explorer]"
STATE = """() => { const d = document.querySelector("[data-nn-explorer]").dataset;
  return {step: Number(d.step), w: Number(d.w), b: Number(d.b), cost: Number(d.cost),
          status: d.status}; }"""


def close(a: float, b: float, tolerance: float = 1e-9) -> bool:
    return abs(a - b) <= tolerance * max(1.0, abs(b))


def assert_same_path(browser_path: list, python_path: list) -> None:
    assert len(browser_path) == len(python_path)
    for step, (ours, theirs) in enumerate(zip(browser_path, python_path, strict=True)):
        assert all(close(a, b) for a, b in zip(ours, theirs, strict=True)), (step, ours, theirs)


@pytest.fixture
def explorer(site_url, open_page):
    page, seen = open_page(page_url(site_url, "learning-rate"), site_url)
    page.locator(EXPLORER).scroll_into_view_if_needed()
    page.wait_for_selector(".nn-explorer--ready")
    yield page
    assert not seen.problems(), seen.problems()


def exported(page) -> dict:
    return json.loads(page.locator("#explorer-data").text_content())


def test_browser_arithmetic_equals_python(explorer):
    data = exported(explorer)
    reference = data["reference"]
    assert (reference["rate"], reference["w"], reference["b"], reference["steps"]) \
        == (0.01, 1.0, 1.0, 50)
    python_path = [list(point) for point in single_neuron.gradient_descent(1.0, 1.0, 0.01, 50)]
    assert_same_path(reference["path"], python_path)
    browser_path = explorer.evaluate(
        "d => neuronExplorer.gradientDescent(d, 1, 1, 0.01, 50)", data)
    assert_same_path(browser_path, python_path)
    mismatched = sum(a != b for ours, theirs in zip(browser_path, python_path, strict=True)
                     for a, b in zip(ours, theirs, strict=True))
    assert mismatched == 0, f"{mismatched} numbers differ in the last bits"


def test_steps_through_the_interface_match_python(explorer):
    python_path = single_neuron.gradient_descent(1.0, 1.0, 0.01, 50)
    explorer.get_by_role("button", name="Step").click()
    state = explorer.evaluate(STATE)
    assert state["step"] == 1
    assert close(state["w"], python_path[1][0]) and close(state["b"], python_path[1][1])
    for _ in range(49):
        explorer.get_by_role("button", name="Step").click()
    state = explorer.evaluate(STATE)
    w, b, cost = python_path[50]
    assert state["step"] == 50
    assert close(state["w"], w) and close(state["b"], b) and close(state["cost"], cost)
    readout = explorer.locator(".nn-explorer__readout").inner_text()
    assert readout == (f"Step 50: w = {single_neuron.format_number(w)}, "
                       f"b = {single_neuron.format_number(b)}, "
                       f"C = {single_neuron.format_number(cost)}")


def test_too_large_a_rate_stops_with_a_message(explorer):
    data = exported(explorer)
    rate_slider = explorer.get_by_role("slider", name="Learning rate")
    rate_slider.fill(str(data["rates"].index(0.1)))
    assert explorer.locator(".nn-field output").first.inner_text() == "0.1"
    explorer.get_by_role("button", name="Play").click()
    explorer.wait_for_function(
        "document.querySelector('[data-nn-explorer]').dataset.status === 'diverged'",
        timeout=20_000)
    state = explorer.evaluate(STATE)
    python_path = single_neuron.gradient_descent(1.0, 1.0, 0.1, 1000)
    assert state["step"] == len(python_path) - 1 == data["diverging"]["steps"]
    assert not math.isfinite(state["cost"])
    assert "too large" in explorer.locator(".nn-explorer__message").inner_text()
    assert explorer.get_by_role("button", name="Play").is_visible()
    # Further steps do nothing and raise nothing.
    explorer.get_by_role("button", name="Step").click()
    assert explorer.evaluate(STATE)["step"] == state["step"]
    explorer.get_by_role("button", name="Reset").click()
    state = explorer.evaluate(STATE)
    assert (state["step"], state["status"], state["w"], state["b"]) == (0, "ready", 1.0, 1.0)
    assert explorer.locator(".nn-explorer__message").inner_text() == ""


def test_keyboard_only(explorer, screenshots):
    rate = explorer.get_by_role("slider", name="Learning rate")
    rate.focus()
    assert explorer.evaluate("document.activeElement.id") == rate.get_attribute("id")
    explorer.keyboard.press("ArrowLeft")  # one notch down the log scale
    assert explorer.evaluate("document.activeElement.getAttribute('aria-valuetext')") \
        == "0.008"
    explorer.keyboard.press("ArrowRight")
    assert explorer.evaluate("document.activeElement.getAttribute('aria-valuetext')") == "0.01"
    explorer.keyboard.press("Tab")  # starting w
    explorer.keyboard.press("ArrowRight")
    assert explorer.evaluate(STATE)["w"] == pytest.approx(1.1)
    explorer.keyboard.press("ArrowLeft")
    explorer.keyboard.press("Tab")  # starting b
    explorer.keyboard.press("Tab")  # Step
    assert explorer.evaluate("document.activeElement.textContent") == "Step"
    outline = explorer.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "the focused button shows no focus outline"
    explorer.keyboard.press("Enter")
    explorer.keyboard.press("Space")
    assert explorer.evaluate(STATE)["step"] == 2
    explorer.keyboard.press("Tab")  # Play
    explorer.keyboard.press("Enter")
    explorer.wait_for_function(
        "Number(document.querySelector('[data-nn-explorer]').dataset.step) > 10")
    explorer.keyboard.press("Enter")  # now Pause
    assert explorer.evaluate("document.activeElement.textContent") == "Play"
    paused_at = explorer.evaluate(STATE)["step"]
    # Four ticks of the widget's 80 ms timer: one still running would have stepped.
    # (On a slow machine this waits longer in effect, which cannot make it fail.)
    explorer.evaluate("() => new Promise((done) => setTimeout(done, 4 * 80))")
    assert explorer.evaluate(STATE)["step"] == paused_at
    explorer.set_viewport_size({"width": 1280, "height": 1200})
    explorer.locator(EXPLORER).evaluate("element => element.scrollIntoView({block: 'center'})")
    explorer.locator(EXPLORER).screenshot(path=str(screenshots / "explorer.png"))
    explorer.keyboard.press("Tab")  # Reset
    explorer.keyboard.press("Space")
    assert explorer.evaluate(STATE)["step"] == 0


def test_explorer_is_accessible(explorer):
    problems = accessibility_problems(explorer)
    assert not problems, "\n".join(problems)


def test_the_learning_rate_has_the_sites_symbol(explorer):
    """η, as on the pages and the Notation page (the notation tests do not read labels)."""
    assert explorer.get_by_role("slider", name="Learning rate η", exact=True).count() == 1
