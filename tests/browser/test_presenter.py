"""Presenter mode (presenter-start.js, presenter.js) and its console (presenter-console.js).

Every slide of every page fits its 1280x720 stage with no text under 18 px on
screen, at 1280x720 and at 1920x1080 (one page load per page: presenting at one
size, leaving, resizing the window and presenting again; all slides measured in
one evaluate per size; the second start finds the widgets built, so that
presenting builds them before measuring is checked at the first size, and on
its own by test_widgets_are_built_before_the_slides_are_measured). The keys move
through the slides and past them to the next page; the console follows the
audience window and leads it; both widgets work on their slides; the overview
jumps; printing gives one page per slide; axe-core finds nothing serious in
presenter mode or the console; presenter mode's files load only when presenting
starts. All in Chromium.
"""

from __future__ import annotations

import json
import re

import pytest

from checks import (
    PAGES,
    PRESENTING,
    SEVEN,
    accessibility_problems,
    draw,
    page_url,
    start_presenting,
)
from support import ARTIFACTS

SIZES = [(1280, 720), (1920, 1080)]
# Notebook pages are the practice page's code; presenter mode is not offered there.
SLIDE_PAGES = [name for name in PAGES if not name.startswith("notebooks/")]
READABLE_PX = 18  # the smallest text on a slide, measured on screen
SLIDE = "Number(document.documentElement.dataset.nnSlide)"
COUNTER = ".nn-presenter-bar__counter"
CURRENT_TITLE = """() => document.querySelector('.nn-slide--current .nn-slide__title')
  .textContent.replace(/ \\(\\d+\\)$/, '').trim()"""
TITLES = """() => [...document.querySelectorAll('.nn-slide__title')]
  .map((t) => t.textContent.replace(/ \\(\\d+\\)$/, '').trim())"""
# Every slide, each measured in place: what overflows its stage or sits outside the window,
# and text drawn smaller than READABLE_PX (stage font size times the stage's scale).
FIT = """(readable) => [...document.querySelectorAll('.nn-deck .nn-slide')].map((slide) => {
  const stage = slide.querySelector('.nn-slide__stage');
  const scale = stage.getBoundingClientRect().width / stage.offsetWidth;
  const box = stage.getBoundingClientRect();
  const problems = [];
  if (stage.scrollHeight > stage.clientHeight + 1) problems.push('too tall');
  if (stage.scrollWidth > stage.clientWidth + 1) problems.push('too wide');
  if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1)
    problems.push('stage outside the window');
  for (const element of stage.querySelectorAll('*')) {
    const style = getComputedStyle(element);
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    if (scrolls && element.scrollWidth > element.clientWidth + 1)
      problems.push(`scrolls sideways: ${element.className}`);
    // SVG text scales with its drawing; inside KaTeX, only the formula's own size counts.
    if (element.closest('svg, .katex') && !element.matches('.katex')) continue;
    const text = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const size = parseFloat(style.fontSize) * scale;
    if ((text || element.matches('.katex')) && size < readable - 0.01)
      problems.push(`${element.tagName} text at ${size.toFixed(1)} px`);
  }
  return {title: slide.getAttribute('aria-label'), problems};
})"""
SLIDE_COUNTS: dict[str, dict[str, int]] = {}


def show(page, title: str, holding: str = "*") -> None:
    """Step forward with the arrow key to the slide titled `title` that holds `holding`."""
    page.keyboard.press("Home")
    for _ in range(60):
        here = page.locator(f".nn-slide--current .nn-slide__stage {holding}").count()
        if page.evaluate(CURRENT_TITLE) == title and here:
            return
        page.keyboard.press("ArrowRight")
    pytest.fail(f"no slide titled {title!r}")


def wait_for_overlays_to_close(page) -> None:
    """A closed dialog leaves the page on its `close` event, a task after the key or click."""
    page.wait_for_function("!document.querySelector('.nn-overlay')")


def opened_without_problems(name: str, site_url, open_page):
    page, seen = open_page(page_url(site_url, name), site_url, (1280, 720))
    yield page
    assert not seen.problems(), seen.problems()


@pytest.fixture
def lesson(site_url, open_page):
    yield from opened_without_problems("single-neuron", site_url, open_page)


@pytest.fixture
def rates(site_url, open_page):
    """The page that continues the lesson: its figures and the explorer."""
    yield from opened_without_problems("learning-rate", site_url, open_page)


@pytest.mark.parametrize(("page_name", "ready"), [("learning-rate", ".nn-explorer--ready"),
                                                  ("from-scratch", ".nn-draw--ready")])
