"""Open the real app in headless Chromium, as a learner would.

Needs Debian's chromium (/usr/bin/chromium) and the playwright package; no browser is ever
downloaded. Skipped with the reason when either is missing, except under CI=true, where a
missing browser fails the run.
"""

import io
import os
import random
import re
import shutil
import signal
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import numpy as np
import pytest
from PIL import Image

from playground import format as fmt
from playground.content import controls
from playground.content.glossary import TERMS
from playground.content.pages import ALL_PAGES
from playground.models import houses, landscapes, linear
from scripts.bench import RECORD_DRAWS, RECORD_REPLIES, STEP_NOW, drag_slider
from scripts.load import free_port, served
from scripts.serve import COOKIE, cluster
from tests.apptest import TEXT_ONLY
from tests.browser.slow import slow_connection
from tests.hostile import hostile_params
from tests.pages.test_hostile_links import known_names
from tests.pages.test_words import control_ends

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

try:
    import zxingcpp
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    sync_playwright = None

missing = (
    "the playwright, axe-playwright-python or zxing-cpp package is not installed"
    if sync_playwright is None
    else (None if Path(CHROMIUM).exists() else "Debian's chromium is not installed (apt-get install -y chromium)")
)
if missing and os.environ.get("CI") == "true":
    raise RuntimeError(f"browser tests must run in CI, but {missing}")
pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing is not None, reason=missing or "")]


@contextmanager
def served_app():
    port = free_port()
    with served(port):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base_url():
    with served_app() as url:
        yield url


@pytest.fixture
def page(browser):
    p = browser.new_page(viewport={"width": 1400, "height": 1000})
    yield p
    p.close()


def settle(page, charts: bool = True):
    """Wait until the page's title (and first chart, if it has charts) has drawn and Streamlit has stopped."""
    page.wait_for_selector("h1", timeout=30_000)
    if charts:
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30_000)
    page.wait_for_timeout(300)


def assert_drawn_without_errors(page, has_charts: bool = True):
    assert page.locator('[data-testid="stException"]').count() == 0
    charts = page.locator('[data-testid="stPlotlyChart"]')
    assert (charts.count() > 0) is has_charts
    for i in range(charts.count()):
        expect(charts.nth(i).locator(".main-svg").first).to_be_attached(timeout=20_000)


def test_a_fresh_server_opened_at_a_deep_link_serves_the_whole_app(browser):
    """The first visitor of a new server arrives by a shared link: frame, sidebar and values hold."""
    page = browser.new_page()
    with served_app() as url:
        page.goto(f"{url}/parameters?w=180&present=1")
        settle(page)
        nav = page.locator('[data-testid="stSidebarNav"]')
        for info in ALL_PAGES:
            expect(nav).to_contain_text(info.title)
        expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("Presenter mode")
        expect(page.locator('[data-testid="stSlider"]').first).to_contain_text("$180")
    page.close()


@pytest.mark.parametrize("info", ALL_PAGES, ids=[p.slug for p in ALL_PAGES])
def test_every_page_draws_its_charts_without_errors(page, base_url, info):
    page.goto(f"{base_url}/{'' if info.slug == 'home' else info.slug}")
    settle(page, info.slug not in TEXT_ONLY)
    assert_drawn_without_errors(page, info.slug not in TEXT_ONLY)
    expect(page.locator("h1").first).to_contain_text(info.title)


def test_a_link_full_of_bad_values_shows_a_notice_not_an_error(page, base_url):
    page.goto(f"{base_url}/parameters?w=abc&b=nan&dirty=500&nonsense=1")
    settle(page)
    assert_drawn_without_errors(page)
    notice = page.locator('[data-testid="stAlertContentWarning"]')
    for quoted in ("w value abc", "b value nan", "dirty value 500", "setting nonsense means nothing"):
        expect(notice).to_contain_text(quoted)


def test_moving_a_knob_with_the_keyboard_redraws_the_line_and_updates_the_link(page, base_url):
    page.goto(f"{base_url}/parameters")
    settle(page)
    line = page.locator('[data-testid="stPlotlyChart"]').first.locator(".scatterlayer .trace").nth(2)
    before = line.locator("path").first.get_attribute("d")
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    thumb.focus()
    for _ in range(30):
        thumb.press("ArrowRight")
    expect(page.locator('[data-testid="stSlider"]').first).to_contain_text("$130")
    page.wait_for_function("() => window.location.search.includes('w=130')", timeout=20_000)
    settle(page)
    expect(line.locator("path").first).not_to_have_attribute("d", before, timeout=20_000)


def test_presenter_mode_enlarges_type_and_survives_a_page_change(page, base_url):
    page.goto(f"{base_url}/parameters")
    settle(page)
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    prose = page.locator('[data-testid="stMain"] [data-testid="stMarkdownContainer"] p').first
    normal = prose.evaluate(size)
    page.get_by_text("Presenter mode").click()
    page.wait_for_function("() => window.location.search.includes('present=1')", timeout=20_000)
    settle(page)
    assert prose.evaluate(size) > normal
    # a slider's value, large and bold, sits above its thumb and below its label, touching neither
    value = page.locator('[data-testid="stSliderThumbValue"]').first
    thumb = value.locator("xpath=..").bounding_box()  # the thumb holds its value label
    label = page.locator('[data-testid="stSlider"] [data-testid="stWidgetLabel"]').first.bounding_box()
    assert label["y"] + label["height"] <= value.bounding_box()["y"]
    assert value.bounding_box()["y"] + value.bounding_box()["height"] <= thumb["y"] + 1
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.bounding_box()["width"] < 1  # the room sees the page, not the menu
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.locator('[data-testid="stSidebarNav"] a').first.click()
    page.wait_for_function("() => window.location.search.includes('present=1')", timeout=20_000)


@pytest.mark.parametrize("width", [1280, 1000])
def test_every_option_of_a_button_row_stays_in_view_in_a_narrow_column(browser, base_url, width):
    narrow = browser.new_page(viewport={"width": width, "height": 900})
    narrow.goto(f"{base_url}/gradient_descent?present=1")  # landscapes and optimizers share one row of columns
    settle(narrow)
    for group in narrow.locator('[data-testid="stButtonGroup"]').all():
        box = group.bounding_box()
        for option in group.locator("button").all():
            edge = option.bounding_box()
            assert edge["x"] >= box["x"] - 1 and edge["x"] + edge["width"] <= box["x"] + box["width"] + 1, (
                option.inner_text()
            )
    narrow.close()


def test_a_scene_button_sets_up_the_story_and_the_link_follows(page, base_url):
    page.goto(f"{base_url}/loss_functions?mansions=4")
    settle(page)
    page.get_by_role("button", name="Confident and wrong").click()
    page.wait_for_function("() => window.location.search.includes('p=0.02')", timeout=20_000)
    settle(page)
    # a scene resets what it does not name (mansions back to its default, 2, which a link always names)
    assert "mansions=2" in page.evaluate("location.search")
    expect(page.locator('[data-testid="stMetric"]').filter(has_text="Cross-entropy penalty")).to_contain_text("3.91")
    assert_drawn_without_errors(page)


def test_pressing_play_walks_downhill_in_the_browser_without_a_rerun(page, base_url):
    page.goto(f"{base_url}/gradient_descent?steps=60")
    settle(page)
    player = page.locator('[data-testid="stPlotlyChart"]').first
    step = player.locator(STEP_NOW)  # the chart's own readout of the step on screen
    expect(step).to_have_text("Step 0")
    player.get_by_text("▶ Play").click()
    page.wait_for_timeout(500)
    assert page.locator('[data-testid="stStatusWidget"]').count() == 0  # playback triggered no rerun
    expect(step).to_have_text("Step 60", timeout=20_000)  # 60 frames at 60 ms: a few seconds


def _landscape_drawn(player) -> tuple[int, int]:
    """The painted picture and the contour line paths the player shows right now."""
    pictures = player.locator("g.imagelayer image").count()  # the painted map, not the invisible touch grid (g.hm)
    lines = player.evaluate(
        """el => [...el.querySelectorAll('.scatterlayer .trace')].filter(t => {
            const drawn = [...t.querySelectorAll('path.js-line')].map(d => (d.getAttribute('d') || '').length);
            return drawn.length >= 5 && drawn.reduce((a, n) => a + n, 0) > 2000 && t.style.opacity !== '0';
        }).length"""  # the contour lines: many long paths in one trace
    )
    return pictures, lines


@pytest.mark.parametrize("blind", ["0", "1"])
def test_the_walk_is_drawn_on_its_landscape_during_play_after_it_and_at_the_reveal(page, base_url, blind):
    page.goto(f"{base_url}/gradient_descent?steps=20&blind={blind}")
    settle(page)
    player = page.locator('[data-testid="stPlotlyChart"]').first
    before = _landscape_drawn(player)
    assert before[0] == (1 if blind == "0" else 0)  # blindfolded, the picture waits for the end
    player.get_by_text("▶ Play").click()
    page.wait_for_timeout(400)
    if blind == "0":
        assert _landscape_drawn(player)[0] == 1  # mid-play, the landscape is still there
    expect(player.locator(STEP_NOW)).to_have_text("Step 20", timeout=20_000)
    page.wait_for_timeout(300)
    pictures, lines = _landscape_drawn(player)
    assert pictures == 1 and lines >= 1  # after the walk (and at the blindfold's reveal): picture and lines
    box = player.locator("image").first.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 150


