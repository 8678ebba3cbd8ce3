"""Measure every page: what a rerun costs the server and what the learner waits, and the bytes sent.

Run from the project root:  python scripts/bench.py [--runs 15] [--only apptest,server,browser] [page ...]

Three views of the same reruns, each printed as its own table:

apptest  The script's own time (below).
server   A real server, driven over its websocket by scripts/load.py's simulated tab: for every
         slider and switch (one inside a section asks for that section only, as a browser does),
         the time from sending the change to the run's end as the client sees
         it, the server's CPU per rerun (Streamlit's own work included, such as its garbage
         collection after each run, which AppTest skips), and the bytes the change sent. The
         floor is Home's one switch.
browser  Headless Chromium (Debian's): the time from opening a page to its first chart; then the
         page's first slider is moved with the keyboard and the time runs from the key press to
         the last change of the page's DOM (the redraw finished), median and p90. The floor is a
         one-slider, one-chart Streamlit app measured in the same run, since this machine's speed
         swings by 2x from one hour to the next; the target is twice the floor. Then: how often
         Parameters redraws its line while the weight is dragged, and how many steps a second
         Gradient descent's Play shows. The first press is not timed: it leaves the scene a page
         often opens on, which redraws the whole page; the timed presses move back and forth
         off it, as a hand on a knob does.
every-slider  (asked for by name: --only every-slider) The browser's redraw for every slider of
         every page at its defaults, one after the other, against the same floor.

apptest: for each page it opens the page through the real entry point (AppTest), then, for every
slider, number box and toggle on the page, sets it ``--runs`` times and takes the median time of
``AppTest.run()``: the server's whole rerun, script plus Streamlit's own work. Sliders and number
boxes walk through distinct values across their range, as a dragging learner does, so a cache
cannot hide the work a new value costs; a toggle can only flip.
It reports the slowest control's median, and the bytes of Plotly JSON the page's charts send.
Targets (the README's "Speed"): under 50 ms a rerun, at most ~300 KB of chart data a page.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playground.content.pages import ALL_PAGES
from scripts.apptest import chart_elements, open_page
from scripts.load import MOVABLE, Viewer, cpu_s, free_port, served

RERUN_TARGET_MS = 50
BYTES_TARGET = 300_000
# Heavier links measured too, beside each page's defaults: the setups that send the most.
STRESS = {
    "gradient_descent": (
        {"steps": "200"},
        {"steps": "200", "opt": "gd,momentum,rmsprop,adam"},
        {"steps": "200", "opt": "gd,momentum,rmsprop,adam", "3d": "1"},
        {"steps": "200", "opt": "gd,momentum,rmsprop,adam", "blind": "1"},
        # every walk too bold: each verdict searches for a rate that is safe to suggest
        {"land": "mountains", "lr": "10", "opt": "gd,momentum,rmsprop,adam"},
    ),
    "loss_functions": ({"mansions": "4", "fits": "squared,absolute,huber,asymmetric"},),
    "epochs": ({"live_b": "1", "live_epochs": "40"},),
}


def _timed(at) -> float:
    start = time.perf_counter()
    at.run()
    return (time.perf_counter() - start) * 1000


def _walk(widget, runs: int) -> list:
    """``runs`` distinct values spread over a slider's or number box's range, on its step grid."""
    low, high, step = widget.min, widget.max, widget.step
    grid = np.unique(np.linspace(0, round((high - low) / step), runs + 1).round().astype(int))
    values = [low + i * step for i in grid if low + i * step != widget.value]
    whole = isinstance(widget.value, int)  # AppTest reports a whole-number box's bounds as floats
    return [int(v) if whole else float(v) for v in values][:runs]


def _controls(at, runs: int) -> list[tuple[str, list]]:
    """(label, one setter per run) for every slider, number box and toggle on the page.

    Each setter looks its widget up afresh: after a run AppTest rebuilds the element tree, and a
    value set on a widget object from an older tree would be silently ignored.
    """
    found = []
    for kind in ("slider", "number_input"):
        for w in getattr(at, kind):
            setters = [lambda k=kind, key=w.key, v=v: getattr(at, k)(key=key).set_value(v) for v in _walk(w, runs)]
            found.append((f"{kind} {w.key}", setters))
    for t in at.toggle:
        setters = [lambda key=t.key, i=i: at.toggle(key=key).set_value(i % 2 == 0) for i in range(runs)]
        found.append((f"toggle {t.key}", setters))
    return found


def bench_page(file: str, runs: int, params: dict[str, str], raw: bytes | None = None) -> tuple[str, float, int]:
    """The slowest control's median rerun and the chart bytes of ``file`` with ``params`` in its link,
    or, with ``raw``, in a session that uploaded that table."""

    def opened():
        return open_on_upload(file, raw) if raw is not None else open_page(file, **params)

    worst_label, worst = "", 0.0
    for label, _ in _controls(opened(), runs):
        at = opened()
        _, setters = next(c for c in _controls(at, runs) if c[0] == label)
        times = []
        for set_value in setters:
            set_value()
            times.append(_timed(at))
            if at.exception:
                raise RuntimeError(f"{file} {params} raised after {label} changed: {at.exception[0].value}")
        median = statistics.median(times)
        if median > worst:
            worst_label, worst = label, median
    chart_bytes = sum(len(json.loads(el.proto.json)["spec"]) for el in chart_elements(opened()))
    return worst_label, worst, chart_bytes


def links(pages: list[str]) -> list[tuple[str, dict[str, str]]]:
    """(page slug, link settings) for every page asked for, each page's heavy links after it."""
    return [
        (info.slug, params)
        for info in ALL_PAGES
        if not pages or info.slug in pages
        for params in ({}, *STRESS.get(info.slug, ()))
    ]


