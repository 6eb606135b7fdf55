"""Presenter mode (docs/assets/javascripts/presenter.js) in headless Chromium, keyboard only.

One section (h2) per slide over the page's own DOM, moved through with the
arrow keys, PageDown/PageUp, Space, Home and End, left with Escape, and
carried over to the next page past the last slide; it leaves Material's own
shortcuts and the widgets' keys alone.
"""

from __future__ import annotations

import pytest

from checks import accessibility_problems, page_url

PRESENTING = "document.documentElement.classList.contains('nn-presenting')"
SLIDE = "Number(document.documentElement.dataset.nnSlide)"
COUNTER = ".nn-presenter-bar__counter"
# Headings (h1, h2) of the article that are on screen, and how many elements are.
VISIBLE = """() => {
  const shown = [...document.querySelector("article").children]
    .filter((element) => getComputedStyle(element).display !== "none");
  return {headings: shown.filter((e) => /^H[12]$/.test(e.tagName))
                         .map((e) => e.textContent.replace("¶", "").trim()),
          count: shown.length};
}"""
H2S = """[...document.querySelectorAll("article > h2")]
  .map((e) => e.textContent.replace("¶", "").trim())"""


@pytest.fixture
def lesson(site_url, open_page):
    page, seen = open_page(page_url(site_url, "single-neuron"), site_url)
    yield page
    assert not seen.problems(), seen.problems()


def start_with_keyboard(page) -> None:
    page.locator("body").press("t")
    assert page.evaluate(PRESENTING)


def test_one_section_per_slide(lesson):
    sections = lesson.evaluate(H2S)
    start_with_keyboard(lesson)
    lesson.keyboard.press("Home")
    assert lesson.evaluate(VISIBLE)["headings"] == ["A single neuron"]
    assert lesson.locator(COUNTER).inner_text() == f"1 / {len(sections) + 1}"
    for number, heading in enumerate(sections, start=2):
        lesson.keyboard.press("ArrowRight")
        assert lesson.evaluate(VISIBLE)["headings"] == [heading]
        assert lesson.locator(COUNTER).inner_text() == f"{number} / {len(sections) + 1}"
    lesson.keyboard.press("ArrowLeft")
    assert lesson.evaluate(VISIBLE)["headings"] == [sections[-2]]
    lesson.keyboard.press("PageUp")  # a slide starts at its top, so this moves back
    assert lesson.evaluate(VISIBLE)["headings"] == [sections[-3]]
    lesson.keyboard.press("End")
    assert lesson.evaluate(VISIBLE)["headings"] == [sections[-1]]


def test_space_scrolls_a_tall_slide_then_moves_on(lesson):
    start_with_keyboard(lesson)
    lesson.keyboard.press("Home")
    article = lesson.locator("article")
    for _ in range(40):  # Space to the end of the page, one screen or one slide at a time
        before = (lesson.evaluate(SLIDE), article.evaluate("a => a.scrollTop"))
        tall = article.evaluate("a => a.scrollHeight - a.clientHeight - a.scrollTop > 2")
        lesson.keyboard.press("Space")
        after = (lesson.evaluate(SLIDE), article.evaluate("a => a.scrollTop"))
        if tall:
            assert after[0] == before[0] and after[1] > before[1], "should scroll the slide"
        else:
            assert after[0] == before[0] + 1, "should move to the next slide"
        if "Exercises" in lesson.evaluate(VISIBLE)["headings"]:
            break
    else:
        pytest.fail("Space never reached the last slide")
    lesson.keyboard.press("Shift+Space")
    assert lesson.evaluate(SLIDE) == len(lesson.evaluate(H2S)) - 1


def test_escape_returns_to_the_page_at_that_section(lesson):
    start_with_keyboard(lesson)
    lesson.keyboard.press("Home")
    for _ in range(3):
        lesson.keyboard.press("ArrowRight")
    heading = lesson.evaluate(VISIBLE)["headings"][0]
    lesson.keyboard.press("Escape")
    assert not lesson.evaluate(PRESENTING)
    assert lesson.locator(".nn-presenter-bar").count() == 0
    assert lesson.locator("article .nn-slide-hidden").count() == 0
    top = lesson.locator("article > h2", has_text=heading).evaluate(
        "h => h.getBoundingClientRect().top")
    assert 0 <= top < 200
    assert lesson.evaluate("document.activeElement.classList.contains('nn-presenter-toggle')")