def _map_point(player, x: float, y: float) -> list[float]:
    """Where the map's point (x, y) is on the screen (the player scrolled into view)."""
    return player.locator(".js-plotly-plot").evaluate(
        """(gd, [x, y]) => {
            gd.scrollIntoView({block: "center"});
            const L = gd._fullLayout, box = gd.getBoundingClientRect();
            return [box.left + L._size.l + L.xaxis.d2p(x), box.top + L._size.t + L.yaxis.d2p(y)];
        }""",
        [x, y],
    )


@pytest.mark.parametrize("blind", ["0", "1"])
def test_hovering_the_map_reads_the_line_and_its_loss_there_before_and_after_play(page, base_url, blind):
    page.goto(f"{base_url}/gradient_descent?steps=10&blind={blind}")
    settle(page)
    player = page.locator('[data-testid="stPlotlyChart"]').first
    land = landscapes.HOUSE
    x, y = land.at(0.52, 0.24)  # a touch cell's centre, where the line's bias is below zero
    w, b = land.units.line_in_dollars(x, y)
    said = f"a line at ${w:,.0f} per sq ft and -${-b:,.0f}: loss {land.loss(x, y):.3g}"
    label = player.locator(".hoverlayer")
    page.mouse.move(*_map_point(player, x, y))
    if blind == "1":  # blindfolded, the map tells nothing until the walk ends
        page.wait_for_timeout(500)
        expect(label).not_to_contain_text("loss")
    else:
        expect(label).to_contain_text(said)  # the same numbers the model gives, a minus before the dollar
        expect(label).to_contain_text("click to start here")
    player.get_by_text("▶ Play").click()
    expect(player.locator(STEP_NOW)).to_have_text("Step 10", timeout=20_000)
    page.mouse.move(0, 0)
    page.mouse.move(*_map_point(player, x, y))
    expect(label).to_contain_text(said)  # after the walk (and the blindfold's reveal), the readout answers
    expect(label).to_contain_text("click to start here")


def test_clicking_the_map_starts_the_walk_there_and_the_sliders_and_link_follow(page, base_url):
    page.goto(f"{base_url}/gradient_descent?land=mountains&steps=20")
    settle(page)
    land = landscapes.MOUNTAINS
    x, y = land.at(0.52, 0.24)  # the centre of one of the touch grid's cells (0.04 apart)
    page.mouse.click(*_map_point(page.locator('[data-testid="stPlotlyChart"]').first, x, y))
    page.wait_for_function("() => window.location.search.includes('sx=0.52')", timeout=20_000)
    settle(page)
    query = page.evaluate("location.search")
    assert "sx=0.52" in query and "sy=0.24" in query
    sliders = page.locator('[data-testid="stSlider"]')
    start_x = sliders.filter(has_text="Start: left to right").first
    expect(start_x).to_contain_text("0.52")
    assert_drawn_without_errors(page)


def _first_chart_ranges(page) -> list:
    return page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first.evaluate(
        "gd => [gd._fullLayout.xaxis.range.slice(), gd._fullLayout.yaxis.range.slice()]"
    )


def test_the_axes_hold_still_while_the_knobs_and_the_loop_move(page, base_url):
    page.goto(f"{base_url}/parameters")
    settle(page)
    frames = [_first_chart_ranges(page)]
    thumb = page.locator('[data-testid="stMain"] [data-testid="stSlider"] input[type="range"]').first
    for key in ("End", "Home", "ArrowRight"):  # the weight's extremes and a step
        thumb.focus()
        thumb.press(key)
        page.wait_for_timeout(400)
        settle(page)
        frames.append(_first_chart_ranges(page))
    assert all(f == frames[0] for f in frames), frames
    page.goto(f"{base_url}/training_loop")
    settle(page)
    chart = page.locator('[data-testid="stPlotlyChart"]').nth(1)
    ranges = lambda: chart.locator(".js-plotly-plot").evaluate(  # noqa: E731
        "gd => [gd._fullLayout.xaxis.range.slice(), gd._fullLayout.yaxis.range.slice(),"
        "  [gd._fullLayout._size.t, gd._fullLayout._size.h]]"  # nor the plot: the legend's rows differ by stage
    )
    frames = [ranges()]
    for _ in range(5):  # through an iteration and into the next batch
        page.get_by_role("button", name="Next stage").click()
        page.wait_for_timeout(300)
        settle(page)
        frames.append(ranges())
    assert all(f == frames[0] for f in frames), frames


@pytest.mark.parametrize(("width", "height", "present"), [(1280, 800, False), (1920, 1080, True)])
def test_the_training_loops_buttons_loop_and_line_share_one_screen(page, base_url, width, height, present):
    """The line sat under the loop's drawing and the four numbers: at 1280 x 800 a learner pressed Next
    stage and the line it moved was below the screen (on a projector, half of it)."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{base_url}/training_loop" + ("?present=1" if present else ""))
    settle(page)
    _click_scene(page, "Ten rounds in", "step=40")
    _assert_scene_in_view(page, "loop_walk", "Ten rounds in")  # the buttons, just under the header
    for _ in range(2):
        page.get_by_role("button", name="Next stage").click()
        settle(page)
        charts = [c.bounding_box() for c in page.locator('[data-testid="stPlotlyChart"]').all()[:2]]
        assert all(box["y"] >= 60 and box["y"] + box["height"] <= height for box in charts), charts
        assert abs(charts[0]["y"] - charts[1]["y"]) < 2  # the loop beside the line
    expect(page.get_by_role("button", name="Next stage")).to_be_in_viewport()
    assert_drawn_without_errors(page)


def test_putting_steps_in_order_leaves_the_undo_buttons_where_they_are(page, base_url):
    """On one row with the steps, "Take the last one back" slid left under the pointer as steps were
    placed, and at 1280 px "Start over" wrapped alone onto a row of its own."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/training_loop")
    settle(page)
    back = page.get_by_role("button", name="Take the last one back")
    start_over = page.get_by_role("button", name="Start over").last  # the first starts the loop over
    back.scroll_into_view_if_needed()
    where = [(back.bounding_box(), start_over.bounding_box())]
    assert abs(where[0][0]["y"] - where[0][1]["y"]) < 2  # side by side
    for step in ("Forward pass", "Loss", "Backpropagation", "Update"):
        page.get_by_role("button", name=step, exact=True).last.click()
        page.wait_for_timeout(300)
        settle(page)
        where.append((back.bounding_box(), start_over.bounding_box()))
    assert all(abs(b["x"] - where[0][0]["x"]) < 1 and abs(c["x"] - where[0][1]["x"]) < 1 for b, c in where), where
    expect(back).to_be_enabled()
    assert_drawn_without_errors(page)


def test_a_scene_brings_the_section_it_changed_into_view_and_is_marked(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base_url}/loss_functions")
    settle(page)
    assert page.locator(".st-key-loss_p").bounding_box()["y"] > 800  # far below the fold at first
    _click_scene(page, "Confident and wrong", "p=0.02")
    _assert_scene_in_view(page, "loss_p", "Confident and wrong")  # the changed control is on screen
    marked = page.locator('[data-testid="stBaseButton-primary"]').all_inner_texts()
    assert marked and all("Confident and wrong" in text for text in marked)  # the one scene on screen
    # a cost set in the first section shows in a later one: the scene brings the later one up
    _click_scene(page, "Under-pricing costs 3×", "k=3")
    _assert_scene_in_view(page, "loss_business", "Under-pricing costs 3×")
    expect(page.get_by_text("loses the seller 3 times as much")).to_be_in_viewport()
    page.goto(f"{base_url}/gradient_descent")
    settle(page)
    _click_scene(page, "Way too bold: diverges", "lr=0.2")
    _assert_scene_in_view(page, "gd_lr", "Way too bold: diverges")
    walk = page.locator('[data-testid="stPlotlyChart"]').first.bounding_box()
    assert walk["y"] >= 60 and walk["y"] + walk["height"] <= 800  # the map and its loss curve, whole


def _press(page, key: str, times: int = 1, arrow: str = "ArrowRight") -> int:
    """Press an arrow key on the slider keyed ``key``; the number of websocket messages the server sent back."""
    thumb = page.locator(f".st-key-{key} input[type='range']")
    thumb.focus()
    page.evaluate("window.__replies = []")
    for _ in range(times):
        thumb.press(arrow)
    page.wait_for_timeout(400)
    settle(page)
    page.wait_for_timeout(500)
    return page.evaluate("window.__replies.length")


def _click_scene(page, name: str, in_link: str) -> int:
    """Click the scene ``name`` (a whole run) and wait for ``in_link`` in the link; the number of
    websocket messages the server sent back (with ``RECORD_REPLIES``). Forgets the last scene's scroll
    first, so ``_assert_scene_in_view`` waits for this one's."""
    page.evaluate("window.__replies = []; " + FORGET_SCROLL)
    page.get_by_role("button", name=name).click()
    page.wait_for_function(f"() => window.location.search.includes({in_link!r})", timeout=20_000)
    settle(page)
    page.wait_for_timeout(500)
    return page.evaluate("window.__replies.length")