def test_widgets_are_built_before_the_slides_are_measured(page_name, ready, site_url, open_page):
    """A widget far down the page loads only when near the screen; presenting builds it first."""
    page, seen = open_page(page_url(site_url, page_name), site_url, (1280, 720))
    assert page.locator(ready).count() == 0, "built on load, though far below the screen"
    start_presenting(page)
    assert page.locator(ready).count() == 1
    assert not seen.problems(), seen.problems()


def slides_that_do_not_fit(page, page_name: str, size: tuple[int, int], screenshots) -> list[str]:
    """Present at `size` and measure every slide; screenshots of the first and last."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.evaluate("scrollTo(0, 0)")  # presenting starts at the slide on screen: the first
    start_presenting(page)
    slides = page.evaluate(FIT, READABLE_PX)
    problems = [f"{size[0]}x{size[1]}, {slide['title']}: {problem}"
                for slide in slides for problem in slide["problems"]]
    problems += [] if len(slides) > 1 else [f"{size[0]}x{size[1]}: only {len(slides)} slide"]
    name = f"{page_name.replace('/', '_')}-{size[0]}x{size[1]}"
    page.keyboard.press("Home")
    page.screenshot(path=str(screenshots / f"slides-{name}-first.png"))
    page.keyboard.press("End")
    page.screenshot(path=str(screenshots / f"slides-{name}-last.png"))
    page.keyboard.press("Escape")
    page.wait_for_function(f"!({PRESENTING})")
    SLIDE_COUNTS.setdefault(page_name, {})[f"{size[0]}x{size[1]}"] = len(slides)
    return problems


@pytest.mark.parametrize("page_name", SLIDE_PAGES)
def test_every_slide_fits(page_name, site_url, open_page, screenshots):
    page, seen = open_page(page_url(site_url, page_name), site_url, SIZES[0])
    problems = [problem for size in SIZES
                for problem in slides_that_do_not_fit(page, page_name, size, screenshots)]
    (ARTIFACTS / "presenter-slide-counts.json").write_text(json.dumps(SLIDE_COUNTS, indent=1))
    assert not problems, "\n".join(problems)
    assert not seen.problems(), seen.problems()


def test_the_rule_puts_figures_formulas_and_key_points_on_slides(lesson):
    start_presenting(lesson)
    show(lesson, "The model")
    current = lesson.locator(".nn-slide--current .nn-slide__stage")
    assert current.locator(".katex-display").count() == 1, "the display formula is on the slide"
    assert current.locator("p").count() == 1, "one lead paragraph, the rest are notes"
    assert current.locator("pre").count() == 0, "code is in the notes, not on the slide"
    notes = lesson.locator(".nn-slide--current .nn-slide__notes")
    assert "This neuron has no activation function" in notes.text_content()


def test_figures_go_on_the_slides(rates):
    figures = rates.evaluate("document.querySelectorAll('article img').length")
    assert figures >= 3
    start_presenting(rates)
    assert rates.evaluate("document.querySelectorAll('.nn-slide img').length") == figures


def test_keys_move_through_the_slides(lesson):
    titles = lesson.evaluate("""[...document.querySelectorAll('article > :is(h1, h2, h3)')]
        .map((h) => h.textContent.replace('¶', '').trim())""")
    start_presenting(lesson)
    lesson.keyboard.press("Home")
    count = len(lesson.evaluate(TITLES))
    assert lesson.locator(COUNTER).inner_text() == f"1 / {count}"
    assert lesson.evaluate(CURRENT_TITLE) == titles[0]
    seen = [lesson.evaluate(CURRENT_TITLE)]
    keys = ["ArrowRight", "PageDown", "Space"] * count
    for key in keys[:count - 1]:
        lesson.keyboard.press(key)
        seen.append(lesson.evaluate(CURRENT_TITLE))
    assert lesson.evaluate(SLIDE) == count - 1
    shown = [title for number, title in enumerate(seen) if number == 0 or seen[number - 1] != title]
    assert shown == titles, "every section, in order, none skipped"
    lesson.keyboard.press("ArrowLeft")
    lesson.keyboard.press("PageUp")
    lesson.keyboard.press("Shift+Space")
    assert lesson.evaluate(SLIDE) == count - 4
    lesson.keyboard.press("End")
    assert lesson.locator(COUNTER).inner_text() == f"{count} / {count}"


def test_escape_puts_the_page_back_at_that_section(rates):
    # The explorer builds itself once it nears the screen: first that, then the count.
    rates.locator("[data-nn-explorer]").scroll_into_view_if_needed()
    rates.wait_for_selector(".nn-explorer--ready")
    before = rates.evaluate("document.querySelector('article').innerHTML.length")
    start_presenting(rates)
    show(rates, "Try it yourself", "[data-nn-explorer]")
    assert rates.locator("article [data-nn-explorer]").count() == 0, "the widget is on its slide"
    rates.keyboard.press("Escape")
    assert not rates.evaluate(PRESENTING)
    assert rates.locator(".nn-deck, .nn-presenter-bar").count() == 0
    assert rates.locator("article [data-nn-explorer]").count() == 1, "and back on the page"
    assert rates.evaluate("document.querySelector('article').innerHTML.length") == before
    top = rates.locator("article > h2", has_text="Try it yourself").evaluate(
        "h => h.getBoundingClientRect().top")
    assert -1 <= top < 200  # scrolled to it (to within the sub-pixel rounding of scroll positions)
    assert rates.evaluate("document.activeElement.classList.contains('nn-presenter-toggle')")


def test_toggle_button_and_slide_bar_by_keyboard(lesson):
    toggle = lesson.get_by_role("button", name="Present this page as slides")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    assert lesson.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    lesson.keyboard.press("Enter")
    lesson.wait_for_function(PRESENTING)  # it starts once the page's figures have loaded
    assert lesson.locator(".nn-presenter-toggle").get_attribute("aria-pressed") == "true"
    lesson.keyboard.press("Home")
    for _ in range(10):  # Tab through the slide to the bar
        lesson.keyboard.press("Tab")
        if lesson.evaluate("document.activeElement.getAttribute('aria-label')") == "Next slide":
            break
    lesson.keyboard.press("Enter")
    assert lesson.evaluate(SLIDE) == 1
    lesson.keyboard.press("Space")  # activates the focused button
    assert lesson.evaluate(SLIDE) == 2
    lesson.get_by_role("button", name="Leave the presentation (Escape)").press("Enter")
    assert not lesson.evaluate(PRESENTING)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_explorer_steps_on_its_slide(size, site_url, open_page, screenshots):
    page, seen = open_page(page_url(site_url, "learning-rate"), site_url, size)
    start_presenting(page)
    show(page, "Try it yourself", "[data-nn-explorer]")
    slide = page.evaluate(SLIDE)
    rate = page.get_by_role("slider", name="Learning rate")
    rate.focus()
    page.keyboard.press("ArrowRight")  # the slider's key, not the next slide
    assert rate.get_attribute("aria-valuetext") == "0.011"
    assert page.evaluate(SLIDE) == slide
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("t")  # a letter typed on a slider is not the toggle
    assert page.evaluate(PRESENTING)
    status = page.locator(".nn-slide--current [data-nn-explorer]")
    before = status.inner_text()
    for _ in range(3):
        page.get_by_role("button", name="Step").click()
    assert "Step 3" in status.inner_text() and status.inner_text() != before
    page.screenshot(path=str(screenshots / f"presenter-explorer-{size[0]}x{size[1]}.png"))
    problems = accessibility_problems(page)
    assert not problems, "\n".join(problems)
    assert not seen.problems(), seen.problems()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_draw_a_digit_on_its_slide(size, site_url, open_page, screenshots):
    page, seen = open_page(page_url(site_url, "from-scratch"), site_url, size)
    start_presenting(page)
    show(page, "Draw a digit", "[data-nn-draw]")
    page.wait_for_selector(".nn-draw--ready")  # its script loads as its slide shows
    box = page.locator(".nn-slide--current .nn-draw__canvas").bounding_box()
    assert box["width"] > 100 * size[0] / 1280 * 0.9, "the canvas scales with the slide"
    draw(page, SEVEN, ".nn-slide--current .nn-draw__canvas")
    page.wait_for_function(
        "Number(document.querySelector('[data-nn-draw]').dataset.prediction) >= 0")
    assert sum(page.evaluate("drawDigit.canvasPixels()")) > 0, "the stroke landed on the canvas"
    assert "guess" in page.locator(".nn-slide--current .nn-draw__summary").inner_text()
    page.screenshot(path=str(screenshots / f"presenter-draw-digit-{size[0]}x{size[1]}.png"))
    assert not seen.problems(), seen.problems()


def test_console_and_audience_move_together(lesson, screenshots):
    start_presenting(lesson)
    show(lesson, "The model")
    audience_slide = lesson.evaluate(SLIDE)
    with lesson.context.expect_page() as opened:
        lesson.keyboard.press("s")
    console = opened.value
    console.wait_for_function(f"{SLIDE} === {audience_slide}")
    assert console.locator(".nn-console__notes").inner_text().count("activation function")
    assert re.fullmatch(r"\d+:\d\d", console.locator(".nn-console__elapsed").inner_text())
    assert console.locator(".nn-console__clock").inner_text()
    console.keyboard.press("ArrowRight")  # the console leads
    lesson.wait_for_function(f"{SLIDE} === {audience_slide + 1}")
    lesson.keyboard.press("ArrowRight")  # the audience leads
    console.wait_for_function(f"{SLIDE} === {audience_slide + 2}")
    console.get_by_role("button", name="Previous slide").click()  # clicks count too
    lesson.wait_for_function(f"{SLIDE} === {audience_slide + 1}")
    lesson.get_by_role("button", name="Next slide").click()
    console.wait_for_function(f"{SLIDE} === {audience_slide + 2}")
    console.screenshot(path=str(screenshots / "presenter-console.png"))
    problems = accessibility_problems(console)
    assert not problems, "\n".join(problems)
    console.keyboard.press("End")
    console.keyboard.press("ArrowRight")  # past the last slide both windows change page
    console.wait_for_url("**/learning-rate/?nn-console*")
    lesson.wait_for_url("**/learning-rate/")
    lesson.wait_for_function(f"{PRESENTING} && {SLIDE} === 0")
    console.wait_for_function(f"{SLIDE} === 0")


def test_presenter_mode_loads_only_when_presenting_starts(site_url, open_page):
    """A reader who never presents downloads neither presenter.js nor presenter.css."""
    page, seen = open_page(page_url(site_url, "theory"), site_url)

    def loaded() -> list[str]:
        return sorted(url.rsplit("/", 1)[1] for url in seen.urls
                      if url.endswith(("/presenter.js", "/presenter.css")))

    assert page.locator(".nn-presenter-toggle").count() == 1 and loaded() == []
    start_presenting(page)
    assert loaded() == ["presenter.css", "presenter.js"]
    assert not seen.problems(), seen.problems()


def test_presenter_mode_that_fails_to_load_says_so_and_loads_on_the_next_try(site_url, open_page):
    page, seen = open_page(page_url(site_url, "theory"), site_url)
    page.route("**/presenter.js", lambda route: route.abort())
    for press in (lambda: page.locator("body").press("t"),
                  lambda: page.locator(".nn-presenter-toggle").click()):
        with page.expect_console_message(lambda message: "Presenter mode" in message.text) as told:
            press()  # the browser reports the failed request too
        assert told.value.type == "error"
        assert told.value.text == "Presenter mode: presenter.js did not load"
    assert not seen.page_errors and not page.evaluate(PRESENTING)
    page.unroute("**/presenter.js")
    page.locator(".nn-presenter-toggle").click()
    page.wait_for_function(PRESENTING)
    assert page.evaluate("document.querySelectorAll('link[href$=\"presenter.css\"]').length") == 1


def test_a_window_that_is_not_presenting_follows_the_presenter(site_url, open_page):
    """Another window of the site, presenter mode not loaded yet, follows a move (the console's
    or, here, the audience window's) to its slide."""
    reader, seen = open_page(page_url(site_url, "single-neuron"), site_url, (1280, 720))
    speaker = reader.context.new_page()
    speaker.set_viewport_size({"width": 1280, "height": 720})
    speaker.goto(page_url(site_url, "single-neuron"))
    start_presenting(speaker)
    speaker.keyboard.press("Home")
    speaker.keyboard.press("ArrowRight")
    reader.wait_for_function(f"{PRESENTING} && {SLIDE} === 1")
    assert speaker.evaluate(SLIDE) == 1
    assert not seen.problems(), seen.problems()


def test_overview_jumps_to_a_slide(lesson):
    start_presenting(lesson)
    lesson.keyboard.press("Home")
    count = len(lesson.evaluate(TITLES))
    lesson.keyboard.press("o")
    overview = lesson.get_by_role("dialog", name="Overview")
    assert overview.locator(".nn-overview > li > button").count() == count
    problems = accessibility_problems(lesson)
    assert not problems, "\n".join(problems)
    overview.get_by_role("button", name=re.compile(r"^5\. ")).press("Enter")
    wait_for_overlays_to_close(lesson)
    assert lesson.evaluate(SLIDE) == 4


def test_help_lists_every_key_and_the_presenting_page_does_too(lesson, site_url, open_page):
    start_presenting(lesson)
    lesson.keyboard.press("?")
    help_keys = lesson.locator(".nn-help dt").all_inner_texts()
    assert len(help_keys) == len(lesson.evaluate("presenter.KEYS"))
    lesson.keyboard.press("Escape")  # closes the help, not the presentation
    wait_for_overlays_to_close(lesson)
    assert lesson.evaluate(PRESENTING)
    guide, _ = open_page(page_url(site_url, "presenting"), site_url)
    documented = guide.locator("article table").first.inner_text()
    for keys in help_keys:
        for key in re.split(r", | or ", keys):
            assert key in documented, f"{key!r} is missing from the presenting page's table"


def test_printing_gives_one_page_per_slide_with_its_notes(lesson):
    start_presenting(lesson)
    count = len(lesson.evaluate(TITLES))
    pdf = lesson.pdf(prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages == count
    lesson.emulate_media(media="print")
    notes = lesson.evaluate("""[...document.querySelectorAll('.nn-slide__notes')]
        .filter((n) => n.textContent.trim()).map((n) => getComputedStyle(n).display)""")
    assert notes and "none" not in notes, "every slide's notes print beneath it"


def test_past_the_last_slide_the_next_page_opens_presenting(lesson):
    start_presenting(lesson)
    lesson.keyboard.press("End")
    last_title = lesson.evaluate(CURRENT_TITLE)
    lesson.keyboard.press("ArrowRight")
    lesson.wait_for_url("**/learning-rate/")
    lesson.wait_for_function(PRESENTING)
    assert lesson.evaluate(SLIDE) == 0
    lesson.keyboard.press("ArrowLeft")  # before the first slide: back, at the last slide
    lesson.wait_for_url("**/single-neuron/")
    lesson.wait_for_function(PRESENTING)
    assert lesson.evaluate(CURRENT_TITLE) == last_title == "The first step, by hand"
    lesson.keyboard.press("Escape")
    lesson.reload()
    assert not lesson.evaluate(PRESENTING), "a plain reload must not start presenting"


def test_a_page_without_slides_is_passed_over(site_url, open_page):
    """Practice's next page is its notebook's, which has no slides: both windows go on past it."""
    site = ".*/introduction-to-neural-networks"  # not notebooks/practice/, whose path ends alike
    page, _ = open_page(page_url(site_url, "practice"), site_url)
    start_presenting(page)
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**/from-scratch/")
    page.wait_for_function(f"{PRESENTING} && {SLIDE} === 0")
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    console = opened.value
    console.wait_for_function(f"{SLIDE} === 0")
    console.keyboard.press("ArrowLeft")  # back past the notebook, to Practice's last slide
    console.wait_for_url(re.compile(site + r"/practice/\?nn-console.*"))
    page.wait_for_url(re.compile(site + "/practice/$"))
    last = "(() => { const s = presenter.state(); return s && s.index === s.count - 1; })()"
    page.wait_for_function(last)
    assert "notebooks" not in console.url


def test_materials_shortcuts_are_left_alone(lesson):
    lesson.click("input.md-search__input")
    lesson.keyboard.type("th")
    assert lesson.locator("input.md-search__input").input_value() == "th"
    assert not lesson.evaluate(PRESENTING)
    lesson.keyboard.press("Escape")
    lesson.locator("body").press("n")  # Material: next page
    lesson.wait_for_url("**/learning-rate/")
    assert not lesson.evaluate(PRESENTING)


def test_a_notebook_page_and_a_missing_page(site_url, open_page):
    page, seen = open_page(page_url(site_url, "notebooks/practice"), site_url)
    assert page.locator(".nn-presenter-toggle").count() == 0
    page.locator("body").press("t")
    assert not page.evaluate(PRESENTING)
    missing, seen_404 = open_page(site_url + "no/such/page/", site_url)
    missing.locator("body").press("t")
    missing.keyboard.press("ArrowRight")
    missing.keyboard.press("Escape")
    assert not seen.problems()
    assert seen_404.page_errors == []


def test_a_slide_mark_replaces_the_first_paragraph(lesson):
    """A section's `{ .slide }` key points go on its slide; its first paragraph goes to notes.

    The page marks its list of three rules with `{ .slide }` after the list, which
    attr_list puts on the list's last item: the whole list is the key point.
    """
    start_presenting(lesson)
    show(lesson, "Which way is downhill? Partial derivatives")
    stage = lesson.locator(".nn-slide--current .nn-slide__stage")
    assert stage.locator(":scope > ol > li.slide").count() == 1
    assert stage.locator(":scope > p").count() == 0
    notes = lesson.locator(".nn-slide--current .nn-slide__notes").text_content()
    assert "Picture the cost as a landscape" in notes
