"""A chart that follows a slider while it is dragged, before Streamlit hears of the move.

Streamlit sends a slider's value when the learner lets go, so a chart redrawn by the server
lags the hand by a rerun. On Parameters the line and its misses must follow the weight and bias
sliders as they move, as TensorFlow Playground's do. This component (Streamlit's components v2,
mounted in the page, no iframe) watches the two sliders' values as they change mid-drag and
moves the drawn line and misses of the chart already on the page, computing ``w * size + b``
for each house in the browser. Nothing is sent while dragging: on release Streamlit reruns as
usual, and the numpy model redraws the chart, the metrics and the link from the final value,
replacing whatever the browser drew. Why this way: it needs no rerun per frame (a rerun and a
Plotly redraw take 100-200 ms, too slow to follow a hand), no second copy of Plotly.js, and the
chart the learner sees is the same Plotly chart before, during and after the drag.

The script is our own constant; only our widget keys and trace names reach it, as data.
"""

from __future__ import annotations

import streamlit as st

JS = """
export default function (component) {
  const { data } = component;
  const doc = document;
  let pending = false;

  function value(key) {
    const input = doc.querySelector(`.st-key-${key} input[type="range"]`);
    return input ? Number(input.value) : NaN;
  }

  function chart() {
    for (const gd of doc.querySelectorAll(".js-plotly-plot")) {
      if (gd._fullData && gd._fullData.some((t) => t.name === data.line)) return gd;
    }
    return null;
  }

  function redraw() {
    pending = false;
    const gd = chart();
    const w = value(data.w), b = value(data.b);
    if (!gd || !gd._fullLayout || !Number.isFinite(w) || !Number.isFinite(b)) return;
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    const find = (name) => gd._fullData.find((t) => t.name === name);
    const paths = (t) => (t ? [...gd.querySelectorAll(`.trace${t.uid} path.js-line`)] : []);
    const line = find(data.line), houses = find(data.houses), misses = find(data.misses);
    const ends = [line.x[0], line.x[line.x.length - 1]];
    const drawn = paths(line);
    if (drawn.length) {
      drawn[0].setAttribute("d", "M" + ends.map((x) => `${xa.d2p(x)},${ya.d2p(w * x + b)}`).join("L"));
    }
    const strokes = paths(misses);
    if (houses && strokes.length) {
      let d = "";
      for (let i = 0; i < houses.x.length; i++) {
        const px = xa.d2p(houses.x[i]);
        d += `M${px},${ya.d2p(houses.y[i])}L${px},${ya.d2p(w * houses.x[i] + b)}`;
      }
      strokes[0].setAttribute("d", d);
      for (const extra of strokes.slice(1)) extra.setAttribute("d", "");
    }
    gd.dataset.liveDraws = String(Number(gd.dataset.liveDraws || 0) + 1);
  }

  const watching = [data.w, data.b].map((key) => `.st-key-${key}`);
  const observer = new MutationObserver((changes) => {
    const moved = changes.some((c) => watching.some((sel) => c.target.closest && c.target.closest(sel)));
    if (moved && !pending) {
      pending = true;
      requestAnimationFrame(redraw);
    }
  });
  observer.observe(doc.body, { subtree: true, attributes: true, attributeFilter: ["aria-valuetext", "value"] });
  return () => observer.disconnect();
}
"""

_follow = st.components.v2.component("playground.live_line", js=JS)


def follow_drag(w_key: str, b_key: str, *, line: str, houses: str, misses: str) -> None:
    """Make the chart holding trace ``line`` follow the sliders keyed ``w_key`` and ``b_key``
    mid-drag (prices ``w * size + b`` for the trace ``houses``; ``misses`` are their strokes)."""
    _follow(
        key=f"live-{w_key}-{b_key}", data={"w": w_key, "b": b_key, "line": line, "houses": houses, "misses": misses}
    )
