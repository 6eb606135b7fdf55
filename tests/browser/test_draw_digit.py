""""Draw a digit" on the From scratch page, in headless Chromium.

The browser's network must give Python's answers: its probabilities for
MNIST test digits equal network.py's forward pass on the exported weights
(8-bit numbers times float32 scales, as stored in assets/models/digit-model.js)
to 1e-5, and a float64 forward pass to 1e-12. The weights come in a file of
their own, not inside the page. Its
preparation of a drawing matches prepare_digit.py's on the same picture.
Its evening and straightening give even_strokes.py's and straighten_digits.py's
pixels exactly. The bars follow the drawing, and Clear and the example button
work from the keyboard. Tests that only call the widget's functions share one
load of the page; tests that draw or press a button get a page of their own.
"""

from __future__ import annotations

import base64
import io
import json

import numpy as np
import pytest
from PIL import Image

import mnist
import prepare_digit
from checks import SEVEN, accessibility_problems, draw, page_url
from even_strokes import TARGET_WIDTH, as_networks_read, evened, stroke_widths, toward_neighbours
from network import Network, predict_proba, scale
from practice_support import in_shadow
from site_digit_model import model_from_json
from straighten_digits import straightened

N_DIGITS = 50
WIDGET = "[data-nn-draw]"
PREDICTION = "Number(document.querySelector('[data-nn-draw]').dataset.prediction)"
BARS = "[...document.querySelectorAll('.nn-bars__bar')].map(bar => parseFloat(bar.style.height))"


def widget_page(opener, site_url: str):
    """The From scratch page, scrolled to the widget once it is ready; and its watch."""
    page, seen = opener(page_url(site_url, "from-scratch"), site_url)
    page.locator(WIDGET).scroll_into_view_if_needed()
    page.wait_for_selector(".nn-draw--ready")
    return page, seen


@pytest.fixture
def widget(site_url, open_page):
    """The widget on a page of the test's own, for tests that draw or press buttons."""
    page, seen = widget_page(open_page, site_url)
    yield page
    assert not seen.problems(), seen.problems()


@pytest.fixture(scope="module")
def functions(site_url, open_page_for_module):
    """The widget's page shared by the tests that only call its functions (drawDigit.*)."""
    page, seen = widget_page(open_page_for_module, site_url)
    yield page
    assert not seen.problems(), seen.problems()


@pytest.fixture(scope="module")
def test_digits() -> tuple[np.ndarray, np.ndarray]:
    """MNIST test digits as the widget's network reads them: evened and straightened."""
    _, _, images, labels = mnist.load()
    return as_networks_read(images[:N_DIGITS]), labels[:N_DIGITS]


def test_straightening_equals_python(functions):
    """drawDigit.straightened gives straighten_digits.py's pixels exactly, slanted or not."""
    _, _, images, _ = mnist.load()
    digits = images[:N_DIGITS]
    browser = functions.evaluate("""digits => digits.map(
        (digit) => Array.from(drawDigit.straightened(Uint8Array.from(digit))))""",
                                 digits.tolist())
    assert np.array_equal(np.array(browser), straightened(digits))
    assert not np.array_equal(straightened(digits), digits)  # it did straighten some


def test_evening_equals_python(functions):
    """drawDigit.evened gives even_strokes.py's pixels exactly, for fine and for broad pens."""
    _, _, images, _ = mnist.load()
    fine = images[:N_DIGITS].reshape(-1, 28, 28).astype(np.float64)
    broad = toward_neighbours(toward_neighbours(fine, np.ones(N_DIGITS), np.maximum),
                              np.ones(N_DIGITS), np.maximum)
    edge = np.zeros((1, 28, 28))  # ink on the square's edge, and none or all ink
    edge[0, :, :3] = 255
    odd = np.concatenate([edge, np.zeros((1, 28, 28)), np.full((1, 28, 28), 255.0)])
    digits = np.concatenate([fine, broad, odd]).astype(np.uint8).reshape(-1, 784)
    browser = functions.evaluate("""digits => digits.map(
        (digit) => Array.from(drawDigit.evened(Uint8Array.from(digit))))""", digits.tolist())
    python = evened(digits)
    assert np.array_equal(np.array(browser), python)
    change = python.astype(int).sum(axis=1) - digits.astype(int).sum(axis=1)
    assert (change[:N_DIGITS] > 0).any() and (change[N_DIGITS:-3] < 0).all()  # both ways
    thick = slice(N_DIGITS, -3)
    assert np.abs(stroke_widths(python[thick]) - TARGET_WIDTH).mean() \
        < np.abs(stroke_widths(digits[thick]) - TARGET_WIDTH).mean()


