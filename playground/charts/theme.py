"""One palette, one set of axis labels and one layout for every chart, and the figure factory.

Colours are Okabe-Ito: safe for the common kinds of colour blindness, and mid-tone enough to
read on Streamlit's light and dark backgrounds alike.

A chart is a plain dict in Plotly's own JSON schema (``Chart``), never a ``go.Figure``:
building Plotly's objects and validating every property costs ~10 ms a chart on every rerun
(~88 ms for the descent player), against a 50 ms budget for the whole page. Builders hand their
traces and layout to :func:`figure`, which puts them on the shared layout and encodes numpy
arrays as Plotly.js typed arrays, so what it returns is ready to send as it is. To change a
chart, change its builder: there is no ``update_layout``. The chart tests validate every
builder's output against Plotly's schema instead (``tests/charts/test_schema.py``), so a
misspelt property still fails. Presenter sizing is applied where charts reach Streamlit
(``playground.ui.chart``).
"""

from __future__ import annotations

import base64
import struct
import textwrap
import zlib
from typing import Any

import numpy as np

from playground import format as fmt

BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
GREY = "#8C8C8C"
DARK_GREY = "#595959"  # white text on it reads at 7:1
DEEP_BLUE = "#005585"  # blue a box's white words read on at 8:1 (on BLUE, 5.2:1)
BLACK = "#000000"

# What each colour is called in a caption: one name per colour, app-wide ("orange" is nobody's name,
# as it would fit both amber and vermillion).
COLOR_NAMES = {
    BLUE: "blue",
    ORANGE: "amber",
    GREEN: "green",
    VERMILLION: "red",
    SKY: "light blue",
    PURPLE: "pink",
    GREY: "grey",
    DARK_GREY: "dark grey",
    DEEP_BLUE: "dark blue",
    BLACK: "black",
}

# Roles, so that "yours" or "validation" is the same colour on every page.
DATA = SKY
YOURS = VERMILLION
YOURS_TINT = "#F7D7C0"  # a light red that the chart's ink reads on at 9:1
BEST = GREEN
CORRUPTED = VERMILLION
POSITIVE = BLUE
NEGATIVE = VERMILLION
TRAIN = BLUE
VALIDATION = ORANGE

# One colour per loss function, on every chart that compares them.
LOSS_COLORS = {"squared": VERMILLION, "absolute": BLUE, "huber": GREEN, "asymmetric": PURPLE}
# and one dash, on the charts where their lines can fall on each other (without mansions every loss
# fits nearly the same line; with them absolute error and Huber stay together): a dash over a solid
# line and dots over both leave every colour showing, and a colour-blind reader a second cue
LOSS_DASHES = {"squared": "solid", "absolute": "dash", "huber": "dot", "asymmetric": "dashdot"}
OUTLIER = ORANGE
VERDICT_COLORS = {
    "underfit": "rgba(86,180,233,0.18)",
    "good fit": "rgba(0,158,115,0.18)",
    "overfit": "rgba(213,94,0,0.15)",
}
# One colour per optimizer, each a different hue that reads on the landscape's blues.
OPTIMIZER_COLORS = {"gd": VERMILLION, "momentum": GREEN, "rmsprop": BLACK, "adam": PURPLE}
CROSS_ENTROPY = DARK_GREY  # beside squared error's own colour on the yes/no chart
# Every role in one table (the README's colour key is this table).
ROLES = {
    "Yours: your line, the model, the highlighted stage": YOURS,
    "Best: the machine's answer, the kept checkpoint, the best degree": BEST,
    "Data: houses, digits": DATA,
    "Training set": TRAIN,
    "Validation set (new data)": VALIDATION,
    "Outliers: the mansions": OUTLIER,
    "A weight that pushes up": POSITIVE,
    "A weight that pushes down": NEGATIVE,
    "The real pattern, a miss": GREY,
}
# Plotly.js's own "Blues" runs from deep blue (low) to pale grey (high): valleys dark. (Named
# scales only; a Python-side "_r" name would reach the browser unexpanded, as validation is skipped.)
LANDSCAPE_SCALE = {"colorscale": "Blues"}
# The same scale's stops, for pictures painted here (plotly.js, src/components/colorscale/scales.js).
BLUES = ((0.0, (5, 10, 172)), (0.35, (40, 60, 190)), (0.5, (70, 100, 245)), (0.6, (90, 120, 245)),
         (0.7, (106, 137, 247)), (1.0, (220, 220, 220)))  # fmt: skip

