"""The app's own chart element: Plotly.js, served by the app, redrawing a chart in place.

Why not ``st.plotly_chart``: Streamlit gives a chart a new identity whenever its figure changes,
so every move of a slider throws the old chart away and draws a new one from nothing
(``Plotly.newPlot``), then restyles it with Streamlit's theme and draws it a second time. Here
a chart keeps its place on the page (its key is where the page draws it), and a change is one
``Plotly.react`` on the chart already there: Plotly.js updates what changed and keeps the rest.

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

// Draw the newest figure a chart was sent, if it changed since the last draw. A rerun sends every
// chart of the page again, most of them unchanged, and a burst of reruns ends in one draw. Every
// chart is drawn when the page opens; after that, a change to a chart out of sight is drawn when
// the chart comes near the screen, so a control's change redraws what the learner sees first.
function draw(box) {
  const data = box.latest;
  if ((!box.visible && box.drawn !== undefined) || box.drawn === data.spec) return;
  box.drawn = data.spec;
  plotlyJs().then((Plotly) => {
    if (box.drawn !== data.spec) return;
    const gd = box.firstChild;
    if (!gd._fullLayout) gd.textContent = "";  // a message from an earlier failed load
    const spec = JSON.parse(data.spec);
    // A trace that did not change is handed back as the very object drawn before: Plotly.js then
    // sees it unchanged and, when only the layout moved (a marker line, a label), redraws just that.
    const before = box.traces || new Map();
    box.traces = new Map();
    const traces = spec.data.map((trace, i) => {
      const text = JSON.stringify(trace);
      const same = before.get(i);
      const kept = same && same.text === text ? same.trace : trace;
      box.traces.set(i, { text, trace: kept });
      return kept;
    });
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

function listen(box, gd) {
  if (box.listening) return;
  box.listening = true;
  // Play and the step slider write their frames into the drawn traces: none is kept after that.
  gd.on("plotly_animating", () => { box.traces = null; });
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
