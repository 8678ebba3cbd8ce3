"""Measure every page: server time of a rerun after a control changes, and chart bytes sent.

Run from the project root:  python scripts/bench.py [--runs 15]

For each page it opens the page through the real entry point (AppTest), then, for every
slider, number box and toggle on the page, sets it ``--runs`` times and takes the median time of
``AppTest.run()``: the server's whole rerun, script plus Streamlit's own work. Sliders and number
boxes walk through distinct values across their range, as a dragging learner does, so a cache
cannot hide the work a new value costs; a toggle can only flip.
It reports the slowest control's median, and the bytes of Plotly JSON the page sends.
Targets (../shared/DESIGN.md): under 50 ms a rerun, at most ~300 KB of chart data a page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playground.content.pages import ALL_PAGES
from tests.apptest import open_page

RERUN_TARGET_MS = 50
BYTES_TARGET = 300_000
# Heavier links measured too, beside each page's defaults: the setups that send the most.
STRESS = {
    "gradient_descent": (
        {"steps": "200"},
        {"steps": "200", "opt": "gd,momentum,rmsprop,adam"},
        {"steps": "200", "opt": "gd,momentum,rmsprop,adam", "3d": "1"},
        {"steps": "200", "opt": "gd,momentum,rmsprop,adam", "blind": "1"},
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


def bench_page(file: str, runs: int, params: dict[str, str]) -> tuple[str, float, int]:
    worst_label, worst = "", 0.0
    for label, _ in _controls(open_page(file, **params), runs):
        at = open_page(file, **params)
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
    chart_bytes = sum(len(el.proto.spec) for el in open_page(file, **params).get("plotly_chart"))
    return worst_label, worst, chart_bytes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("pages", nargs="*", help="page slugs to measure (default: every page)")
    args = parser.parse_args()
    open_page(ALL_PAGES[0].file)  # warm imports and caches once, as a running server has them
    print(f"{'page (and link)':<18} {'slowest control':<28} {'rerun ms (median)':>18} {'chart KB':>9}  verdict")
    missed = 0
    for info in ALL_PAGES:
        if args.pages and info.slug not in args.pages:
            continue
        for params in ({}, *STRESS.get(info.slug, ())):
            label, ms, chart_bytes = bench_page(info.file, args.runs, params)
            ok = ms < RERUN_TARGET_MS and chart_bytes <= BYTES_TARGET
            missed += not ok
            name = info.slug + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
            print(f"{name:<18} {label:<28} {ms:>18.1f} {chart_bytes / 1000:>9.1f}  {'ok' if ok else 'MISSES TARGET'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