AXIS = {
    "size": "House size (sq ft)",
    "price": "Sale price ($)",
    "error": "Error: predicted minus actual ($)",
    "penalty": "Penalty (a $10k miss costs 1)",
    "probability": "Probability the model gave the right answer",
    "step": "Step",
    "degree": "Model complexity (polynomial degree)",
    "rmse": "Typical miss on a house ($)",
    "n_train": "Training houses (log scale)",
    "loss": "Loss",
}
DOLLARS = {"tickformat": "$~s"}  # -$100k, not $-100k
HIDDEN_AXIS = {"visible": False}

FONT_SIZE = 15
FONT_FAMILY = '"Source Sans", sans-serif'  # the app's own font, loaded by the page
INK = "#333333"  # chart text: 12.6:1 on white (Streamlit's chart theme used #808495, 3.8:1)
GRID = "#E6EAF1"

# The look every chart shares, in its own layout (the app draws charts itself: ui/plotly_chart.py).
# Plotly's default template would add ~10 KB a chart; this is the little the charts need.
TEMPLATE: dict[str, Any] = {
    "layout": {
        "font": {"family": FONT_FAMILY, "color": INK},
        "title": {"font": {"color": "#111111", "weight": "bold"}, "x": 0, "xanchor": "left"},
        "paper_bgcolor": "#FFFFFF",
        "plot_bgcolor": "#FFFFFF",
        "xaxis": {"automargin": True, "showgrid": False, "zeroline": False, "gridcolor": GRID},
        "yaxis": {"automargin": True, "gridcolor": GRID, "zerolinecolor": GRID},
        "hoverlabel": {"bgcolor": "#FFFFFF", "bordercolor": "rgba(17, 17, 17, 0.2)", "font": {"color": INK}},
        "legend": {"bordercolor": "rgba(0, 0, 0, 0)", "borderwidth": 0, "valign": "top"},
    }
}

# A chart: Plotly's JSON schema as plain dicts and lists, arrays already encoded (see the module doc).
Chart = dict[str, Any]


def f32(a: Any) -> np.ndarray:
    """Arrays go to Plotly as float32: half the bytes, and more precision than a chart shows."""
    return np.asarray(a, dtype=np.float32)


def paint(t: np.ndarray, stops: tuple[tuple[float, tuple[int, int, int]], ...] = BLUES) -> np.ndarray:
    """Values in [0, 1] (any shape) as RGB bytes on a colour scale: shape (..., 3), uint8."""
    at = [p for p, _ in stops]
    rgb = [np.interp(np.clip(t, 0, 1), at, [c[k] for _, c in stops]) for k in range(3)]
    return np.round(np.stack(rgb, axis=-1)).astype(np.uint8)


