"""Before and after, pressed in turn: one page served from two checkouts, one key press at a time.

This machine's speed swings by 2x from one minute to the next, so two bench runs, one per version,
cannot settle a change of 20 %. Here both versions and the floor (``bench.FLOOR_APP``) are served
at once and one headless Chromium presses each in turn, so every round meets the same machine.

Run from the project root, with the other version checked out beside it
(``git worktree add /tmp/before <commit>`` and ``cp -r static /tmp/before/``):

    python scripts/press_ab.py /tmp/before . "loss_functions" 2 --presses 20

The numbers are the page's slider (0 for its first) and how many presses each version gets; the
table gives, per version, the median, the quartiles and the median against the floor's, from the
key press to the page's last change (``bench.WATCH``), as the bench's browser table measures it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from scripts.bench import CHROMIUM, FLOOR_APP, WATCH
from scripts.load import free_port, served


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the checkout of the version before")
    parser.add_argument("after", type=Path, help="the checkout of the version after")
    parser.add_argument("page", help="the page's path and link, such as 'loss_functions?pred=395000'")
    parser.add_argument("slider", type=int, help="which slider of the page to press (0: the first)")
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    floor = Path(tempfile.mkdtemp()) / "floor_app.py"
    floor.write_text(FLOOR_APP)
    apps = {
        "before": (args.before.resolve() / "streamlit_app.py", args.page, args.slider),
        "after": (args.after.resolve() / "streamlit_app.py", args.page, args.slider),
        "floor": (floor, "", 0),
    }
    times: dict[str, list[float]] = {name: [] for name in apps}
    with sync_playwright() as pw, ExitStack() as servers:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        tabs = {}
        for name, (script, path, which) in apps.items():
            port = free_port()
            servers.enter_context(served(port, script=script))
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/{path}")
            page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
            page.wait_for_timeout(2_500)
            thumb = page.locator('[data-testid="stMain"] [data-testid="stSlider"] input[type="range"]').nth(which)
            thumb.scroll_into_view_if_needed()
            thumb.focus()
            thumb.press("ArrowRight")  # untimed, as in the bench: off the scene the page opens on
            page.wait_for_timeout(1_200)
            page.evaluate(WATCH)
            tabs[name] = (page, thumb)
        for i in range(args.presses):
            for name, (page, thumb) in tabs.items():
                page.bring_to_front()
                begun = page.evaluate("performance.now()")
                thumb.focus()
                thumb.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
                page.wait_for_function(
                    f"() => window.__lastChange > {begun} && performance.now() - window.__lastChange > 500",
                    timeout=30_000,
                )
                times[name].append(page.evaluate("window.__lastChange") - begun)
        browser.close()
    floor_ms = statistics.median(times["floor"])
    print(f"{args.page}, slider {args.slider}: key press to redraw, {args.presses} presses each (ms)")
    print(f"{'':8} {'median':>7} {'p25':>6} {'p75':>6} {'x floor':>8}")
    for name, ms in times.items():
        q1, median, q3 = statistics.quantiles(ms, n=4)
        print(f"{name:8} {median:7.0f} {q1:6.0f} {q3:6.0f} {median / floor_ms:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
