"""One palette, one set of axis labels and one layout for every chart, and the figure factory.

Colours are Okabe-Ito: safe for the common kinds of colour blindness, and mid-tone enough to
read on Streamlit's light and dark backgrounds alike.

Builders describe a figure as plain dicts in Plotly's own schema and hand them to
:func:`figure`, which skips Plotly's per-property validation: that validation costs about
10 ms a chart on every rerun, against a 50 ms budget for the whole page. The chart tests
validate every builder's output instead (``tests/charts``), so a misspelt property still fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np
import plotly.graph_objects as go

BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
GREY = "#8C8C8C"
DARK_GREY = "#595959"  # white text on it stays readable

# Roles, so that "yours" or "validation" is the same colour on every page.
DATA = SKY
YOURS = VERMILLION
BEST = GREEN
CORRUPTED = VERMILLION
POSITIVE = BLUE
NEGATIVE = VERMILLION
TRAIN = BLUE
VALIDATION = ORANGE

# One colour per loss function, on every chart that compares them.
LOSS_COLORS = {"squared": VERMILLION, "absolute": BLUE, "huber": GREEN, "asymmetric": PURPLE}
OUTLIER = ORANGE
# One colour per optimizer, bright enough to read on the landscape's blues.
OPTIMIZER_COLORS = {"gd": VERMILLION, "momentum": ORANGE, "rmsprop": GREEN, "adam": PURPLE}
# Plotly.js's own "Blues" runs from deep blue (low) to pale grey (high): valleys dark. (Named
# scales only; a Python-side "_r" name would reach the browser unexpanded, as validation is skipped.)
LANDSCAPE_SCALE = {"colorscale": "Blues"}

AXIS = {
    "size": "House size (sq ft)",
    "price": "Sale price ($)",
    "parameters": "Number of parameters (log scale)",
    "error": "Error: predicted minus actual ($)",
    "penalty": "Penalty (a $100k miss costs 1)",
    "residual": "Miss: actual minus predicted ($)",
    "probability": "Probability the model gave the right answer",
    "step": "Step",
    "loss": "Loss",
}
DOLLARS = {"tickformat": "$~s"}  # -$100k, not $-100k
HIDDEN_AXIS = {"visible": False}

FONT_SIZE = 15
PRESENTER_FONT_SIZE = 22
PRESENTER_GROWTH = 1.3


def f32(a: Any) -> np.ndarray:
    """Arrays go to Plotly as float32: half the bytes, and more precision than a chart shows."""
    return np.asarray(a, dtype=np.float32)


def axis(title: str, **extra: Any) -> dict[str, Any]:
    return {"title": {"text": title}, **extra}


# Set per script run by the app's entry point (see `sizing`); a context variable, not a global.
_PRESENTER: ContextVar[bool] = ContextVar("presenter_charts", default=False)


@contextmanager
def sizing(*, presenter: bool) -> Iterator[None]:
    """Inside this block every figure is built for a projector (larger type, taller) or not."""
    token = _PRESENTER.set(presenter)
    try:
        yield
    finally:
        _PRESENTER.reset(token)


def type_size() -> int:
    """The chart font size for this run: larger in presenter mode."""
    return PRESENTER_FONT_SIZE if _PRESENTER.get() else FONT_SIZE


def _spec(data: list[dict[str, Any]], height: int, layout: dict[str, Any]) -> dict[str, Any]:
    """Trace dicts and layout entries on the shared layout, sized for the screen.

    Streamlit's chart theme sets tick, legend and annotation sizes itself, so each is set here
    explicitly; it is done on the dicts, because the same edit through Plotly's ``update_*``
    methods costs several milliseconds a chart.
    """
    presenter = _PRESENTER.get()
    size = {"size": type_size()}
    merged = {
        "font": size,
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "font": size},
        "hovermode": "closest",
        # Streamlit's chart theme restyles every figure in the browser, so Plotly's default
        # template would only add ~10 KB a chart and a deep copy of it on every rerun.
        "template": "none",
        **layout,
        "height": int(height * PRESENTER_GROWTH) if presenter else height,
    }
    for name in {"xaxis", "yaxis", *(k for k in layout if k.startswith(("xaxis", "yaxis")))}:
        axis_layout = merged.get(name, {})
        title = axis_layout.get("title", {})
        merged[name] = {**axis_layout, "tickfont": size, "title": {**title, "font": size}}
    merged["annotations"] = [{**a, "font": {**a.get("font", {}), **size}} for a in layout.get("annotations", [])]
    return {"data": data, "layout": merged}


def figure(data: list[dict[str, Any]], *, height: int = 400, **layout: Any) -> go.Figure:
    """A figure from trace dicts (Plotly's schema) and layout entries, on the shared layout."""
    return go.Figure(_spec(data, height, layout), _validate=False)


class AnimatedFigure(go.Figure):
    """A figure whose frames and playback controls skip Plotly's Python objects entirely.

    Two hundred frames as Plotly objects cost over 100 ms to build and 50 ms more to copy on
    every rerun; as plain dicts they cost about one. Streamlit serialises a figure through
    ``to_dict()``, so the frames and controls are merged in there, JSON-ready.
    """

    def __init__(self, spec: dict[str, Any], frames: list[dict[str, Any]], controls: dict[str, Any]) -> None:
        super().__init__(spec, _validate=False)
        self._raw_frames = frames
        self._raw_controls = controls

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["frames"] = self._raw_frames
        out["layout"].update(self._raw_controls)
        return out


def animated(
    data: list[dict[str, Any]], frames: list[dict[str, Any]], *, height: int = 400, **layout: Any
) -> AnimatedFigure:
    """:func:`figure` plus frames, a Play / Pause pair and a step slider under the chart."""
    spec = _spec(data, height, layout)
    size = spec["layout"]["font"]
    play = {"frame": {"duration": 60, "redraw": False}, "fromcurrent": True, "transition": {"duration": 0}}
    pause = {"mode": "immediate", "frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0}}
    controls = {
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "left",
                "showactive": False,
                "x": 0,
                "y": -0.09,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 0, "r": 10},
                "font": size,
                "buttons": [
                    {"label": "▶ Play", "method": "animate", "args": [None, play]},
                    {"label": "❚❚ Pause", "method": "animate", "args": [[None], pause]},
                ],
            }
        ],
        "sliders": [
            {
                "active": 0,
                "x": 0.22,
                "len": 0.78,
                "y": -0.09,
                "yanchor": "top",
                "pad": {"t": 0},
                "font": size,
                "ticklen": 0,
                "currentvalue": {"prefix": "Step ", "font": size, "xanchor": "right"},
                "steps": [{"label": f["name"], "method": "animate", "args": [[f["name"]], pause]} for f in frames],
            }
        ],
    }
    return AnimatedFigure(spec, frames, controls)


def human_count(n: float, *, short: bool = False) -> str:
    """Counts as people say them: 35, 1,250, 1.5 million, 175 billion (short: 1.5M, 175B)."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if n >= size:
            return f"{n / size:.3g}{word[0].upper()}" if short else f"{n / size:.3g} {word}"
    return f"{n:,.0f}"


def dollars(value: float, *, signed: bool = False) -> str:
    """Whole dollars with thousands separators: $45,125; signed: +$3 or -$40."""
    text = f"${abs(value):,.0f}"
    if value < 0 and round(value) != 0:
        return f"-{text}"
    return f"+{text}" if signed else text