def test_a_knob_reruns_its_section_with_what_reads_it_and_the_scene_row_never_the_whole_page(page, base_url):
    page.add_init_script(RECORD_REPLIES)
    page.goto(f"{base_url}/loss_functions")
    settle(page)
    whole = _click_scene(page, "One mansion", "mansions=1")
    marked = page.locator('[class*="st-key-scene-loss"] [data-testid="stBaseButton-primary"]')
    expect(page.get_by_text("· now: One mansion")).to_have_count(1)
    leaving = _press(page, "loss_pred")  # leaving the scene: the knob's section and the scene row
    expect(marked).to_have_count(0)
    expect(page.get_by_text("· now:")).to_have_count(0)
    alone = _press(page, "loss_pred")  # off every scene: its own section only
    assert 0 < alone < leaving < whole / 2, (alone, leaving, whole)
    # k is read by the next section: moving it reruns both, and the page's other parts stay put
    heading = page.get_by_text("Business cost per house (k = 2.5)")
    expect(heading).to_have_count(0)
    both = _press(page, "loss_k")
    expect(heading).to_have_count(1)
    expect(page.get_by_text("With k = 2.5 the asymmetric line")).to_have_count(1)
    assert alone < both < whole * 0.75, (alone, both, whole)
    _press(page, "loss_k", arrow="ArrowLeft")
    _press(page, "loss_pred", times=2, arrow="ArrowLeft")  # back on the scene's values: the row marks it again
    expect(page.get_by_text("· now: One mansion")).to_have_count(1)
    assert all("One mansion" in text for text in marked.all_inner_texts())
    assert_drawn_without_errors(page)


def test_overfittings_knobs_rerun_the_fit_and_its_charts_not_the_pages_header_and_glossary(page, base_url):
    page.add_init_script(RECORD_REPLIES)
    page.goto(f"{base_url}/overfitting")
    settle(page)
    whole = _click_scene(page, "About right", "degree=2")
    _press(page, "ovf_l2")  # leaves the scene
    alone = _press(page, "ovf_l2")  # off every scene: the fit's section
    assert 0 < alone < whole * 0.7, (alone, whole)
    expect(page.get_by_text("· now:")).to_have_count(0)
    assert_drawn_without_errors(page)


def test_a_knob_moved_into_a_scene_reruns_the_section_holding_the_scene_row_alone(page, base_url):
    """Gradient descent's scenes set the walk's controls only, so its scene row lives in the walk's
    section: crossing a scene's value with the rate reruns that section alone, and it marks the scene."""
    page.add_init_script(RECORD_REPLIES)
    page.goto(f"{base_url}/gradient_descent")
    settle(page)
    _press(page, "gd_ax")  # the second section's knob, which every scene puts back
    whole = _click_scene(page, "Too timid", "lr=0.001")  # both sections reset
    first_start = page.locator('[data-testid="stSlider"]').filter(has_text="First start: left to right").first
    expect(first_start).to_contain_text("0.07")  # back to its default
    marked = page.locator('[class*="st-key-scene-gd"] [data-testid="stBaseButton-primary"]')
    expect(page.get_by_text("· now: Too timid")).to_have_count(1)
    page.goto(f"{base_url}/gradient_descent")  # the defaults: "Just right", at a rate of 0.1
    settle(page)
    leaving = _press(page, "gd_lr")  # 0.1 -> 0.126: off every scene
    entering = _press(page, "gd_lr")  # -> 0.158, the oscillating scene's rate
    assert 0 < max(leaving, entering) < whole / 2, (leaving, entering, whole)
    expect(page.get_by_text("· now: Too bold: oscillates")).to_have_count(1)
    assert all("Too bold: oscillates" in text for text in marked.all_inner_texts())


def test_a_sections_own_run_keeps_a_changed_default_named_in_the_link(page, base_url):
    # mansions' default changed (0 -> 2): a link with this page's settings must always name it
    page.goto(f"{base_url}/loss_functions?actual=505000&mansions=3")
    settle(page)
    _press(page, "loss_mansions", arrow="ArrowLeft")  # to today's default, in its section's own run
    page.wait_for_function("() => new URLSearchParams(location.search).get('mansions') === '2'", timeout=20_000)
    assert "actual=505000" in page.url


def test_dragging_a_knob_moves_the_line_continuously_and_the_release_agrees_with_the_link(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/parameters")
    settle(page)
    plot = page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first
    page.evaluate(RECORD_DRAWS, ["Your line"])  # every new shape of the line, with its time
    start, end = drag_slider(page, "par_w", moves=40, step_px=3, pause_ms=20)  # about a second to the right
    during = page.evaluate(f"window.__draws.filter(([t]) => t >= {start} && t <= {end}).length")
    assert during / ((end - start) / 1000) >= 10, (during, end - start)  # the line kept up with the hand
    page.mouse.up()
    page.wait_for_function("() => window.location.search.includes('w=')", timeout=20_000)
    settle(page)
    page.evaluate("window.__stopDraws = true")
    w = int(page.evaluate("new URLSearchParams(location.search).get('w')"))
    shown = page.locator(".st-key-par_w input[type=range]").input_value()
    assert int(shown) == w > 100
    line = plot.evaluate("gd => { const t = gd._fullData.find(t => t.name === 'Your line'); return [t.x[0], t.y[0]]; }")
    assert line[1] == pytest.approx(w * line[0], rel=1e-4)  # the server's line, at the link's weight (b = 0)


SECTION_REACH = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const heads = [...main.querySelectorAll("h2")];
  const at = (el) => el.getBoundingClientRect().top + main.scrollTop;
  return heads.map((h, i) => {
    const top = at(h), bottom = i + 1 < heads.length ? at(heads[i + 1]) : Infinity;
    const inside = (sel) => [...main.querySelectorAll(sel)].filter((e) => at(e) >= top && at(e) < bottom);
    const parts = [
      inside('[data-testid="stPlotlyChart"]')[0],
      inside('[data-testid="stCaptionContainer"]')[0],
      inside('[data-testid="stMetric"]')[0],
    ].filter(Boolean);
    const reach = Math.max(0, ...parts.map((e) => e.getBoundingClientRect().bottom + main.scrollTop - top));
    return [h.innerText, Math.round(reach)];
  });
}"""


# The text of every chart on the page (legend entries, titles, notes) that runs past its chart's edge.
CHART_TEXT_CUT_OFF = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((gd) => {
  const box = gd.getBoundingClientRect();
  return [...gd.querySelectorAll('.legendtext, .gtitle, .g-xtitle text, .g-ytitle text, .annotation-text')]
    .filter((t) => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
    })
    .map((t) => t.textContent);
})"""


@pytest.mark.parametrize("slug", [p.slug for p in ALL_PAGES if p.slug not in TEXT_ONLY and p.slug != "home"])
def test_each_sections_chart_caption_and_key_number_fit_on_a_laptop_screen(page, base_url, slug):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base_url}/{slug}")
    settle(page)
    page.wait_for_timeout(500)
    too_tall = [(name, reach) for name, reach in page.evaluate(SECTION_REACH) if reach > 800]
    assert not too_tall, too_tall  # from its heading, each section's chart, caption and first number fit in 800 px
    title = page.locator('[data-testid="stMain"] h1').bounding_box()
    assert title["y"] < 60  # no empty band above the title
    assert_drawn_without_errors(page)  # every chart drawn, then none of their words cut off at the chart's edge
    assert page.evaluate(CHART_TEXT_CUT_OFF) == []
    assert page.evaluate(CHOICES_RAGGED) == []


