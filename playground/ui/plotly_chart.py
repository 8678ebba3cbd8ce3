"""The app's own chart element: Plotly.js, served by the app, redrawing a chart in place.

Why not ``st.plotly_chart``: Streamlit gives a chart a new identity whenever its figure changes,
so every move of a slider throws the old chart away and draws a new one from nothing
(``Plotly.newPlot``), then restyles it with Streamlit's theme and draws it a second time. Here
a chart keeps its place on the page (its key is where the page draws it), and a change is one
``Plotly.react`` on the chart already there: Plotly.js updates what changed and keeps the rest.
A knob's usual step moves only the data of some lines or bars, with the layout as it was: those
traces then glide to their new data in one animation frame of no duration (``Plotly.animate``
without a redraw), so the axes, legend and labels are not drawn again; an axis a moved trace
would stretch must have its range fixed by the figure, or the chart is redrawn in full.

The element is a Streamlit component (components v2: mounted in the page, no iframe), so every
chart on a page shares one copy of Plotly.js, loaded once per tab from the app's own static
folder (``server.enableStaticServing``). That copy is the one the installed ``plotly`` package
ships (``package_data/plotly.min.js``): the server writes it to ``static/`` when it starts, so
Plotly.js in the browser is always the version whose schema the Python side was tested
against, and nothing is fetched from another host. The theme Streamlit used to lay over every
chart is ``charts.theme.TEMPLATE`` now, part of each chart's own layout.

The script below is our constant; the page hands it only a chart's JSON (built by our chart
builders, text from outside already escaped by ``theme.plain``) and its caption, as data.
"""

from __future__ import annotations

import filecmp
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import plotly
import streamlit as st
from plotly.io.json import to_json_plotly

SHIPPED = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
SERVED = Path(__file__).resolve().parents[2] / "static" / "plotly.min.js"  # served at app/static/plotly.min.js
CONFIG = {"displayModeBar": False, "responsive": True}
NAME = "playground.plotly_chart"