def png(rgb: np.ndarray) -> str:
    """An RGB picture (rows top to bottom, uint8) as a PNG data address for a layout image.

    Written with the standard library (zlib and struct): a picture needs no imaging package.
    """
    height, width, _ = rgb.shape
    rows = b"".join(b"\x00" + bytes(row) for row in np.ascontiguousarray(rgb, dtype=np.uint8).reshape(height, -1))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def plain(text: str) -> str:
    """Text from outside (a column's name) shown as itself in a chart: Plotly reads ``<b>``, links
    and ``&amp;`` in titles and ``%{x}`` in hover templates; here they are only characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("%{", "%\u200b{")


def axis(title: str, **extra: Any) -> dict[str, Any]:
    return {"title": {"text": title}, **extra}


def _spec(data: list[dict[str, Any]], height: int, layout: dict[str, Any]) -> dict[str, Any]:
    """Trace dicts and layout entries on the shared layout, sized for the screen.

    Streamlit's chart theme sets tick, legend and annotation sizes itself, so each is set here
    explicitly; it is done on the dicts, because the same edit through Plotly's ``update_*``
    methods costs several milliseconds a chart.
    """
    size = {"size": FONT_SIZE}
    merged = {
        "font": size,
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "font": size},
        "hovermode": "closest",
        "template": TEMPLATE,
        **layout,
        "height": height,
    }
    merged["margin"] = {"pad": 8, **merged["margin"]}  # between a plot and its tick labels; presenter mode grows it
    for name in {"xaxis", "yaxis", *(k for k in layout if k.startswith(("xaxis", "yaxis")))}:
        axis_layout = merged.get(name, {})
        title = axis_layout.get("title", {})
        merged[name] = {**axis_layout, "tickfont": size, "title": {**title, "font": size}}
    merged["annotations"] = [{**a, "font": {**a.get("font", {}), **size}} for a in layout.get("annotations", [])]
    return {"data": data, "layout": merged}


def figure(data: list[dict[str, Any]], *, height: int = 400, **layout: Any) -> Chart:
    """A chart from trace dicts (Plotly's schema) and layout entries, on the shared layout, ready to send."""
    return _typed(_spec(data, height, layout))


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


def wrapped(text: str, width: int = 22) -> str:
    """``text`` broken into lines of at most ``width`` characters (Plotly's <br>), at spaces."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def count_bars(labels: list[str], counts: list[float], unit: str, *, highlight: int = 0, log: bool = True) -> Chart:
    """Horizontal bars of counts, labelled as people say them; on a log scale when they span decades.

    ``unit`` names what is counted ("parameters", "multiply-adds") in the axis title and hover.
    A long label takes two lines, so the bars keep their room in a narrow column.
    """
    bar = {
        "type": "bar",
        "x": np.asarray(counts, dtype=np.float64),
        "y": [wrapped(label) for label in labels],
        "orientation": "h",
        # Every number reads at 7:1, inside its bar when it fits, else beside it in the chart's ink:
        # the others' white in a dark grey bar (on grey, 3.4:1); yours in ink, in a light red bar
        # framed in red (white on red read at 3.9:1).
        "marker": {
            "color": [YOURS_TINT if i == highlight else DARK_GREY for i in range(len(labels))],
            "line": {"color": [YOURS if i == highlight else DARK_GREY for i in range(len(labels))], "width": 2},
        },
        "text": [fmt.count(c) for c in counts],
        "textposition": "auto",
        "insidetextfont": {"color": [INK if i == highlight else "#FFFFFF" for i in range(len(labels))]},
        "cliponaxis": False,
        "hovertemplate": f"%{{y}}: %{{text}} {unit}<extra></extra>",
    }
    title = unit.capitalize() + (" (log scale)" if log else "")  # short: centred under bars, it must fit beside them
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


PLAY_SECONDS = 3  # how long pressing Play takes to walk a whole animation
# The step slider stops at most this often, at evenly spaced frames and the last. Plotly draws a tick
# and a label for every stop, and with one per frame a 150-step player took twice as long to draw.
STOPS = 31


def stops(count: int) -> list[int]:
    """The frames (of ``count``) the step slider stops at: every few, always the first and the last."""
    every = max(1, -(-(count - 1) // (STOPS - 1)))
    return sorted({*range(0, count, every), count - 1})


# The player's buttons sit this many pixels under the plot, below its axis's tick labels and title:
# placed as a share of the plot's height they rose into the title ("Step") when the plot was short.
UNDER_THE_AXIS = 64


def animated(data: list[dict[str, Any]], frames: list[dict[str, Any]], *, height: int = 400, **layout: Any) -> Chart:
    """:func:`figure` plus frames, a Play / Pause pair and a step slider under the chart.

    Play shows every frame; the slider stops at some of them (:func:`stops`) and shows no value of its
    own, since it would lag between stops: the chart says which frame is on (a text trace the
    frames update). ``frames`` must hold plain lists and numbers, not numpy arrays: they are sent
    as they are.
    """
    spec = _typed(_spec(data, height, layout))  # encoded once here: the controls and frames are plain
    size = spec["layout"]["font"]
    # a whole walk plays in about three seconds, at most one frame every 16 ms (a screen's refresh)
    step_ms = max(16, min(60, PLAY_SECONDS * 1000 // max(len(frames), 1)))
    play = {"frame": {"duration": step_ms, "redraw": False}, "fromcurrent": True, "transition": {"duration": 0}}
    pause = {"mode": "immediate", "frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0}}
    controls = {
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "left",
                "showactive": False,
                "x": 0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": UNDER_THE_AXIS, "r": 10},
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
                "x": 0,  # under the buttons, the whole width: beside them it ran under Pause on a narrow plot
                "len": 1,
                "y": 0,
                "yanchor": "top",
                "pad": {"t": UNDER_THE_AXIS + 40},
                "font": size,
                "ticklen": 0,
                "currentvalue": {"visible": False},
                "steps": [
                    {"label": frames[i]["name"], "method": "animate", "args": [[frames[i]["name"]], pause]}
                    for i in stops(len(frames))
                ],
            }
        ],
    }
    return {"data": spec["data"], "layout": {**spec["layout"], **controls}, "frames": frames}