# Text Streamlit cuts short with an ellipsis (a metric's label or value too wide for its column).
# The text's own width against its box's, unrounded: "Loss (mean squared err…" overflowed by 0.3 px,
# which scrollWidth (rounded to whole pixels) never shows, yet Chromium cut it.
TEXT_CUT_SHORT = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
  .filter((e) => e.textContent.trim() && getComputedStyle(e).textOverflow === 'ellipsis')
  .filter((e) => {
    const text = document.createRange();
    text.selectNodeContents(e);
    return text.getBoundingClientRect().width > e.getBoundingClientRect().width + 0.01;
  })
  .map((e) => e.textContent.trim())"""


CHARTLESS = ("your_data", "concept_check", "glossary")  # your_data until a table is uploaded
BY_TITLE = {info.slug: info.title for info in ALL_PAGES}


# Chart words (a legend entry, an axis title, a label) that run past their chart's edge: Plotly
# never wraps them, so in a narrow column "Mansions, off the chart: sold for $2.1M to $2.4" lost its end.
CHART_TEXT_OUTSIDE = """() => [...document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')]
  .flatMap((chart) => {
    const box = chart.getBoundingClientRect();
    return [...chart.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && getComputedStyle(t).display !== 'none')
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
          || r.bottom > box.bottom + 1);
      })
      .map((t) => t.textContent.trim());
  })"""


# Chart words across the edge of a box drawn on the chart (a closed, stroked shape, or a player's
# button): in presenter mode Epochs' "up to 10 epochs × 313 iterations" ran through the top of the
# epoch boxes, and Gradient descent's Play and Pause cut the foot of the axis title "Step".
CHART_TEXT_ACROSS_A_BOX = """() => [...document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')]
  .flatMap((chart) => {
    const boxes = [...chart.querySelectorAll('.shapelayer path')]
      .filter((p) => {
        const s = getComputedStyle(p);
        return /Z\\s*$/i.test(p.getAttribute('d') || '') && parseFloat(s.strokeWidth) > 0 && s.stroke !== 'none'
          && parseFloat(s.strokeOpacity) > 0 && !/rgba\\(.*, 0\\)$/.test(s.stroke);
      })
      .concat([...chart.querySelectorAll('.updatemenu-button rect')])
      .map((p) => ({ b: p.getBoundingClientRect(), own: p.closest('.updatemenu-button') }));
    const e = 2;  // a glyph's box is a little larger than its ink
    return [...chart.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && t.getBoundingClientRect().width)
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return boxes.some(({ b, own }) => !own?.contains(t)
          && r.left + e < b.right && r.right - e > b.left && r.top + e < b.bottom && r.bottom - e > b.top
          && !(r.left + e >= b.left && r.right - e <= b.right && r.top + e >= b.top && r.bottom - e <= b.bottom));
      })
      .map((t) => t.textContent.trim());
  })"""


# Chart words of two kinds on top of each other (an axis title and a tick label, a readout and a
# button): Gradient descent's "Step 0" ran into the map's tick labels and "Step" into Pause in a
# narrow column, and on a projector Loss functions' first tick labels met in the corner.
CHART_WORDS_ON_EACH_OTHER = """() => [...document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')]
  .flatMap((chart) => {
    const kinds = ['.xtick text, .x2tick text, .ytick text, .y2tick text', '.g-xtitle text, .g-x2title text',
      '.g-ytitle text, .g-y2title text, .gtitle', '.legend .traces', '.updatemenu-button', '.slider-label',
      '.annotation-text-g', '.textpoint text'];
    const e = 3;  // a glyph's box is its line's height, a little more than its ink, on every side
    const words = kinds.flatMap((q) => [...chart.querySelectorAll(q)]
      .filter((w) => w.textContent.trim() && w.getBoundingClientRect().width > 1 && getComputedStyle(w).opacity !== '0')
      .map((w) => ({ w, r: w.getBoundingClientRect(), ticks: w.closest('[class$="tick"]')?.parentNode ?? w })));
    const clash = (a, b) => a.r.left + e < b.r.right - e && b.r.left + e < a.r.right - e
      && a.r.top + e < b.r.bottom - e && b.r.top + e < a.r.bottom - e;
    return words.flatMap((a, i) => words.slice(i + 1)  // one axis's own tick labels: Plotly spaces those
      .filter((b) => a.ticks !== b.ticks && !a.w.contains(b.w) && !b.w.contains(a.w) && clash(a, b))
      .map((b) => `${a.w.textContent.trim()} / ${b.w.textContent.trim()}`));
  })"""


# A chart's label whose backing runs into a framed box (an annotation with a border): in a 1024 px
# window Backpropagation's level edges' labels ("w=+0.35 / ∂=+0.419") cut the borders of the boxes
# they join. Two pixels of edge must show between them.
LABEL_ON_A_BOX = """() => [...document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')]
  .flatMap((chart) => {
    const notes = [...chart.querySelectorAll('.annotation')].map((a) => {
      const bg = a.querySelector('rect.bg'), s = getComputedStyle(bg);
      const framed = parseFloat(s.strokeOpacity) > 0 && parseFloat(s.strokeWidth) > 1;
      return { framed, backed: parseFloat(s.fillOpacity) > 0, r: bg.getBoundingClientRect(), text: a.textContent };
    });
    const e = 2;
    return notes.filter((n) => !n.framed && n.backed).flatMap((l) => notes.filter((b) => b.framed)
      .filter((b) => l.r.left - e < b.r.right && l.r.right + e > b.r.left
        && l.r.top < b.r.bottom && l.r.bottom > b.r.top)
      .map((b) => `${l.text} / ${b.text}`));
  })"""

# A row of choices (a segmented control, pills) broken by its column's edge into rows of different
# lengths: at 1280 px Gradient descent's landscapes read "House prices / Mountains Ravine / Plateau".
# Each row is whole or a column, one choice a line; and a column only where the row would not fit.
CHOICES_RAGGED = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stButtonGroup"]')]
  .flatMap((group) => {
    const choices = [...group.querySelectorAll('button[data-variant]')];
    const rows = new Map();
    choices.forEach((c) => {
      const top = Math.round(c.getBoundingClientRect().top);
      rows.set(top, (rows.get(top) ?? 0) + 1);
    });
    const name = group.querySelector('[data-testid="stWidgetLabel"]')?.innerText.trim();
    const lengths = [...rows.values()];
    if (lengths.length > 1 && lengths.some((n) => n > 1)) return [`${name}: rows of ${lengths.join(', ')}`];
    if (lengths.length === 1) return [];
    const need = choices.reduce((sum, c) => {
      const text = document.createRange();
      text.selectNodeContents(c);
      const s = getComputedStyle(c);
      return sum + text.getBoundingClientRect().width + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight)
        + parseFloat(s.borderLeftWidth) + parseFloat(s.borderRightWidth);
    }, 0);
    const room = group.parentElement.getBoundingClientRect().width;
    const fits = `a column, though its row (${Math.round(need)} px) fits ${Math.round(room)} px`;
    return need < 0.97 * room ? [`${name}: ${fits}`] : [];
  })"""
# Key numbers side by side that do not stand on one line: at 1024 px one label of a row wrapped
# ("Typical miss on this batch", "Right on held-out digits") and dropped its number below the others',
# and Parameters' "54.7 billion" broke over two lines in a quarter of its row (its bottom fell below).
NUMBERS_OUT_OF_LINE = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid=stHorizontalBlock]')]
  .flatMap((row) => {
    const columns = [...row.children].filter((c) => c.getBoundingClientRect().height);
    const top = columns.length && columns[0].getBoundingClientRect().top;
    const values = columns
      .filter((c) => Math.abs(c.getBoundingClientRect().top - top) < 2)  // side by side, not stacked
      .map((c) => [...c.querySelectorAll('[data-testid="stMetricValue"]')]
        .find((v) => v.closest('[data-testid="stHorizontalBlock"]') === row))
      .filter(Boolean);
    const spread = (side) => Math.max(...values.map((v) => v.getBoundingClientRect()[side]))
      - Math.min(...values.map((v) => v.getBoundingClientRect()[side]));
    return values.length > 1 && (spread('top') > 2 || spread('bottom') > 2)  // one line, one size
      ? ['numbers out of line: ' + values.map((v) => v.textContent.trim()).join(' / ')] : [];
  })"""
WORDS_ILL_SET = (
    f"() => [...({TEXT_CUT_SHORT})(), ...({CHART_TEXT_OUTSIDE})(), ...({CHART_TEXT_ACROSS_A_BOX})(),"
    f" ...({CHART_WORDS_ON_EACH_OTHER})(), ...({LABEL_ON_A_BOX})(), ...({CHOICES_RAGGED})(),"
    f" ...({NUMBERS_OUT_OF_LINE})()]"
)


def _scene_links(spec) -> list[str]:
    """The page's own address, each scene's (every control named, so no older default applies), and
    every control at its low end and at its high end together."""

    def link(values):
        return urlencode({c.name: c.spec.to_text(values.get(c.name, c.spec.default)) for c in spec.controls})

    ends = [{c.name: control_ends(c.spec)[end] for c in spec.controls if control_ends(c.spec)} for end in (0, -1)]
    return ["", *(link(scene.values) for scene in spec.scenes), *(link(values) for values in ends)]


@pytest.mark.parametrize("spec", controls.ALL, ids=lambda s: s.slug)
def test_no_number_or_label_is_cut_short_on_a_small_laptop_at_any_scene(page, base_url, spec):
    """At 1280 px "$182 per sq ft" read "$18…", and a wild model's miss "more than $1…"; at 1024 px
    (a small laptop, half of a 1920 px screen with the sidebar open) a dozen labels, values and
    options more ("Your typical m…", "$233,8…", "Gradient des…"), and chart words ran off their
    chart ("PT-3 language model", "Training program: up to 10 epochs × 313 iteratio"); chart words
    sat on each other (Gradient descent's "Step 0" on its map's tick labels, "Step" on Pause; the
    loop's "repeat, batch after batch" under its Update and Loss boxes)."""
    page.set_viewport_size({"width": 1024, "height": 800})
    cut = {}
    for query in _scene_links(spec):
        page.goto(f"{base_url}/{spec.slug}?{query}")
        settle(page, charts=spec.slug not in CHARTLESS)
        page.evaluate("document.fonts.ready.then(() => true)")
        if found := page.evaluate(WORDS_ILL_SET):
            cut[query or "defaults"] = found
    assert not cut, cut


@pytest.mark.parametrize("spec", controls.ALL, ids=lambda s: s.slug)
def test_on_a_projector_no_word_is_cut_short_or_runs_off_its_chart_at_any_scene(page, base_url, spec):
    """Presenter mode grows every chart's type: Forward pass's "Truth: 0" rose past its chart's top,
    and Epochs' program title ran through its epoch boxes."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    cut = {}
    for query in _scene_links(spec)[: 1 + len(spec.scenes)]:  # the page's own address and each scene
        page.goto(f"{base_url}/{spec.slug}?{query}&present=1")
        settle(page, charts=spec.slug not in CHARTLESS)
        page.evaluate("document.fonts.ready.then(() => true)")
        if found := page.evaluate(WORDS_ILL_SET):
            cut[query or "defaults"] = found
    assert not cut, cut


# In presenter mode, what a room cannot read: any word or number in the main area (a control's
# label or value, a table cell, a number box) smaller than the prose, a slider's value not bold, or
# text under 4.5:1 against what is behind it (WCAG AAA for large text; presenter text is all large;
# a disabled button is faded on purpose, and WCAG exempts it).
PRESENTER_SMALL_PRINT = """() => {
  const rgba = (c) => {
    const v = c.match(/[\\d.]+/g).map(Number);
    return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
  };
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3]));
  const luminance = (rgb) => {
    const f = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2]);
  };
  const behind = (e) => { for (; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) return over(c, [255, 255, 255]); } return [255, 255, 255]; };
  const main = document.querySelector('[data-testid="stMain"]');
  const body = parseFloat(getComputedStyle(main.querySelector('[data-testid="stMarkdownContainer"] p')).fontSize);
  const found = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement, text = n.textContent.trim();
    if (!text) continue;
    const r = e.getBoundingClientRect(), style = getComputedStyle(e);
    if (!r.width || !r.height || style.visibility === 'hidden') continue;
    if (style.fontFamily.includes('Material')) continue;  // an icon: a glyph, not a word
    const px = parseFloat(style.fontSize);
    if (e.closest('svg')) {  // a chart's words, as drawn (Plotly shrinks a bar's text to fit it); their ink
      const m = e.getScreenCTM(), drawn = px * Math.hypot(m.a, m.b);  // is checked where charts are built
      if (drawn < body - 0.5) found.push(`chart: ${text.slice(0, 30)}: ${drawn.toFixed(1)}px, the prose is ${body}px`);
      continue;
    }
    const thumb = e.closest('[data-testid="stSliderThumbValue"]');
    const under = behind(thumb ? e.closest('[data-testid="stSlider"]') : e);
    const rgb = over(rgba(style.color), under);
    const [hi, lo] = [luminance(rgb), luminance(under)].sort((a, b) => b - a);
    const contrast = (hi + 0.05) / (lo + 0.05);
    if (px < body - 0.5) found.push(`${text.slice(0, 30)}: ${px}px, the prose is ${body}px`);
    if (thumb && parseInt(style.fontWeight) < 700) found.push(`slider value ${text} is not bold`);
    if (contrast < 4.5 && !e.closest('[disabled]')) found.push(`${text.slice(0, 30)}: ${contrast.toFixed(1)}:1`);
  }
  for (const box of main.querySelectorAll('input[type="text"], input[type="number"], input:not([type]), textarea')) {
    const px = parseFloat(getComputedStyle(box).fontSize);
    const label = box.getAttribute('aria-label');
    if (box.getBoundingClientRect().width > 10 && px < body - 0.5) found.push(`${label} box: ${px}px`);
  }
  return found;
}"""


# How far below its heading each section's controls, first chart and first key number end: scrolled
# to its heading, a section must show all three on a 1080-pixel-high projector.
SECTION_DEPTHS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const headings = [...main.querySelectorAll('h2')];
  const parts = '[data-testid=stSlider], [data-testid=stSelectSlider], [data-testid=stToggle], '
    + '[data-testid=stButtonGroup], [data-testid=stNumberInput], [data-testid=stExpander]';
  return Object.fromEntries(headings.map((h, i) => {
    const top = h.getBoundingClientRect().top;
    const end = i + 1 < headings.length ? headings[i + 1].getBoundingClientRect().top : Infinity;
    const inside = (q) => [...main.querySelectorAll(q)]
      .filter((e) => e.getBoundingClientRect().height && e.getBoundingClientRect().top >= top
        && e.getBoundingClientRect().top < end);
    const shown = [...inside(parts), ...inside('[data-testid=stPlotlyChart]').slice(0, 1),
      ...inside('[data-testid=stMetric]').slice(0, 1)];
    return [h.textContent, Math.max(0, ...shown.map((e) => e.getBoundingClientRect().bottom - top))];
  }));
}"""