def exported_model(page) -> str:
    """The JSON of the model file the page loaded, as the browser parsed it."""
    return page.evaluate("JSON.stringify(window.nnDigitModel)")


def exported_network(page) -> Network:
    return model_from_json(exported_model(page))


def in_float64(net: Network) -> Network:
    return Network([w.astype(np.float64) for w in net.weights],
                   [b.astype(np.float64) for b in net.biases], net.activation, net.cost)




def test_browser_probabilities_equal_python(functions, test_digits):
    images, labels = test_digits
    browser = np.array(functions.evaluate(
        "pixels => pixels.map(p => drawDigit.probabilities(p))", images.tolist()))
    net = exported_network(functions)
    python32 = predict_proba(net, scale(images))
    python64 = predict_proba(in_float64(net), images.astype(np.float64) / 255)
    assert browser.shape == (N_DIGITS, 10)
    assert np.abs(browser - python32).max() < 1e-5
    assert np.abs(browser - python64).max() < 1e-12
    assert (browser.argmax(axis=1) == python32.argmax(axis=1)).all()
    assert np.mean(browser.argmax(axis=1) == labels) > 0.8  # the network did learn


def test_drawing_updates_the_bars_and_clear_resets(widget, screenshots):
    assert widget.evaluate(PREDICTION) == -1
    assert widget.evaluate(BARS) == [0.0] * 10
    draw(widget, SEVEN)
    widget.wait_for_function(f"{PREDICTION} >= 0")
    heights = widget.evaluate(BARS)
    assert sum(heights) == pytest.approx(100, abs=0.1)
    assert "guess" in widget.locator(".nn-draw__summary").inner_text()
    values = widget.locator(".nn-bars__value").all_inner_texts()
    assert all(value.endswith("%") for value in values)
    widget.locator(WIDGET).evaluate("element => element.scrollIntoView({block: 'center'})")
    widget.locator(WIDGET).screenshot(path=str(screenshots / "draw-digit.png"))
    widget.locator(WIDGET).get_by_role("button", name="Clear").click()
    assert widget.evaluate(PREDICTION) == -1
    assert widget.evaluate(BARS) == [0.0] * 10
    assert widget.evaluate("drawDigit.canvasPixels()") is None


TWO = [(0.35, 0.3), (0.6, 0.2), (0.62, 0.5), (0.4, 0.75), (0.7, 0.75)]


@pytest.mark.parametrize("stroke", [TWO, SEVEN], ids=["two", "seven"])
def test_preparation_matches_prepare_digit(widget, stroke):
    draw(widget, stroke)
    browser = np.array(widget.evaluate("drawDigit.canvasPixels()"))
    data_url = widget.evaluate("document.querySelector('.nn-draw__canvas').toDataURL()")
    picture = Image.open(io.BytesIO(base64.b64decode(data_url.split(",", 1)[1])))
    python = prepare_digit.prepare(picture).astype(int)
    assert browser.shape == python.shape == (784,)
    assert np.abs(browser - python).max() <= 1