def link_name(slug: str, params: dict[str, str]) -> str:
    return slug + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


UPLOAD_ROWS = 10_000  # the learner's own table the pages that learn on it are measured with


def upload_csv(rows: int = UPLOAD_ROWS) -> bytes:
    """A learner's table of ``rows`` seeded rows: sizes, and prices written as a spreadsheet writes them."""
    rng = np.random.default_rng(0)
    x = rng.uniform(500, 4_000, rows)
    y = 180 * x + 50_000 + rng.normal(0, 45_000, rows)
    return ("Size,Price\n" + "\n".join(f'{a:.0f},"${b:,.0f}"' for a, b in zip(x, y, strict=True))).encode()


def open_on_upload(file: str, raw: bytes):
    """``file`` opened in a session that has just uploaded ``raw`` on the Your data page."""
    at = open_page("app_pages/your_data.py")
    at.file_uploader(key="own_file").set_value(("upload.csv", raw, "text/csv")).run()
    at.switch_page(file).run()
    return at


def uploaded(pages: list[str]) -> list[str]:
    """The slugs asked for that learn on the learner's data."""
    return [info.slug for info in ALL_PAGES if info.learns_on_your_data and (not pages or info.slug in pages)]


def apptest_table(pages: list[str], runs: int) -> int:
    open_page(ALL_PAGES[0].file)  # warm imports and caches once, as a running server has them
    print("\napptest: the script's time (AppTest), slowest control's median")
    print(f"{'page (and link)':<18} {'slowest control':<28} {'rerun ms (median)':>18} {'chart KB':>9}  verdict")
    missed = 0
    for slug, params in links(pages):
        label, ms, chart_bytes = bench_page(f"app_pages/{slug}.py", runs, params)
        ok = ms < RERUN_TARGET_MS and chart_bytes <= BYTES_TARGET
        missed += not ok
        verdict = "ok" if ok else "MISSES TARGET"
        print(f"{link_name(slug, params):<18} {label:<28} {ms:>18.1f} {chart_bytes / 1000:>9.1f}  {verdict}")
    raw = upload_csv()
    for slug in uploaded(pages):
        label, ms, chart_bytes = bench_page(f"app_pages/{slug}.py", runs, {}, raw)
        ok = ms < RERUN_TARGET_MS and chart_bytes <= BYTES_TARGET
        missed += not ok
        verdict = "ok" if ok else "MISSES TARGET"
        name = f"{slug} + {UPLOAD_ROWS:,}-row upload"
        print(f"{name:<18} {label:<28} {ms:>18.1f} {chart_bytes / 1000:>9.1f}  {verdict}")
    return missed