@pytest.mark.parametrize("spec", controls.ALL, ids=lambda s: s.slug)
def test_in_presenter_mode_every_word_reads_from_the_back_and_each_section_fits_the_screen(page, base_url, spec):
    """Slider values (the rate that makes the walk diverge) were 17 px, labels and number boxes
    smaller than the prose, chart words 22 px beside 25 px prose, the sidebar took 320 px of the
    projector, and Gradient descent's Play sat below a 1080-pixel screen."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{base_url}/{spec.slug}?present=1")
    settle(page, charts=spec.slug not in CHARTLESS)
    page.evaluate("document.fonts.ready.then(() => true)")
    with suppress(PlaywrightTimeout):  # on a busy machine the last run's words land late
        page.wait_for_function(f"() => ({PRESENTER_SMALL_PRINT})().length === 0", timeout=10_000)
    assert not page.evaluate(PRESENTER_SMALL_PRINT)
    assert page.locator('[data-testid="stSidebar"]').bounding_box()["width"] < 1
    depths = page.evaluate(SECTION_DEPTHS)
    assert all(depth <= 1080 for depth in depths.values()), depths  # scrolled to its heading, all in view


def test_coming_back_from_the_glossary_finds_the_page_as_the_learner_left_it(page, base_url):
    """The sidebar, a glossary "See them on" link or a concept check "Revisit" link opened a page
    at its defaults: the learner's setup was gone (only the browser's Back button kept it)."""
    page.goto(f"{base_url}/parameters")
    settle(page)
    weight = page.locator(".st-key-par_w")
    _press(page, "par_w", times=30)
    page.wait_for_function("() => window.location.search.includes('w=130')", timeout=20_000)
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name="Glossary").click()
    page.wait_for_url("**/glossary", timeout=20_000)
    settle(page, charts=False)
    nav.get_by_role("link", name="Parameters").click()
    page.wait_for_function("() => window.location.search.includes('w=130')", timeout=20_000)
    settle(page)
    expect(weight).to_contain_text("$130")
    see_it = page.locator('[data-testid="stMain"]').get_by_role("link", name="See them on Parameters").first
    nav.get_by_role("link", name="Glossary").click()
    settle(page, charts=False)
    see_it.click()
    page.wait_for_function("() => window.location.search.includes('w=130')", timeout=20_000)
    settle(page)
    expect(weight).to_contain_text("$130")
    page.goto(f"{base_url}/glossary")  # a new visit (a new tab, a reload): nothing to come back to
    settle(page, charts=False)
    see_it.click()
    settle(page)
    expect(weight).to_contain_text("$100")
    assert "w=" not in page.url


def test_home_starts_the_learner_on_parameters_and_its_loop_opens_each_stages_page(page, base_url):
    page.goto(base_url)
    settle(page)
    page.get_by_role("button", name="Start here: Parameters").click()
    page.wait_for_url("**/parameters", timeout=20_000)
    settle(page)
    page.goto(base_url)
    settle(page)
    page.locator('[data-testid="stPlotlyChart"] a', has_text="Loss").click()
    page.wait_for_url("**/loss_functions", timeout=20_000)
    settle(page)
    expect(page.locator("h1")).to_have_text("Loss functions")


# Each arrow the training loop's chart draws: its line's and its head's length on screen, in px.
LOOP_ARROWS = """() => [...document.querySelector('[data-testid="stMain"] .js-plotly-plot')
  .querySelectorAll('.annotation-arrow-g')].map((arrow) => [...arrow.querySelectorAll('path')]
  .map((p) => Math.hypot(p.getBoundingClientRect().width, p.getBoundingClientRect().height)))"""


@pytest.mark.parametrize("width", [1024, 390])
def test_the_training_loop_draws_every_arrow_in_a_narrow_column(page, base_url, width):
    """At 1024 px the arrow from Initialize to Forward pass was gone: it stood off 75 px from both
    boxes' centres, and the centres were 137 px apart, so Initialize floated unconnected."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base_url}/training_loop")
    settle(page)
    arrows = page.evaluate(LOOP_ARROWS)
    assert len(arrows) == 5, arrows  # into the loop, then round it
    assert all(len(paths) == 2 and min(paths) > 15 for paths in arrows), arrows  # a line and a head each


@pytest.mark.parametrize("layer", ["Hidden layer", "Output"])
def test_forward_pass_shows_each_layers_maths_whole_in_its_column(page, base_url, layer):
    """The layer's two equations stood on one line, wider than the column: at 1280 px it was cut
    at "a₁ = ReLU(", at 1024 px only "z₁ = W₁a₀ + b₁," showed."""
    page.set_viewport_size({"width": 1024, "height": 900})
    page.goto(f"{base_url}/forward_pass?{urlencode({'layer': layer})}")
    settle(page)
    page.get_by_text("Show the maths for this layer").click()
    maths = page.locator(".katex-display")
    expect(maths.first).to_be_visible()
    cut = maths.evaluate_all("(all) => all.filter((e) => e.scrollWidth > e.clientWidth + 4).map((e) => e.textContent)")
    assert maths.count() == 2 and not cut


# A term's tip as the learner sees it: shown or not, its words, where it lies, and how opaque it is
# once every ancestor's opacity is applied (a caption's 0.6 would let the chart show through).
TIP = """(term) => {
  const tip = term.querySelector('.tip'), box = tip.getBoundingClientRect();
  let opacity = 1;
  for (let e = tip; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
  return {shown: getComputedStyle(tip).display !== 'none', text: tip.textContent, left: box.left,
          right: box.right, top: box.top, word: term.getBoundingClientRect().bottom, opacity};
}"""


def _term(page, word: str, within: str = ""):
    return page.locator(f"{within} .term".strip()).filter(has_text=re.compile(f"^{word}")).first


def _explains(tip: dict, name: str, width: int) -> bool:
    return (
        tip["shown"]
        and tip["text"] == f"{name}. {TERMS[name.lower()].explanation}"
        and 0 <= tip["left"] < tip["right"] <= width
        and tip["top"] >= tip["word"] - 1  # under the word's line, not over the word
        and tip["opacity"] == 1
    )