def prepared_both_ways(page, picture: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A grey picture prepared by the browser's drawDigit.prepare and by prepare_digit.py."""
    height, width = picture.shape
    rgba = np.dstack([picture] * 3 + [np.full_like(picture, 255)])
    browser = page.evaluate("""([width, height, data]) => Array.from(drawDigit.prepare(
        new ImageData(Uint8ClampedArray.from(data), width, height)))""",
                            [width, height, rgba.ravel().tolist()])
    return np.array(browser), prepare_digit.prepare(Image.fromarray(picture)).astype(int)


def test_preparation_of_a_tiny_digit(functions):
    """Ink smaller than the 20 x 20 box is enlarged by interpolation, not shrunk."""
    picture = np.full((60, 50), 240, np.uint8)  # dark ink on light paper, this time
    picture[20:33, 22:27] = 30
    picture[21:23, 20:22] = 90
    browser, python = prepared_both_ways(functions, picture)
    assert np.abs(browser - python).max() <= 1


def stroke_on(paper: int, ink: int) -> np.ndarray:
    """A grey picture of a thick stroke."""
    picture = np.full((60, 50), paper, np.uint8)
    picture[15:45, 20:28] = ink
    return picture


@pytest.mark.parametrize("picture", [stroke_on(110, 10), stroke_on(140, 240),
                                     in_shadow(stroke_on(240, 20))],
                         ids=["dim", "light-on-mid-grey", "shadow"])
def test_preparation_tells_ink_from_paper_in_any_light(functions, picture):
    """The median is the paper and the ink lies furthest from it, in Python and here alike."""
    browser, python = prepared_both_ways(functions, picture)
    assert np.abs(browser - python).max() <= 1
    clean = prepared_both_ways(functions, stroke_on(255, 0))[1]
    assert np.corrcoef(python, clean)[0, 1] > 0.8


def test_a_speck_far_from_the_digit_does_not_shrink_it(functions):
    """The crop leaves out the outermost half percent of the ink, in Python and here alike."""
    picture = np.full((100, 100), 235, np.uint8)
    picture[20:80, 45:60] = 25  # a thick 1: 900 dark pixels
    picture[2:4, 2:4] = 25  # a speck of 4 pixels in a corner: 0.4 % of the ink
    browser, python = prepared_both_ways(functions, picture)
    assert np.abs(browser - python).max() <= 1
    rows_with_ink = np.flatnonzero(python.reshape(28, 28).any(axis=1))
    assert rows_with_ink[-1] - rows_with_ink[0] + 1 == prepare_digit.BOX  # the 1, full height


def test_keyboard_only(widget):
    example = widget.locator(WIDGET).get_by_role("button", name="Show an example digit")
    example.focus()
    widget.keyboard.press("Enter")
    assert "MNIST test image of a 0" in widget.locator(".nn-draw__summary").inner_text()
    assert widget.evaluate(PREDICTION) >= 0
    widget.keyboard.press("Shift+Tab")
    assert widget.evaluate("document.activeElement.textContent") == "Clear"
    outline = widget.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "the focused button shows no focus outline"
    widget.keyboard.press("Space")
    assert widget.evaluate(PREDICTION) == -1


def test_exported_json_is_plain_data_in_its_own_file(functions):
    model = json.loads(exported_model(functions))
    assert [layer["shape"] for layer in model["layers"]] == [[64, 784], [10, 64]]
    assert model["activation"] == "relu" and model["output"] == "softmax"
    assert "nnDigitModel" not in functions.content()  # not inlined in the page
    loaded = "[...document.scripts].some(s => s.src.endsWith('/models/digit-model.js'))"
    assert functions.evaluate(loaded)


def test_draw_digit_is_accessible(widget):
    draw(widget, SEVEN)
    problems = accessibility_problems(widget)
    assert not problems, "\n".join(problems)


def test_a_shadow_is_paper_here_too(functions):
    """The paper level (a closing over blocks) matches prepare_digit.paper_level's."""
    columns = np.arange(150)
    shadow = 1 - 0.3 * np.clip((columns - 90) / 10, 0, 1)  # the right side in shadow
    grain = np.random.default_rng(0).normal(0, 4, (120, 150))  # the paper's texture
    picture = np.round(230 * shadow + grain).clip(0, 255).astype(np.uint8)
    picture[25:95, 40:52] = 140  # a faint 1, lighter than the shadow
    browser, python = prepared_both_ways(functions, picture)
    assert np.abs(browser - python).max() <= 1
    columns_with_ink = np.flatnonzero(python.reshape(28, 28).any(axis=0))
    assert columns_with_ink[-1] - columns_with_ink[0] < 10  # the 1 alone, not the shadow
