"""One palette, one set of axis labels and one layout for every chart, and the figure factory.

Colours are Okabe-Ito: safe for the common kinds of colour blindness, and mid-tone enough to
read on Streamlit's light and dark backgrounds alike.

Builders describe a figure as plain dicts in Plotly's own schema and hand them to
:func:`figure`, which skips Plotly's per-property validation: that validation costs about
10 ms a chart on every rerun, against a 50 ms budget for the whole page. The chart tests
validate every builder's output instead (``tests/charts``), so a misspelt property still fails.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np
import plotly.graph_objects as go

from playground import format as fmt

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
VERDICT_COLORS = {
    "underfit": "rgba(86,180,233,0.18)",
    "good fit": "rgba(0,158,115,0.18)",
    "overfit": "rgba(213,94,0,0.15)",
}
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
    "size_k": "House size (thousand sq ft)",
    "price_k": "Sale price ($k)",
    "degree": "Model complexity (polynomial degree)",
    "rmse": "Typical miss, RMSE ($k, log scale)",
    "epoch": "Epoch (one pass over the training houses)",
    "n_train": "Training houses (log scale)",
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
    return SpecFigure(_spec(data, height, layout))


def _typed(value: Any) -> Any:
    """Numpy arrays as Plotly.js typed arrays (float32, base64), at any depth of a spec."""
    if isinstance(value, np.ndarray):
        a = np.ascontiguousarray(value, dtype="<f4")
        spec = {"dtype": "f4", "bdata": base64.b64encode(a.tobytes()).decode("ascii")}
        if a.ndim > 1:
            spec["shape"] = ", ".join(map(str, a.shape))
        return spec
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return value


def count_bars(labels: list[str], counts: list[float], unit: str, *, highlight: int = 0, log: bool = True) -> go.Figure:
    """Horizontal bars of counts, labelled as people say them; on a log scale when they span decades.

    ``unit`` names what is counted ("parameters", "multiply-adds") in the axis title and hover.
    """
    bar = {
        "type": "bar",
        "x": np.asarray(counts, dtype=np.float64),
        "y": list(labels),
        "orientation": "h",
        "marker": {"color": [YOURS if i == highlight else GREY for i in range(len(labels))]},
        "text": [fmt.count(c) for c in counts],
        "textposition": "auto",
        "cliponaxis": False,
        "hovertemplate": f"%{{y}}: %{{text}} {unit}<extra></extra>",
    }
    title = f"Number of {unit}" + (" (log scale)" if log else "")
    x_axis = axis(title, type="log", range=[0, np.log10(max(counts)) + 1.3]) if log else axis(title)
    return figure([bar], height=80 + 60 * len(labels), showlegend=False, xaxis=x_axis, yaxis={"autorange": "reversed"})


def band(x0: float, x1: float, color: str) -> dict[str, Any]:
    """A shaded vertical band across the whole plot, behind the data."""
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": x0,
        "x1": x1,
        "y0": 0,
        "y1": 1,
        "fillcolor": color,
        "line": {"width": 0},
        "layer": "below",
    }


def vline(x: float, color: str, dash: str = "dash") -> dict[str, Any]:
    """A vertical marker line across the whole plot."""
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "line": {"color": color, "width": 3, "dash": dash},
    }


class SpecFigure(go.Figure):
    """A figure kept as its JSON spec: Streamlit reads it through ``to_dict()``, straight from the dicts.

    Turning the dicts into Plotly's objects, then copying them back out, cost several
    milliseconds a chart on every rerun (over 100 ms for an animation's frames), so that happens
    only when something reads ``data``, ``layout`` or ``frames``, as the tests do. Those objects
    are for reading: to change a chart, build another (an ``update_*`` call would not reach
    ``to_dict()``). An animation (:func:`animated`) is encoded once when built, and its frames
    must hold plain lists and numbers: they are sent as they are.
    """

    def __init__(self, spec: dict[str, Any], *, encoded: bool = False) -> None:
        super().__init__()  # an empty figure; Plotly's own set-up reads the empty one's layout
        self._spec = spec
        self._encoded = encoded  # arrays already typed: no need to walk thousands of frame values

    def to_dict(self) -> dict[str, Any]:
        """The spec with numpy arrays as typed arrays, in new dicts: nothing shared is edited."""
        if self._encoded:
            return {**self._spec, "layout": dict(self._spec["layout"])}
        return _typed(self._spec)

    @functools.cached_property
    def _plotly(self) -> go.Figure:
        return go.Figure(self._spec, _validate=False)

    def _read(name: str) -> property:  # noqa: N805 (a helper run while the class is built)
        plain = getattr(go.Figure, name)
        return property(lambda self: getattr(self._plotly, name) if "_spec" in self.__dict__ else plain.fget(self))

    data = _read("data")
    layout = _read("layout")
    frames = _read("frames")
    del _read


def animated(
    data: list[dict[str, Any]], frames: list[dict[str, Any]], *, height: int = 400, **layout: Any
) -> SpecFigure:
    """:func:`figure` plus frames, a Play / Pause pair and a step slider under the chart.

    ``frames`` must hold plain lists and numbers, not numpy arrays: they are sent as they are.
    """
    spec = _typed(_spec(data, height, layout))  # encoded once here: the controls and frames are plain
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
    return SpecFigure({"data": spec["data"], "layout": {**spec["layout"], **controls}, "frames": frames}, encoded=True)
