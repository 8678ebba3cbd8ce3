"""Charts of the house data with lines through it."""

from __future__ import annotations

from typing import Any

import numpy as np

from playground.charts import theme
from playground.models.linear import Corruption, LineFit, LossFit, predict

HOUSE_AXES = {
    "xaxis": theme.axis(theme.AXIS["size"]),
    "yaxis": theme.axis(theme.AXIS["price"], **theme.DOLLARS),
}


def size_range(size: np.ndarray) -> np.ndarray:
    return np.array([size.min() * 0.95, size.max() * 1.02])


def line_trace(fit: LineFit | LossFit, size: np.ndarray, name: str, color: str, dash: str = "solid") -> dict[str, Any]:
    x = size_range(size)
    return {
        "type": "scatter",
        "x": theme.f32(x),
        "y": theme.f32(predict(x, fit.w, fit.b)),
        "mode": "lines",
        "name": name,
        "line": {"color": color, "width": 4, "dash": dash},
        "hovertemplate": f"{name}<br>w = ${fit.w:,.0f}/sq ft, b = ${fit.b:,.0f}<extra></extra>",
    }


def houses_trace(size: np.ndarray, price: np.ndarray, name: str, color: str, symbol: str = "circle") -> dict[str, Any]:
    return {
        "type": "scatter",
        "x": theme.f32(size),
        "y": theme.f32(price),
        "mode": "markers",
        "name": name,
        "marker": {"color": color, "size": 8, "symbol": symbol, "opacity": 0.8},
        "hovertemplate": "%{x:,.0f} sq ft sold for $%{y:,.0f}<extra></extra>",
    }


def fixed_axes(size: np.ndarray, price: np.ndarray) -> dict[str, Any]:
    """House axes framed on the houses alone, from $0 up: a line that moves never moves them.

    A line priced above or below the market leaves the chart instead of squashing the houses.
    """
    return {
        "xaxis": {**HOUSE_AXES["xaxis"], "range": size_range(size).tolist()},
        "yaxis": {**HOUSE_AXES["yaxis"], "range": [min(0.0, float(price.min())), float(price.max()) * 1.08]},
    }


def _misses(size: np.ndarray, price: np.ndarray, line: LineFit, *, joined: bool = True) -> dict[str, Any]:
    """Each house's miss as a thin vertical stroke from the line to its price and back.

    ``joined``: one unbroken path, houses in order of size, which between two strokes runs along
    the line itself, hidden under it (a gap between strokes would make each stroke its own SVG
    path for the browser to redraw). Otherwise strokes are separated by gaps: for a line drawn
    dotted, whose dots a joined path would fill in.
    """
    order = np.argsort(size, kind="stable")
    s, p = size[order], price[order]
    pred = predict(s, line.w, line.b)
    back = pred if joined else np.full_like(s, np.nan)
    return {
        "type": "scatter",
        "x": theme.f32(np.column_stack([s, s, s]).ravel()),
        "y": theme.f32(np.column_stack([pred, p, back]).ravel()),
        "mode": "lines",
        "name": "Your misses",
        "line": {"color": theme.GREY, "width": 1},
        "hoverinfo": "skip",
    }


def line_fit(size: np.ndarray, price: np.ndarray, yours: LineFit, best: LineFit | None = None) -> theme.Chart:
    """The houses, your line, each house's miss as a thin segment, and optionally the best line.

    The axes are framed on the houses, so turning a knob moves only the line.
    """
    data = [
        _misses(size, price, yours),
        houses_trace(size, price, "Houses sold", theme.DATA),
        line_trace(yours, size, "Your line", theme.YOURS),
    ]
    if best is not None:
        data.append(line_trace(best, size, "Machine's best line", theme.BEST, dash="dash"))
    return theme.figure(data, height=460, **fixed_axes(size, price))


def batch_fit(
    size: np.ndarray,
    price: np.ndarray,
    batch: np.ndarray,
    line: LineFit,
    before: LineFit | None = None,
    batch_name: str = "This batch",
) -> theme.Chart:
    """All houses faded, this iteration's batch highlighted with its misses, the line, and (just
    after an update) a ghost of the line before it; the misses then still run to the ghost, the
    line the loss was measured on. Framed on all houses: only the model moves."""
    chosen = np.zeros(size.shape, dtype=bool)
    chosen[batch] = True
    faded = houses_trace(size[~chosen], price[~chosen], "Other houses", theme.GREY)
    faded["marker"] = {**faded["marker"], "opacity": 0.3, "size": 6}
    data = [faded] if (~chosen).any() else []
    if chosen.any():
        data += [
            _misses(size[chosen], price[chosen], before or line, joined=before is None),  # as the loss measured them
            houses_trace(size[chosen], price[chosen], batch_name, theme.DATA),
        ]
    if before is not None:
        data.append(line_trace(before, size, "Line before this update", theme.GREY, dash="dot"))
    data.append(line_trace(line, size, "Your line", theme.YOURS))
    return theme.figure(data, height=460, **fixed_axes(size, price))


def dirty_fit(size: np.ndarray, dirty: Corruption, clean: LineFit, fitted_dirty: LineFit) -> theme.Chart:
    """Corrupted rows marked, with the line learned from clean data and the one learned from dirty."""
    ok = ~dirty.corrupted
    data = [
        houses_trace(size[ok], dirty.price[ok], "Correct price", theme.DATA),
        houses_trace(size[~ok], dirty.price[~ok], "Wrong price (bad join)", theme.CORRUPTED, symbol="x"),
        line_trace(clean, size, "Learned from clean data", theme.BEST),
        line_trace(fitted_dirty, size, "Learned from dirty data", theme.YOURS, dash="dash"),
    ]
    return theme.figure(data, height=420, **HOUSE_AXES)