JS = """
let library = null;

function plotlyJs() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!library) {
    library = new Promise((resolve, reject) => {
      // The app's static folder sits beside the page: /parameters -> /app/static/...,
      // and behind a proxy's prefix (/~/+/parameters) -> /~/+/app/static/...
      const base = window.location.pathname.replace(/[^/]*$/, "");
      const script = document.createElement("script");
      script.src = base + "app/static/plotly.min.js";
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { library = null; reject(new Error("Plotly.js did not load")); };
      document.head.appendChild(script);
    });
  }
  return library;
}

// What a step of a knob moves in a trace: a trace whose other entries are as drawn can glide there.
const MOVING = new Set(["x", "y", "text", "customdata", "hovertext", "hovertemplate"]);
const GLIDING = new Set(["scatter", "bar"]);

// A trace's entries with its moving data reduced to how many values it holds: two traces of one
// shape differ only in their values. (A point that comes or goes, a mansion added, is a full draw.)
function shapeOf(trace) {
  const count = (value) => (Array.isArray(value) ? value.length : value && value.bdata ? value.bdata.length : 0);
  return JSON.stringify(Object.entries(trace).map(([key, value]) => [key, MOVING.has(key) ? count(value) : value]));
}

// Data sent as a typed array ({dtype: "f4", bdata}: charts.theme._typed), made one for an animation.
function decoded(value) {
  if (!value || typeof value.bdata !== "string" || value.dtype !== "f4" || value.shape) return value;
  const bytes = Uint8Array.from(atob(value.bdata), (c) => c.charCodeAt(0));
  return new Float32Array(bytes.buffer);
}

// Which traces can glide to their new data without the rest being redrawn: the layout and every
// other entry of the traces are as drawn, the moving traces are lines or bars, and an axis along
// which a trace's data moved has its range fixed by the figure (a glide keeps axes as they are).
function gliders(before, layoutBefore, spec, layout, now) {
  if (layoutBefore !== layout || before.size !== spec.data.length || (spec.frames || []).length) return null;
  const changed = [];
  for (const [i, trace] of spec.data.entries()) {
    const old = before.get(i);
    if (old.text === now[i].text) continue;
    if (old.shape !== now[i].shape || !GLIDING.has(trace.type || "scatter")) return null;
    for (const a of ["x", "y"]) {
      const axis = spec.layout[a + "axis" + (trace[a + "axis"] || a).slice(1)];
      const fixed = axis && Array.isArray(axis.range) && [undefined, false].includes(axis.autorange);
      if (old[a] !== now[i][a] && !fixed) return null;
    }
    changed.push(i);
  }
  return changed.length ? changed : null;
}

// Draw the newest figure a chart was sent, if it changed since the last draw. A rerun sends every
// chart of the page again, most of them unchanged, and a burst of reruns ends in one draw. Every
// chart is drawn when the page opens; after that, a change to a chart out of sight is drawn when
// the chart comes near the screen, so a control's change redraws what the learner sees first.
function draw(box) {
  const data = box.latest;
  if ((!box.visible && box.drawn !== undefined) || box.drawn === data.spec) return;
  box.drawn = data.spec;
  // One draw at a time per chart: a change waits for the glide or redraw before it, never cuts it short.
  box.queue = (box.queue || Promise.resolve()).then(plotlyJs).then((Plotly) => {
    if (box.drawn !== data.spec) return;  // a newer figure came meanwhile: its own turn draws it
    const gd = box.firstChild;
    if (!gd._fullLayout) gd.textContent = "";  // a message from an earlier failed load
    const spec = JSON.parse(data.spec);
    const layout = JSON.stringify(spec.layout);
    // A trace that did not change is handed back as the very object drawn before: Plotly.js then
    // sees it unchanged and, when only the layout moved (a marker line, a label), redraws just that.
    const before = box.traces || new Map();
    const now = spec.data.map((trace) => ({
      text: JSON.stringify(trace), shape: shapeOf(trace), x: JSON.stringify(trace.x), y: JSON.stringify(trace.y),
    }));
    const traces = spec.data.map((trace, i) => {
      const same = before.get(i);
      return same && same.text === now[i].text ? same.trace : trace;
    });
    // Where only the data of some lines or bars moved (a knob's usual step), those traces glide to
    // their new data in one frame and nothing else is redrawn: no axes, no legend, no labels.
    const glide = gliders(before, box.layout, spec, layout, now);
    box.traces = new Map(traces.map((trace, i) => [i, { ...now[i], trace }]));
    box.layout = layout;
    if (glide && gd._fullLayout) {
      box.gliding = true;
      const moved = glide.map((i) => Object.fromEntries(Object.entries(spec.data[i]).map(
        ([key, value]) => [key, MOVING.has(key) ? decoded(value) : value])));
      // (an error thrown at once is caught as a refusal too: the chart is then drawn in full)
      return Promise.resolve().then(() => Plotly.animate(gd, { data: moved, traces: glide }, GLIDE)).then(() => {
        box.gliding = false;
        for (const i of glide) box.traces.set(i, { ...box.traces.get(i), trace: gd.data[i] });
        inOrder(gd);
        listen(box, gd);
      }, () => {  // refused: drawn in full instead, and the next change starts afresh
        box.gliding = false;
        box.traces = null;
        return Plotly.react(gd, { data: spec.data, layout: spec.layout, config: data.config });
      });
    }
    // An animation's frames only matter once Play is pressed: the picture is drawn first and
    // they follow in the next task, so a walk with 200 frames redraws as fast as one without.
    const frames = spec.frames || [];
    return Plotly.react(gd, { data: traces, layout: spec.layout, frames: [], config: data.config })
      .then(() => frames.length && new Promise((done) => setTimeout(done, 0)).then(() => {
        if (box.drawn === data.spec) return Plotly.addFrames(gd, frames);
      }))
      .then(() => listen(box, gd));
  }).catch(() => {
    box.drawn = undefined;
    box.firstChild.textContent = "This chart could not be drawn: its drawing library did not load. "
      + "Reload the page to try again.";
  });
}

// A glide brings the traces it moved to the front of their layer; put every trace back in the
// figure's order (the misses under the houses, say), as a full draw has them.
function inOrder(gd) {
  const rank = new Map(gd._fullData.map((trace, i) => ["trace" + trace.uid, i]));
  const of = (g) => rank.get([...g.classList].find((name) => rank.has(name))) ?? -1;
  for (const layer of gd.querySelectorAll(".scatterlayer, .barlayer")) {
    const groups = [...layer.children];
    const sorted = [...groups].sort((a, b) => of(a) - of(b));
    if (sorted.some((g, i) => g !== groups[i])) sorted.forEach((g) => layer.appendChild(g));
  }
}

const GLIDE = { mode: "immediate", transition: { duration: 0 }, frame: { duration: 0, redraw: false } };

function listen(box, gd) {
  if (box.listening) return;
  box.listening = true;
  // Play and the step slider write their frames into the drawn traces: none is kept after that.
  gd.on("plotly_animating", () => { if (!box.gliding) box.traces = null; });
  gd.on("plotly_click", (event) => {
    if (!box.sendClick) return;
    box.sendClick("click", event.points.map((p) => (
      { x: p.x, y: p.y, curve_number: p.curveNumber, point_number: p.pointNumber }
    )));
  });
}

export default function (component) {
  const { parentElement, data, setTriggerValue } = component;
  const box = parentElement.querySelector("div.playground-chart");  // HTML, below
  box.setAttribute("aria-label", data.alt);
  // The chart's room is kept while Plotly.js loads. (No CSS containment: with `contain: strict`
  // Chromium sometimes left a drawn chart unpainted until something else repainted the page.)
  box.style.height = data.height + "px";
  box.sendClick = data.clickable ? setTriggerValue : null;
  box.latest = data;

  if (!box.watching) {
    const near = box.getBoundingClientRect();
    box.visible = near.bottom > -300 && near.top < window.innerHeight + 300;
    box.watching = new IntersectionObserver((entries) => {
      box.visible = entries[entries.length - 1].isIntersecting;
      draw(box);
    }, { rootMargin: "300px 0px" });
    box.watching.observe(box);
    // The page's width can change without the window's (the sidebar opens or closes).
    let pending = false;
    box.resizing = new ResizeObserver(() => {
      const gd = box.firstChild;
      if (pending || !window.Plotly || !gd._fullLayout) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; window.Plotly.Plots.resize(gd); });
    });
    box.resizing.observe(box);
  }
  draw(box);
  return () => {
    box.watching.disconnect();
    box.resizing.disconnect();
    box.watching = null;
  };
}
"""