def test_a_glossary_word_explains_itself_where_it_stands_by_pointer_or_keyboard(page, base_url):
    """Parameters' intro set **weight** and **bias** in bold with nothing to click: their
    explanations were buttons at the foot of the page, 2,500 px below the words."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/parameters")
    settle(page)
    assert page.locator(".tip:visible").count() == 0  # nothing covers the page until asked
    weight, bias = _term(page, "weight", "strong"), _term(page, "bias", "strong")
    weight.hover()
    assert _explains(weight.evaluate(TIP), "Weight", 1280)
    page.mouse.move(5, 890)
    assert not weight.evaluate(TIP)["shown"]
    weight.focus()
    page.keyboard.press("Tab")  # the next word along, reached by keyboard alone
    assert _explains(bias.evaluate(TIP), "Bias", 1280) and not weight.evaluate(TIP)["shown"]
    page.keyboard.press("Escape")  # put away without moving the focus or the pointer
    assert not bias.evaluate(TIP)["shown"]
    weight.hover()
    assert _explains(weight.evaluate(TIP), "Weight", 1280)
    page.keyboard.press("Escape")
    assert not weight.evaluate(TIP)["shown"]
    caption = _term(page, "loss", '[data-testid="stCaptionContainer"]')  # under the chart, in grey
    caption.hover()
    assert _explains(caption.evaluate(TIP), "Loss", 1280)


def test_on_a_phone_a_tapped_glossary_word_explains_itself_on_screen(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/gradient_descent")
        settle(page)
        rate = _term(page, "learning rate")
        rate.scroll_into_view_if_needed()
        rate.tap()
        assert _explains(rate.evaluate(TIP), "Learning rate", 390)
        assert not page.evaluate(OFF_A_PHONE)
        page.locator("h1").tap()  # a tap elsewhere puts it away
        assert not rate.evaluate(TIP)["shown"]
    finally:
        context.close()


# What runs off a phone's screen: any word, table, button, picture or chart reaching past the
# viewport's right edge (the page itself never scrolls sideways, so it would simply be cut off).
OFF_A_PHONE = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
  .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
    || ['TABLE', 'BUTTON', 'IMG', 'CANVAS'].includes(e.tagName) || e.classList.contains('main-svg'))
  .filter((e) => e.getBoundingClientRect().width && e.getBoundingClientRect().right > window.innerWidth + 1)
  .map((e) => `${(e.textContent || e.tagName).trim().slice(0, 30)}: ends at ${e.getBoundingClientRect().right}`)"""


@pytest.mark.parametrize("spec", controls.ALL, ids=lambda s: s.slug)
def test_on_a_phone_nothing_runs_off_the_right_edge(page, base_url, spec):
    """At 390 px Loss functions' cost table ran 100 px past the screen: its last column, the one
    that decides, was cut off; Gradient descent's "Step 0" sat on its map's tick labels, and
    Backpropagation's boxes covered the ends of the weights between them ("w=+0.35" read "=+0.35")."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/{spec.slug}")
    settle(page, charts=spec.slug not in CHARTLESS)
    page.evaluate("document.fonts.ready.then(() => true)")
    assert not page.evaluate(OFF_A_PHONE)
    assert not page.evaluate(CHART_WORDS_ON_EACH_OTHER)
    assert not page.evaluate(CHOICES_RAGGED)
    assert not page.evaluate(LABEL_ON_A_BOX)


# Streamlit's own markup, not the app's: its sidebar navigation puts each section's heading and
# links in a <div> inside the <ul data-testid="stSidebarNavItems">, so axe-core finds a list whose
# children are not all list items, and list items outside a list (rules "list" and "listitem";
# the README lists them). Nothing the app writes may add to them.
STREAMLITS_OWN = '[data-testid="stSidebarNavItems"]'


@pytest.mark.parametrize("present", [False, True], ids=["", "presenter"])
@pytest.mark.parametrize("spec", controls.ALL, ids=lambda s: s.slug)
def test_an_accessibility_scan_finds_nothing_serious_in_the_apps_own_markup(page, base_url, spec, present):
    page.goto(f"{base_url}/{spec.slug}" + ("?present=1" if present else ""))
    settle(page, charts=spec.slug not in CHARTLESS)
    found = Axe().run(page).response["violations"]
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {n['target']}"
        for v in found
        if v["impact"] in ("serious", "critical")
        for n in v["nodes"]
        if not page.locator(n["target"][-1]).first.evaluate("(e, own) => !!e.closest(own)", STREAMLITS_OWN)
    ]
    assert not serious  # an <img> without alt text in the page, say, would be "image-alt (critical)"


def test_the_presenters_qr_code_opens_the_setup_on_screen_without_presenter_mode(page, base_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{base_url}/gradient_descent?present=1&lr=0.3")
    settle(page)
    _press(page, "gd_steps")
    page.wait_for_function("() => window.location.search.includes('steps=')", timeout=20_000)
    page.get_by_role("button", name="Follow along").click()
    dialog = page.get_by_role("dialog")
    code = np.array(Image.open(io.BytesIO(dialog.get_by_role("img").screenshot())).convert("L"))
    (read,) = [found.text for found in zxingcpp.read_barcodes(code)]
    on_screen = parse_qs(urlsplit(page.url).query)
    assert on_screen.pop("present") == ["1"] and "steps" in on_screen
    assert urlsplit(read).path == "/gradient_descent" and parse_qs(urlsplit(read).query) == on_screen
    expect(dialog).to_contain_text(read)  # the link beside the code, as text
    box = dialog.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 1080  # the whole code and link on the screen


# Where the control a scene set stands, with the row of columns it is in (its section's controls and
# chart) and what stays on top of the page (Streamlit's header, the tour's bar), after the scroll.
_IN_VIEW = """key => {
  const el = document.getElementsByClassName("st-key-" + key)[0];
  const row = (el.closest('[data-testid="stHorizontalBlock"]') || el).getBoundingClientRect();
  const header = document.querySelector('[data-testid="stHeader"]').getBoundingClientRect().bottom;
  const bar = document.querySelector(".st-key-tour_bar");
  const main = document.querySelector('[data-testid="stMain"]');
  return {box: el.getBoundingClientRect().toJSON(), row: row.toJSON(), height: innerHeight,
          top: header + (bar ? bar.offsetHeight : 0) + 8,  // once scrolled, the bar sticks under the header
          end: main.scrollTop + main.clientHeight >= main.scrollHeight - 4};
}"""


# True once the scene's scroll has started (its script marks the page) and the page has not scrolled
# for 400 ms since: the smooth scroll has ended (on a busy machine its script runs late).
_SCROLLED = """() => {
  const main = document.querySelector('[data-testid="stMain"]'), now = performance.now();
  if (window.__lastTop !== main.scrollTop) { window.__lastTop = main.scrollTop; window.__since = now; }
  return "sceneScroll" in document.documentElement.dataset && now - window.__since > 400;
}"""
# Forget the last scene's scroll, before the click or key that sets the next scene up.
FORGET_SCROLL = "delete document.documentElement.dataset.sceneScroll"


def _assert_scene_in_view(page, key: str, what: str) -> None:
    """The control a scene set is on screen, clear of the tour's bar; with its section's chart whole
    beside it where the section fits (Gradient descent's map started under the tour's bar)."""
    with suppress(PlaywrightTimeout):  # then the assertions below say where it is
        page.wait_for_function(_SCROLLED, timeout=10_000)
    at = page.evaluate(_IN_VIEW, key)
    box, row, top, height = at["box"], at["row"], at["top"], at["height"]
    assert box["top"] >= top - 9 and box["bottom"] <= height + 1, (what, at)
    if box["bottom"] - row["top"] <= height - top and not at["end"]:  # fits, and the page could scroll to it
        assert abs(row["top"] - top) <= 4, (what, at)


def test_the_tour_walks_every_page_and_scene_in_order_with_a_clickers_page_keys(page, base_url):
    from playground.content.tour import STEPS

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{base_url}/?present=1")
    settle(page)
    page.get_by_role("button", name="Tour the chapter").click()
    for number, step in enumerate(STEPS, start=1):
        if number > 1:
            page.evaluate(FORGET_SCROLL)
            page.keyboard.press("PageDown")  # what a presentation clicker sends
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('tour') === '{number}'", timeout=20_000)
        settle(page, charts=step.slug != "concept_check")
        expect(page.locator("h1")).to_have_text(BY_TITLE[step.slug])
        expect(page.locator('[data-testid="stMain"]')).to_contain_text(f"step {number} of {len(STEPS)} · {step.title}")
        if step.scene:
            expect(page.locator('[data-testid="stMain"]')).to_contain_text(f"now: {step.scene.name}")
            spec = controls.SPECS[step.slug]
            _assert_scene_in_view(page, spec.focus(step.scene), step.title)
        else:  # a page opens at its top, whatever the last page's scroll or the key's own scroll did
            expect(page.locator("h1")).to_be_in_viewport()
        bar = page.locator(".st-key-tour_bar").bounding_box()  # what to say and Next, always on screen
        assert bar["y"] >= 0 and bar["y"] + bar["height"] <= 1080
        assert page.locator('[data-testid="stException"]').count() == 0
    page.keyboard.press("PageUp")
    page.wait_for_function(f"() => location.search.includes('tour={len(STEPS) - 1}')", timeout=20_000)


def test_the_concept_check_marks_an_answer_and_the_glossary_searches_from_the_link(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}/concept_check")
    settle(page, charts=False)
    expect(page.get_by_text("1 of 10")).to_be_visible()
    check = page.get_by_role("button", name="Check", exact=True)
    back = page.get_by_role("button", name="Take the last one back")
    for step in ("Forward pass", "Loss", "Backpropagation", "Update"):  # each click fills the next slot
        expect(check).to_be_disabled()
        where = page.get_by_role("button", name=step, exact=True).bounding_box(), back.bounding_box()
        page.get_by_role("button", name=step, exact=True).click()
        expect(page.get_by_role("button", name=step, exact=True)).to_be_disabled()  # placed, greyed out
        # nothing moved under the pointer: the last click lifted the undo button to where it clicked
        assert (page.get_by_role("button", name=step, exact=True).bounding_box(), back.bounding_box()) == where
    expect(page.locator('[data-testid="stColumn"]').last).to_contain_text("4. Update")
    check.click()
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text("Right")
    for _ in range(2):  # on to question 4, whose four sentences are pills: one to a line, not 3 and 1
        page.get_by_role("button", name="Next", exact=True).click()
        page.locator('[data-testid="stRadio"] [role="radiogroup"] label').first.click()
        check.click()
        expect(page.locator('[data-testid="stAlert"]')).to_be_visible()
    page.get_by_role("button", name="Next", exact=True).click()
    expect(page.get_by_text("4 of 10")).to_be_visible()
    settle(page, charts=False)
    expect(page.locator('[data-testid="stButtonGroup"] button[data-variant]')).to_have_count(4)
    assert page.evaluate(CHOICES_RAGGED) == []
    page.goto(f"{base_url}/glossary?q=EPOCH")
    settle(page, charts=False)
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("One full pass of training")


@pytest.mark.parametrize(
    ("slug", "key", "name", "default"),
    [("gradient_descent", "gd_lr", "lr", "0.1"), ("parameters", "par_w", "w", "100")],
)
def test_after_fast_bursts_of_keys_the_link_always_says_what_the_slider_shows(page, base_url, slug, key, name, default):
    """A presenter's hand on the arrow keys: 12 bursts of 5 to 20 presses, a few ms apart. After
    each, the address bar (what a copied link or a reload opens) must say what the slider shows."""
    page.goto(f"{base_url}/{slug}")
    settle(page)
    thumb = page.locator(f".st-key-{key} input[type='range']")
    shown = page.locator(f".st-key-{key} [data-testid='stSliderThumbValue']")
    rng = random.Random(7)
    for burst in range(12):
        _burst_of_keys(page, thumb, rng, burst)
        settle(page, charts=False)
        page.wait_for_timeout(800)
        linked = parse_qs(urlsplit(page.url).query).get(name, [default])[-1]
        assert shown.inner_text().replace("$", "").replace(",", "") == linked, burst


def _burst_of_keys(page, thumb, rng: random.Random, burst: int) -> None:
    """5 to 20 presses a few ms apart, rightwards on even bursts and leftwards on odd ones."""
    thumb.focus()
    for _ in range(rng.randint(5, 20)):
        thumb.press("ArrowRight" if burst % 2 == 0 else "ArrowLeft")
        page.wait_for_timeout(rng.randint(0, 40))


@contextmanager
def _gradient_descent_far_away(page, base_url, delay):
    """Gradient descent through a slow connection; the learning-rate slider, and what it shows."""
    with slow_connection(int(urlsplit(base_url).port), delay) as port:
        page.goto(f"http://127.0.0.1:{port}/gradient_descent")
        settle(page)
        thumb = page.locator(".st-key-gd_lr input[type='range']")
        yield thumb, page.locator(".st-key-gd_lr [data-testid='stSliderThumbValue']")


def _linked_rate(page) -> str:
    return parse_qs(urlsplit(page.url).query).get("lr", ["0.1"])[-1]


def test_on_a_slow_connection_fast_bursts_of_keys_leave_the_page_working(page, base_url):
    """A presenter far from the server (answers 100 ms late) runs the arrow keys. Streamlit's browser
    dropped a chart it kept after 2 runs unused while the server, told it was kept, named it by
    reference: a "Connection error" dialog, and the page stopped following the slider (the link
    froze; the chart too). ``.streamlit/config.toml`` keeps charts for 50 runs."""
    with _gradient_descent_far_away(page, base_url, 0.1) as (thumb, shown):
        rng = random.Random(7)
        for burst in range(8):
            _burst_of_keys(page, thumb, rng, burst)
            page.wait_for_timeout(1_500)
            assert not page.get_by_text("Connection error").count(), burst
            assert shown.inner_text() == _linked_rate(page), burst


def test_on_a_slow_connection_one_step_out_and_back_leaves_the_default_out_of_the_link(page, base_url):
    """One press too far and straight back, answers 200 ms late: the move back is sent with the
    address bar as it was before the first answer came, which has no lr; the answer to the first
    move (lr=0.126) arrives after. Each run now ends by sending the whole link, so the last word
    is the move back's: the address bar says the default the slider shows."""
    with _gradient_descent_far_away(page, base_url, 0.2) as (thumb, shown):
        for attempt in range(6):
            thumb.focus()
            thumb.press("ArrowRight")
            page.wait_for_timeout(30)
            thumb.press("ArrowLeft")
            page.wait_for_timeout(1_500)
            assert shown.inner_text() == "0.1" and _linked_rate(page) == "0.1" and "lr=" not in page.url, attempt