async def _server_row(
    url: str, pid: int, slug: str, params: dict[str, str], runs: int
) -> tuple[str, float, float, float]:
    """(slowest control, its median ms, server CPU ms per rerun, median KB a change sent) for one link."""
    path = "" if slug == "home" else slug
    viewer = Viewer(url, f"{path}?" + "&".join(f"{k}={v}" for k, v in params.items()), random.Random(0))
    await viewer.open()
    # Presenter mode restyles every page, so it is measured once: as Home's only control, the floor.
    keys = [k for k, w in viewer.widgets.items() if not k.startswith("app_") and isinstance(w, MOVABLE)]
    worst, worst_ms, cpu, sent, changes = "", 0.0, 0.0, [], 0
    for key in keys or ["app_present"]:
        times = []
        for _ in range(runs):
            before_cpu, before_bytes = cpu_s(pid), viewer.received_bytes
            times.append(await viewer.change(key) * 1000)
            cpu += cpu_s(pid) - before_cpu
            sent.append(viewer.received_bytes - before_bytes)
            changes += 1
        if statistics.median(times) > worst_ms:
            worst, worst_ms = key, statistics.median(times)
    await viewer.close()
    return worst, worst_ms, 1000 * cpu / changes, statistics.median(sent) / 1000


def server_table(pages: list[str], runs: int) -> int:
    print("\nserver: a real server over its websocket, slowest control; seen = send to run's end, CPU = server a rerun")
    columns = ("seen ms", "over floor", "CPU ms", "KB sent")
    print(f"{'page (and link)':<18} {'slowest control':<16} " + " ".join(f"{c:>10}" for c in columns) + "  verdict")
    missed = 0
    port = free_port()
    with served(port) as proc:
        url = f"http://127.0.0.1:{port}"
        floor = None
        for slug, params in [("home", {})] + [link for link in links(pages) if link[0] != "home"]:
            label, ms, cpu, kb = asyncio.run(_server_row(url, proc.pid, slug, params, runs))
            floor = ms if floor is None else floor
            ok = cpu < RERUN_TARGET_MS and ms - floor < RERUN_TARGET_MS
            missed += not ok
            name = "home (floor)" if slug == "home" else link_name(slug, params)
            verdict = "ok" if ok else "MISSES TARGET"
            print(f"{name:<18} {label:<16} {ms:>10.1f} {ms - floor:>10.1f} {cpu:>10.1f} {kb:>10.1f}  {verdict}")
    return missed


# The floor: one slider and one small Plotly chart that follows it, on the same Streamlit, with the
# app's collector tuning: what any Streamlit page with a chart pays for a change.
CHROMIUM = "/usr/bin/chromium"  # Debian's, as .ci/run installs it
FLOOR_APP = """import gc

import streamlit as st


@st.cache_resource
def freeze_once():
    gc.collect()
    gc.freeze()


value = st.slider("Floor", 0, 100, 50, key="floor_value")
st.plotly_chart({"data": [{"type": "scatter", "x": [0, 1, 2], "y": [0, value, 2 * value]}], "layout": {}})
freeze_once()
"""
# Watches the main area: when did the page's DOM last change?
WATCH = """() => {
  window.__lastChange = 0;
  const everything = {subtree: true, childList: true, attributes: true, characterData: true};
  new MutationObserver(() => { window.__lastChange = performance.now(); })
    .observe(document.querySelector('[data-testid="stMain"]'), everything);
}"""