def test_toggle_button_and_slide_bar_by_keyboard(lesson):
    toggle = lesson.get_by_role("button", name="Present this page as slides")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    outline = lesson.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the toggle shows no focus outline"
    lesson.keyboard.press("Enter")
    assert lesson.evaluate(PRESENTING)
    # The header, toggle included, is hidden while presenting; its state is still right.
    assert lesson.locator(".nn-presenter-toggle").get_attribute("aria-pressed") == "true"
    lesson.keyboard.press("Home")
    next_button = lesson.get_by_role("button", name="Next slide")
    for _ in range(10):  # Tab through the slide to the bar
        lesson.keyboard.press("Tab")
        if lesson.evaluate("document.activeElement.getAttribute('aria-label')") == "Next slide":
            break
    assert next_button.evaluate("b => b === document.activeElement")
    lesson.keyboard.press("Enter")
    assert lesson.evaluate(SLIDE) == 1
    lesson.keyboard.press("Space")  # activates the focused button, does not scroll
    assert lesson.evaluate(SLIDE) == 2
    lesson.get_by_role("button", name="Leave the presentation (Escape)").press("Enter")
    assert not lesson.evaluate(PRESENTING)


def test_widget_keys_win_inside_a_slide(lesson, screenshots):
    start_with_keyboard(lesson)
    lesson.keyboard.press("Home")
    while "Try it yourself" not in lesson.evaluate(VISIBLE)["headings"]:
        lesson.keyboard.press("ArrowRight")
    slide = lesson.evaluate(SLIDE)
    rate = lesson.get_by_role("slider", name="Learning rate")
    rate.focus()
    lesson.keyboard.press("ArrowRight")
    assert rate.get_attribute("aria-valuetext") == "0.011"
    assert lesson.evaluate(SLIDE) == slide
    lesson.keyboard.press("ArrowLeft")
    lesson.keyboard.press("t")  # a letter typed on a slider is not the toggle
    assert lesson.evaluate(PRESENTING)
    for _ in range(3):
        lesson.get_by_role("button", name="Step").press("Enter")
    lesson.screenshot(path=str(screenshots / "presenter.png"))
    problems = accessibility_problems(lesson)
    assert not problems, "\n".join(problems)
    lesson.locator("article").focus()
    lesson.keyboard.press("ArrowLeft")
    assert lesson.evaluate(VISIBLE)["headings"] == ["Three learning rates"]
    lesson.keyboard.press("ArrowRight")
    lesson.locator("article a[href='#where-the-limit-comes-from']").first.click()
    assert lesson.evaluate(VISIBLE)["headings"] == ["Choosing a learning rate"]


def test_materials_shortcuts_are_left_alone(lesson):
    lesson.click("input.md-search__input")
    lesson.keyboard.type("th")
    assert lesson.locator("input.md-search__input").input_value() == "th"
    assert not lesson.evaluate(PRESENTING)
    lesson.keyboard.press("Escape")
    lesson.locator("body").press("n")  # Material: next page
    lesson.wait_for_url("**/backpropagation/")
    assert not lesson.evaluate(PRESENTING)


def test_past_the_last_slide_the_next_page_opens_presenting(lesson):
    start_with_keyboard(lesson)
    lesson.keyboard.press("End")
    lesson.keyboard.press("ArrowRight")
    lesson.wait_for_url("**/backpropagation/")
    lesson.wait_for_function(PRESENTING)
    assert lesson.evaluate(SLIDE) == 0
    assert lesson.locator(COUNTER).inner_text().startswith("1 / ")
    lesson.keyboard.press("ArrowLeft")  # before the first slide: back, at the last slide
    lesson.wait_for_url("**/single-neuron/")
    lesson.wait_for_function(PRESENTING)
    assert lesson.evaluate(VISIBLE)["headings"] == ["Exercises"]
    lesson.keyboard.press("Escape")
    lesson.reload()
    assert not lesson.evaluate(PRESENTING), "a plain reload must not start presenting"


def test_presenting_page_and_a_page_without_sections(site_url, open_page):
    page, seen = open_page(page_url(site_url, "presenting"), site_url)
    start_with_keyboard(page)
    assert page.locator(COUNTER).is_visible()
    page.keyboard.press("Escape")
    page, seen_404 = open_page(site_url + "no/such/page/", site_url)
    page.locator("body").press("t")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    assert not seen.problems()
    assert seen_404.page_errors == []