def test_after_the_server_restarts_under_an_open_tab_the_first_move_sticks(browser):
    """A redeploy or a wake-up restarts the server under open tabs. The tab reconnects to a fresh
    session; its first move must stick (it used to vanish, and every move after it: the fresh
    session dropped the section's rerun it asked for), and the setup comes back from the link."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    port = free_port()
    thumb = page.locator(".st-key-par_w input[type='range']")
    with served(port):
        page.goto(f"http://127.0.0.1:{port}/parameters?w=150")
        settle(page)
    with served(port):
        expect(thumb).to_be_enabled(timeout=30_000)  # reconnected
        page.wait_for_timeout(1_500)
        thumb.focus()
        thumb.press("ArrowRight")
        want = 151
        page.wait_for_function(f"() => location.search.includes('w={want}')", timeout=20_000)
        settle(page)
        assert thumb.input_value() == str(want)
        miss = page.locator('[data-testid="stMetric"]').first.inner_text()
        data = houses.load()
        assert fmt.dollars(linear.score(data.size, data.price, want, 0).rmse) in miss  # the server agrees
    page.close()


def test_no_page_asks_any_host_but_the_apps_own(browser, base_url):
    """Every request of every page, opened by link and reached through the sidebar, goes to the app
    itself: no font server for the tab's icon, no CDN, nothing the README says the app never does."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for info in ALL_PAGES:
        page.goto(f"{base_url}/{info.slug}")
        settle(page, info.slug not in TEXT_ONLY)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Parameters").click()
    settle(page)
    page.close()
    foreign = sorted({url for url in asked if not url.startswith((base_url, "data:", "blob:"))})
    assert not foreign
    assert any("/media/" in url for url in asked)  # the shipped icon, served by the app


UPLOAD = '[data-testid="stFileUploaderDropzoneInput"]'


def test_a_file_uploaded_through_the_real_control_becomes_the_data_parameters_learns_on(page, base_url):
    page.goto(f"{base_url}/your_data")
    settle(page, charts=False)
    page.locator(UPLOAD).set_input_files(str(ROOT / "data" / "conversion.csv"))
    settle(page)
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("120 rows from conversion.csv")
    page.locator('[data-testid="stSidebarNav"] a', has_text="Parameters").click()
    settle(page)
    assert "data=yours" in page.url and "w=" not in page.url
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("Your data: Conversion rate predicted from Price")
    expect(main.locator(".legendtext", has_text="Your rows").first).to_be_attached()
    expect(main.locator('[data-testid="stMetric"]').first).to_contain_text("%")
    main.get_by_role("button", name="Back to the houses").click()
    expect(main.locator(".legendtext", has_text="Houses sold").first).to_be_attached(timeout=20_000)
    assert "data=" not in page.url