# Notes, inside the page, when each websocket message from the server arrives (window.__replies):
# the last one after a key press is when the server's run reached the browser.
RECORD_REPLIES = """(() => {
  const Socket = window.WebSocket;
  window.__replies = [];
  window.WebSocket = function (...args) {
    const socket = new Socket(...args);
    socket.addEventListener("message", () => window.__replies.push(performance.now()));
    return socket;
  };
  window.WebSocket.prototype = Socket.prototype;
  Object.assign(window.WebSocket, Socket);
})()"""


def _redraw_ms(
    page, url: str, runs: int, which: int = 0, arrive: Callable[[], None] | None = None
) -> tuple[float, list[float], list[float]] | None:
    """Load to first chart (ms), then for each key press on the page's slider number ``which`` (the
    first by default) the ms to the server's last reply and to the last change of the page; None
    when the page has no such slider. ``arrive`` reaches the page some other way than opening ``url``."""
    start = time.perf_counter()
    (arrive or (lambda: page.goto(url)))()
    page.wait_for_selector('[data-testid="stMain"] h1, [data-testid="stMain"] [data-testid="stSlider"]', timeout=30_000)
    with contextlib.suppress(Exception):  # a page without a chart
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    load = (time.perf_counter() - start) * 1000
    page.wait_for_timeout(2_500)
    thumbs = page.locator('[data-testid="stMain"] [data-testid="stSlider"] input[type="range"]')
    if thumbs.count() <= which:
        return None
    page.evaluate(WATCH)
    thumb = thumbs.nth(which)
    thumb.scroll_into_view_if_needed()
    at_top = thumb.evaluate("e => Number(e.value) >= Number(e.max)")  # a link may open it at its maximum
    first, back = ("ArrowLeft", "ArrowRight") if at_top else ("ArrowRight", "ArrowLeft")
    # One untimed press first: a page often opens on a scene, and entering or leaving a scene redraws
    # the whole page (its scene row must say so). The timed presses then go back and forth between
    # two values off the opening one, as a hand moving a knob does.
    thumb.focus()
    thumb.press(first)
    page.wait_for_function("() => performance.now() - window.__lastChange > 600", timeout=30_000)
    times, replies = [], []
    for i in range(runs):
        thumb.focus()
        page.evaluate("window.__replies = []")
        begun = page.evaluate("performance.now()")
        thumb.press(first if i % 2 == 0 else back)
        page.wait_for_function(
            f"() => window.__lastChange > {begun} && performance.now() - window.__lastChange > 600", timeout=30_000
        )
        times.append(page.evaluate("window.__lastChange") - begun)
        replies.append(page.evaluate("Math.max(0, ...window.__replies)") - begun)
    return load, replies, times


def _upload_then_open(page, app: str, table: Path, slug: str) -> None:
    """Upload ``table`` through Your data's control, then open ``slug`` from the sidebar (the same session)."""
    page.goto(f"{app}/your_data")
    page.wait_for_selector('[data-testid="stFileUploaderDropzoneInput"]', state="attached", timeout=30_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(table))
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    title = next(info.title for info in ALL_PAGES if info.slug == slug)
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).click()
    page.wait_for_url(f"**/{slug}*", timeout=30_000)


# page, load, reply, redraw, p90, x floor, verdict
BROWSER_ROW = "{:<18} {:>8.0f} {:>9.0f} {:>10.0f} {:>6.0f} {:>8.1f}  {}"


def _p90(values: list[float]) -> float:
    return float(np.percentile(values, 90))


