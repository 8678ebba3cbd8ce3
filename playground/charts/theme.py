"""One palette, one set of axis labels and one layout for every chart, and the figure factory.

Colours are Okabe-Ito: safe for the common kinds of colour blindness, and mid-tone enough to
read on Streamlit's light and dark backgrounds alike.

Builders describe a figure as plain dicts in Plotly's own schema and hand them to
:func:`figure`, which skips Plotly's per-property validation: that validation costs about
10 ms a chart on every rerun, against a 50 ms budget for the whole page. The chart tests
validate every builder's output instead (``tests/charts``), so a misspelt property still fails.
"""

from __future__ import annotations

from typing import Any

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

AXIS = {
    "size": "House size (sq ft)",
    "price": "Sale price ($)",
    "parameters": "Number of parameters (log scale)",
}
DOLLARS = {"tickprefix": "$", "tickformat": "~s"}
HIDDEN_AXIS = {"visible": False}

FONT_SIZE = 15
PRESENTER_FONT_SIZE = 22
PRESENTER_GROWTH = 1.3


def axis(title: str, **extra: Any) -> dict[str, Any]:
    return {"title": {"text": title}, **extra}


def figure(data: list[dict[str, Any]], *, height: int = 400, **layout: Any) -> go.Figure:
    """A figure from trace dicts and layout entries, with the shared layout underneath."""
    base = {
        "height": height,
        "font": {"size": FONT_SIZE},
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        "hovermode": "closest",
    }
    return _type_size(go.Figure({"data": data, "layout": base | layout}, _validate=False), FONT_SIZE)


def _type_size(fig: go.Figure, size: int) -> go.Figure:
    # Streamlit's chart theme sets tick and legend sizes itself, so each is set explicitly here.
    font = {"size": size}
    fig.update_layout(font=font, legend_font=font)
    fig.update_xaxes(tickfont=font, title_font=font)
    fig.update_yaxes(tickfont=font, title_font=font)
    return fig.update_annotations(font_size=size)


def for_presenter(fig: go.Figure) -> go.Figure:
    """The same chart, taller and in type a projector can carry."""
    height = fig.layout.height or 400
    return _type_size(fig, PRESENTER_FONT_SIZE).update_layout(height=int(height * PRESENTER_GROWTH))


def human_count(n: float) -> str:
    """Counts as people say them: 35, 1,250, 1.5 million, 175 billion."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if n >= size:
            return f"{n / size:.3g} {word}"
    return f"{n:,.0f}"
