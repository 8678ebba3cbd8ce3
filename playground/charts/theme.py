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

AXIS = {
    "size": "House size (sq ft)",
    "price": "Sale price ($)",
    "parameters": "Number of parameters (log scale)",
    "error": "Error: predicted minus actual ($)",
    "penalty": "Penalty (a $100k miss costs 1)",
    "residual": "Miss: actual minus predicted ($)",
    "probability": "Probability the model gave the right answer",
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


def figure(data: list[dict[str, Any]], *, height: int = 400, **layout: Any) -> go.Figure:
    """A figure from trace dicts and layout entries, on the shared layout, sized for the screen.

    Streamlit's chart theme sets tick, legend and annotation sizes itself, so each is set here
    explicitly; it is done on the dicts, because the same edit through Plotly's ``update_*``
    methods costs several milliseconds a chart.
    """
    presenter = _PRESENTER.get()
    size = {"size": PRESENTER_FONT_SIZE if presenter else FONT_SIZE}
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
    for name in ("xaxis", "yaxis"):
        axis_layout = merged.get(name, {})
        title = axis_layout.get("title", {})
        merged[name] = {**axis_layout, "tickfont": size, "title": {**title, "font": size}}
    merged["annotations"] = [{**a, "font": {**a.get("font", {}), **size}} for a in layout.get("annotations", [])]
    return go.Figure({"data": data, "layout": merged}, _validate=False)


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