# Records, inside the page, every new shape of the line drawn for trace NAME, with its time:
# window.__draws holds [ms, path] pairs until window.__stopDraws is set.
RECORD_DRAWS = """([name]) => {
  window.__draws = [];
  const gd = [...document.querySelectorAll(".js-plotly-plot")]
    .find(g => g._fullData && g._fullData.some(t => t.name === name));
  const look = () => {
    const t = gd._fullData.find(t => t.name === name);
    const p = t && gd.querySelector(`.trace${t.uid} path.js-line`);
    const d = p && p.getAttribute("d");
    const last = window.__draws[window.__draws.length - 1];
    if (d && (!last || last[1] !== d)) window.__draws.push([performance.now(), d]);
    if (!window.__stopDraws) requestAnimationFrame(look);
  };
  window.__stopDraws = false;
  look();
}"""


def drag_slider(page, key: str, *, moves: int, step_px: float, pause_ms: int) -> tuple[float, float]:
    """Press on the thumb of the slider keyed ``key``, drag it right ``moves`` times and keep the
    button down; returns the page's clock (ms) when the drag began and ended."""
    knob = page.locator(f".st-key-{key} [data-testid='stSliderThumbValue']").locator("..")
    knob.scroll_into_view_if_needed()
    box = knob.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] - 6
    page.mouse.move(x, y)
    page.mouse.down()
    begun = page.evaluate("performance.now()")
    for i in range(1, moves + 1):
        page.mouse.move(x + step_px * i, y)
        page.wait_for_timeout(pause_ms)
    return begun, page.evaluate("performance.now()")


def _drag_updates_per_second(page, url: str) -> float:
    """Parameters: how many times a second the line is redrawn while the weight is dragged."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    page.wait_for_timeout(2_500)
    page.evaluate(RECORD_DRAWS, ["Your line"])
    begun, ended = drag_slider(page, "par_w", moves=60, step_px=2, pause_ms=16)
    draws = page.evaluate(f"window.__draws.filter(([t]) => t >= {begun} && t <= {ended}).length")
    page.evaluate("window.__stopDraws = true")
    page.mouse.up()
    page.wait_for_timeout(1_500)
    return draws / ((ended - begun) / 1000)


STEP_NOW = "g.textpoint text"  # the descent player's readout of the step on screen ("Step 12")


def _play_frames_per_second(page, url: str, last: int) -> float:
    """Gradient descent: steps shown a second while Play runs a walk of ``last`` steps."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    page.wait_for_timeout(2_500)
    player = page.locator('[data-testid="stPlotlyChart"]').first
    label = player.locator(STEP_NOW)
    player.get_by_text("▶ Play").click()
    begun = time.perf_counter()
    page.wait_for_function(
        "([el, text]) => el.textContent === text", arg=[label.element_handle(), f"Step {last}"], timeout=60_000
    )
    return last / (time.perf_counter() - begun)