@pytest.mark.parametrize("slug", ["your_data", "parameters", "loss_functions"])
def test_hostile_column_names_in_an_upload_are_shown_as_text_everywhere(page, base_url, tmp_path, slug):
    """A table's header is anybody's words: on every page that shows it, it stays text."""
    x_name = "# Sales [Sign in](https://evil.example) <img src=x onerror=alert(1)>"
    y_name = "**Rate** $\\frac{1}{0}$ :red[Alert] <b>%{x}</b>"
    table = tmp_path / "hostile.csv"
    rows = "\n".join(f"{i},{3 * i + (i % 4)}" for i in range(30))
    table.write_text(f'"{x_name}","{y_name}"\n{rows}\n')
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base_url}/your_data")
    settle(page, charts=False)
    page.locator(UPLOAD).set_input_files(str(table))
    settle(page)
    if slug != "your_data":
        title = next(info.title for info in ALL_PAGES if info.slug == slug)
        page.locator('[data-testid="stSidebarNav"] a', has_text=title).click()
        settle(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("# Sales [Sign in](https://evil.example)")
    for selector in ('a[href*="evil"]', 'img[src="x"]', "script", ".katex", "h1:has-text('Sales')"):
        assert main.locator(selector).count() == 0, selector
    assert main.locator(".main-svg text", has_text="<img src=x").count() > 0  # an axis title, as text
    assert not dialogs and page.locator('[data-testid="stException"]').count() == 0


def test_a_file_over_the_upload_limit_is_refused_with_the_limit_named(page, base_url, tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.write(b"x,y\n")
        f.truncate(51 * 1024 * 1024)  # 51 MB, over the 50 MB the control states
    page.goto(f"{base_url}/your_data")
    settle(page, charts=False)
    expect(page.locator('[data-testid="stFileUploader"]')).to_contain_text("up to 50 MB")
    page.locator(UPLOAD).set_input_files(str(big))
    expect(page.locator('[data-testid="stFileUploader"]').get_by_role("alert")).to_contain_text(
        "must be 50.0MB or smaller", timeout=10_000
    )
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("The pages show the houses")
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("index", range(len(ALL_PAGES)), ids=[p.slug for p in ALL_PAGES])
def test_hostile_link_text_creates_no_element_on_any_page(page, base_url, index):
    """Every page, opened by a link full of Markdown, HTML and tricks, shows them as text and nothing else."""
    info = ALL_PAGES[index]
    params = hostile_params(known_names(info.file), offset=index)
    params = {name: value[:3_000] for name, value in params.items()}  # a browser link holds a few KB, not 100
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base_url}/{info.slug}?{urlencode(params, quote_via=quote)}")
    settle(page, info.slug not in TEXT_ONLY)
    assert page.locator('[data-testid="stException"]').count() == 0
    notice = page.locator('[data-testid="stAlertContentWarning"]')
    expect(notice).to_contain_text("means nothing on this page")
    main = page.locator('[data-testid="stMain"]')
    for selector in ('a[href*="evil"]', 'a[href^="javascript"]', 'img[src*="evil"]', 'img[src="x"]', "script"):
        assert main.locator(selector).count() == 0, selector
    created = ("h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "blockquote", "li", "table", ".katex", "del", "em")
    for selector in created:
        assert notice.locator(selector).count() == 0, selector
    shown = notice.inner_text()
    literals = ("# Your session expired", "[Sign in again to continue](https://evil", "$\\frac{1}{0}$", ":red[Alert]")
    for literal in literals:
        assert literal in shown
    assert "\u202e" not in shown
    assert not dialogs


def worker_cookie(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE)


@pytest.mark.skipif(
    shutil.which("haproxy") is None and not Path("/usr/sbin/haproxy").exists() and os.environ.get("CI") != "true",
    reason="HAProxy is not installed (apt-get install -y haproxy)",
)
def test_when_its_worker_dies_behind_haproxy_the_learner_keeps_their_setup(browser):
    """Two workers behind HAProxy: kill the one holding a learner's tab; the tab comes back as it was."""
    port = free_port()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    with cluster(port, 2) as running:
        page.goto(f"{running.url}/gradient_descent?land=ravine&steps=60")
        settle(page)
        steps = page.locator('[data-testid="stSlider"]').filter(has_text="Steps").first
        thumb = steps.locator('input[type="range"]')
        thumb.focus()
        for _ in range(2):
            thumb.press("ArrowRight")
        page.wait_for_function("() => location.search.includes('steps=80')", timeout=20_000)
        settle(page)
        link = page.evaluate("location.search")
        pinned = worker_cookie(page)
        doomed = running.workers[int(pinned[1:]) - 1]
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(10)
        deadline = time.time() + 30
        while worker_cookie(page) == pinned and time.time() < deadline:  # the tab reconnects by itself
            page.wait_for_timeout(250)
        assert worker_cookie(page) != pinned
        settle(page)
        assert page.evaluate("location.search") == link
        expect(steps).to_contain_text("80")
        expect(page.locator('[data-testid="stButtonGroup"] button[aria-checked="true"]').first).to_have_text("Ravine")
        assert page.locator('[data-testid="stException"]').count() == 0
    page.close()


# --- the app's own chart element (playground/ui/plotly_chart.py) ---------------------------------


def _chart_state(page, index: int) -> dict:
    """What chart ``index`` of the page has drawn: whether its newest figure is on screen, and a tag."""
    return (
        page.locator('[data-testid="stPlotlyChart"]')
        .nth(index)
        .evaluate(
            """box => {
              const svg = box.querySelector('.main-svg');
              return {drawn: box.drawn === box.latest.spec, tag: box.firstChild.dataset.tag || null,
                      width: svg ? svg.getBoundingClientRect().width : 0};
            }"""
        )
    )


def _press_first_slider(page, key: str, link_has: str) -> None:
    """One arrow key on the page's first slider; returns once the link says ``link_has`` and the run ended."""
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    thumb.focus()
    thumb.press(key)
    page.wait_for_function(f"() => window.location.search.includes({link_has!r})", timeout=20_000)
    settle(page)


def test_a_chart_is_redrawn_in_place_when_a_knob_moves(page, base_url):
    """The chart the learner looks at is updated, not thrown away and drawn again from nothing."""
    page.goto(f"{base_url}/parameters")
    settle(page)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.evaluate("box => { box.firstChild.dataset.tag = 'the same chart'; }")
    line = chart.locator(".scatterlayer .trace").nth(2).locator("path").first
    before = line.get_attribute("d")
    _press_first_slider(page, "ArrowRight", "w=101")
    expect(line).not_to_have_attribute("d", before, timeout=20_000)
    state = _chart_state(page, 0)
    assert state["drawn"] and state["tag"] == "the same chart"  # the newest figure, on the same node


def test_a_chart_out_of_sight_shows_the_newest_state_once_scrolled_to(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(f"{base_url}/overfitting")
        settle(page)
        _press_first_slider(page, "ArrowRight", "degree=")
        charts = page.locator('[data-testid="stPlotlyChart"]')
        last = charts.count() - 1
        assert not _chart_state(page, last)["drawn"]  # far below: not drawn while out of sight
        for i in range(charts.count()):
            charts.nth(i).scroll_into_view_if_needed()
            page.wait_for_function(
                "box => box.drawn === box.latest.spec && box.querySelector('.main-svg')",
                arg=charts.nth(i).element_handle(),
                timeout=20_000,
            )
    finally:
        page.close()


def test_a_chart_follows_the_width_of_its_column(page, base_url):
    """The column can narrow without the window changing (the sidebar opens): the chart follows it."""
    page.goto(f"{base_url}/loss_functions")
    settle(page)
    wide = _chart_state(page, 0)["width"]
    page.evaluate("document.querySelector('[data-testid=\"stMainBlockContainer\"]').style.maxWidth = '700px'")
    page.wait_for_function(
        "w => document.querySelector('[data-testid=stPlotlyChart] .main-svg').getBoundingClientRect().width < w - 100",
        arg=wide,
        timeout=10_000,
    )


def test_play_still_walks_after_a_knob_changed_the_walk(page, base_url):
    """An animation's frames arrive just after its picture: Play works on the walk a change drew."""
    page.goto(f"{base_url}/gradient_descent?steps=60")
    settle(page)
    _press_first_slider(page, "ArrowLeft", "lr=")
    player = page.locator('[data-testid="stPlotlyChart"]').first
    player.get_by_text("▶ Play").click()
    expect(player.locator(STEP_NOW)).to_have_text("Step 60", timeout=20_000)


def test_a_chart_whose_drawing_library_cannot_load_says_so(browser, base_url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.route("**/app/static/plotly.min.js", lambda route: route.abort())
        page.goto(f"{base_url}/parameters")
        page.wait_for_selector("h1", timeout=30_000)
        expect(page.locator('[data-testid="stPlotlyChart"]').first).to_contain_text(
            "could not be drawn", timeout=20_000
        )
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        page.close()


def _picture(chart) -> np.ndarray:
    """The chart as the learner sees it (RGB), with no hover label on it."""
    chart.page.mouse.move(0, 0)
    chart.scroll_into_view_if_needed()
    chart.page.wait_for_timeout(300)
    return np.asarray(Image.open(io.BytesIO(chart.screenshot())).convert("RGB"), dtype=int)


@pytest.mark.parametrize(
    ("slug", "slider", "chart", "glides"),
    [
        ("parameters", "par_w", 0, True),  # the line and its misses move; the misses stay under the houses
        ("overfitting", "ovf_degree", 0, True),  # the fitted curve moves
        ("forward_pass", "fwd_width", 3, True),  # bars and their labels move
        ("loss_functions", "loss_mansions", 1, False),  # a mansion comes or goes: a full redraw
        ("loss_functions", "loss_pred", 0, True),  # only the markers move, on fixed axes
    ],
)
def test_a_knobs_step_moves_only_what_changed_and_the_chart_looks_as_if_drawn_afresh(
    page, base_url, slug, slider, chart, glides
):
    """A step that moves only lines or bars on fixed axes glides them there: the axes are not drawn
    again (their tick labels are the very same nodes), and what is on screen after a burst of keys
    and single steps is, pixel for pixel, what the same link draws from nothing."""
    page.goto(f"{base_url}/{slug}")
    settle(page)
    box = page.locator('[data-testid="stPlotlyChart"]').nth(chart)
    box.scroll_into_view_if_needed()
    tick = box.locator(".xtick text, .ytick text").first
    tick.evaluate("node => { node.__before = true; }")
    link = page.url
    for arrows in (["ArrowLeft"] * 4, ["ArrowRight"], ["ArrowLeft"]):  # a burst, then single steps
        page.locator(f".st-key-{slider} input[type='range']").focus()
        for arrow in arrows:
            page.keyboard.press(arrow)
        page.wait_for_function("link => window.location.href !== link", arg=link, timeout=20_000)
        settle(page)
        link = page.url
    page.wait_for_function("box => box.drawn === box.latest.spec", arg=box.element_handle(), timeout=20_000)
    page.wait_for_timeout(500)
    kept = box.evaluate("box => [...box.querySelectorAll('.xtick text, .ytick text')].some(n => n.__before)")
    assert kept is glides
    stepped = _picture(box)
    page.goto(link)
    settle(page)
    fresh = _picture(page.locator('[data-testid="stPlotlyChart"]').nth(chart))
    assert stepped.shape == fresh.shape
    differing = (np.abs(stepped - fresh).sum(axis=2) > 60).mean()
    assert differing < 0.001, f"{differing:.2%} of the chart differs from the same link drawn afresh"


def test_after_a_glide_hovering_the_line_reads_its_new_knobs(page, base_url):
    """A glide hands Plotly.js the moved line's hover text too: it names the weight now set."""
    page.goto(f"{base_url}/parameters")
    settle(page)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.locator(".ytick text").first.evaluate("node => { node.__before = true; }")
    _press_first_slider(page, "ArrowRight", "w=101")
    line = chart.locator(".scatterlayer .trace").nth(2).locator("path.js-line")
    box = line.bounding_box()
    page.mouse.move(box["x"] + 0.02 * box["width"], box["y"] + 0.98 * box["height"])  # by its left end
    expect(chart.locator(".hoverlayer")).to_contain_text("w = $101/sq ft", timeout=10_000)
    assert chart.evaluate("box => [...box.querySelectorAll('.ytick text')].some(n => n.__before)")  # it glided