def serve_plotly_js() -> None:
    """Put the installed package's Plotly.js in the app's static folder (once per server start;
    written whole under a temporary name, then moved, so no viewer ever loads half a file)."""
    if SERVED.exists() and filecmp.cmp(SHIPPED, SERVED, shallow=False):
        return
    try:
        SERVED.parent.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=SERVED.parent, delete=False, suffix=".part") as part:
            part.write(SHIPPED.read_bytes())
        os.replace(part.name, SERVED)
    except OSError:
        logging.getLogger(__name__).exception("could not write %s: charts will say they cannot draw", SERVED)


# The chart's box is in the page as soon as the element is, before its script has loaded: whoever
# waits for a chart to be drawn (a screenshot, a test) finds the box and waits for its drawing.
# It carries Streamlit's own chart test id, by which the team's screenshot tool and the tests find charts.
HTML = '<div class="playground-chart" data-testid="stPlotlyChart" role="figure"><div></div></div>'

serve_plotly_js()
_element = st.components.v2.component(NAME, html=HTML, js=JS, isolate_styles=False)


def plotly_chart(spec: dict[str, Any], *, key: str, alt: str, on_click: Callable[[], None] | None = None) -> None:
    """Draw ``spec`` (a chart builder's dict) where the page stands, under the stable ``key``.

    With ``on_click``, clicking a point runs it before the next run, the clicked points (x, y,
    curve_number, point_number) in ``clicked(key)``.
    """
    data = {
        "spec": to_json_plotly(spec),
        "config": CONFIG,
        "alt": alt,
        "height": spec["layout"]["height"],
        "clickable": on_click is not None,
    }
    if on_click is None:
        _element(key=key, data=data)
    else:
        _element(key=key, data=data, on_click_change=on_click)


def clicked(key: str) -> list[dict[str, Any]]:
    """The points the learner just clicked on the chart drawn under ``key`` (empty if none)."""
    state = st.session_state.get(key)
    return list(getattr(state, "click", None) or [])