@contextlib.contextmanager
def _beside_the_floor(runs: int):
    """Headless Chromium with this app and the floor app served: yields (page, the app's url, the
    floor's load ms, replies and redraws), the floor measured first in the same run."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as pw:
        floor_script = Path(folder) / "floor_app.py"
        floor_script.write_text(FLOOR_APP)
        app_port, floor_port = free_port(), free_port()
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.add_init_script(RECORD_REPLIES)
        try:
            with served(app_port), served(floor_port, script=floor_script):
                floor = _redraw_ms(page, f"http://127.0.0.1:{floor_port}/", runs)
                yield page, f"http://127.0.0.1:{app_port}", *floor
        finally:
            browser.close()


def browser_table(pages: list[str], runs: int) -> int:
    print("\nbrowser: headless Chromium; load to first chart, then a key press on the first slider to the")
    print("server's last reply and to the last redraw (medians, and the redraw's p90, in ms); the floor is")
    print("a one-slider, one-chart Streamlit app. What lies between reply and redraw is the browser's drawing.")
    head = ("page (and link)", "load ms", "reply ms", "redraw ms", "p90", "x floor", "verdict")
    print(BROWSER_ROW.replace(".0f", "").replace(".1f", "").format(*head))
    missed = 0
    with _beside_the_floor(runs) as (page, app, floor_load, floor_replies, floor_times):
        floor = statistics.median(floor_times)
        reply = statistics.median(floor_replies)
        print(BROWSER_ROW.format("floor app", floor_load, reply, floor, _p90(floor_times), 1, ""))
        for slug, params in links(pages):
            query = "&".join(f"{k}={v}" for k, v in params.items())
            measured = _redraw_ms(page, f"{app}/{slug}?{query}", runs)
            name = link_name(slug, params)
            if measured is None:
                print(f"{name:<18} {'':>8} {'no slider':>10}")
                continue
            load, replies, times = measured
            ms, reply = statistics.median(times), statistics.median(replies)
            # the target: a change redraws within twice the floor's time (the 3D view excepted: its cost is stated)
            ok = ms <= 2 * floor or params.get("3d") == "1"
            missed += not ok
            verdict = "ok" if ok else "MISSES TARGET"
            print(BROWSER_ROW.format(name, load, reply, ms, _p90(times), ms / floor, verdict))
        with tempfile.TemporaryDirectory() as folder:
            table = Path(folder) / "upload.csv"
            table.write_bytes(upload_csv())
            for slug in uploaded(pages):
                measured = _redraw_ms(
                    page, "", runs, arrive=lambda slug=slug: _upload_then_open(page, app, table, slug)
                )
                load, replies, times = measured
                ms, reply = statistics.median(times), statistics.median(replies)
                ok = ms <= 2 * floor
                missed += not ok
                name = f"{slug} + {UPLOAD_ROWS:,}-row upload"
                print(
                    BROWSER_ROW.format(name, load, reply, ms, _p90(times), ms / floor, "ok" if ok else "MISSES TARGET")
                )
        if not pages or "parameters" in pages:
            rate = _drag_updates_per_second(page, f"{app}/parameters")
            print(f"\nparameters: the line redrawn {rate:.0f} times a second while the weight is dragged")
        if not pages or "gradient_descent" in pages:
            for steps in (60, 150, 200):
                fps = _play_frames_per_second(page, f"{app}/gradient_descent?steps={steps}", steps)
                print(f"gradient_descent?steps={steps}: Play shows {fps:.0f} steps a second")
    return missed


def every_slider_table(pages: list[str], runs: int) -> int:
    """Each page at its defaults, every slider on it in turn: the redraw against the floor."""
    print("\nevery slider: each page at its defaults, a key press on each of its sliders in turn (median ms)")
    print(f"{'page':<18} {'slider':<44} {'reply ms':>9} {'redraw ms':>10} {'x floor':>8}  verdict")
    missed = 0
    with _beside_the_floor(runs) as (page, app, _, _, floor_times):
        floor = statistics.median(floor_times)
        print(f"{'floor app':<18} {'':<44} {'':>9} {floor:>10.0f} {1:>8.1f}")
        for info in ALL_PAGES:
            if pages and info.slug not in pages:
                continue
            which = 0
            while (measured := _redraw_ms(page, f"{app}/{info.slug}", runs, which)) is not None:
                _, replies, times = measured
                label = page.locator('[data-testid="stMain"] [data-testid="stSlider"]').nth(which)
                name = label.locator('[data-testid="stWidgetLabel"]').inner_text().strip()[:44]
                ms, reply = statistics.median(times), statistics.median(replies)
                ok = ms <= 2 * floor
                missed += not ok
                verdict = "ok" if ok else "MISSES TARGET"
                print(f"{info.slug:<18} {name:<44} {reply:>9.0f} {ms:>10.0f} {ms / floor:>8.1f}  {verdict}")
                which += 1
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--only", default="apptest,server,browser", help="which tables, comma-separated (also: every-slider)"
    )
    parser.add_argument("pages", nargs="*", help="page slugs to measure (default: every page)")
    args = parser.parse_args()
    tables = {
        "apptest": apptest_table,
        "server": server_table,
        "browser": browser_table,
        "every-slider": every_slider_table,  # slow (a few minutes a page): not run unless asked
    }
    missed = sum(tables[name](args.pages, args.runs) for name in args.only.split(","))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
