"""Charts of points (the houses, or a learner's own rows) with lines through them.

A :class:`Frame` says what the two axes are and what one point is called; the houses' frame is
the default, so every chart reads in square feet and dollars unless it is given a learner's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from playground import format as fmt
from playground.charts import theme
from playground.models.dataset import Pair, Quantity
from playground.models.linear import Corruption, LineFit, LossFit, predict

HOUSE_AXES = {
    "xaxis": theme.axis(theme.AXIS["size"]),
    "yaxis": theme.axis(theme.AXIS["price"], **theme.DOLLARS),
}


@dataclass(frozen=True)
class Frame:
    """What a chart's axes show, how its hover reads, and what its points are called."""

    x: Quantity
    y: Quantity
    points: str  # the data's name in the legend
    axes: dict[str, Any]
    hover: str  # a point's hover text

    def knobs(self, fit: LineFit | LossFit) -> str:
        """A line's two knobs as its hover shows them."""
        if self is HOUSES:
            return f"w = ${fit.w:,.0f}/sq ft, b = ${fit.b:,.0f}"
        return f"w = {fmt.amount(fit.w)}, b = {fmt.amount(fit.b, self.y.prefix, self.y.suffix)}"


HOUSES = Frame(
    Quantity(theme.AXIS["size"]),
    Quantity(theme.AXIS["price"], "$"),
    "Houses sold",
    HOUSE_AXES,
    "%{x:,.0f} sq ft sold for $%{y:,.0f}<extra></extra>",
)


def _number_axis(q: Quantity, values: np.ndarray) -> dict[str, Any]:
    """An axis titled with a column's name, its ticks in the column's own signs and size."""
    top = float(np.max(np.abs(values))) or 1.0
    tickformat = "~g" if 1e-3 <= top < 1e3 else ("~s" if 1e3 <= top < 1e12 else ".2~e")
    return theme.axis(theme.plain(q.name), tickprefix=q.prefix, ticksuffix=q.suffix, tickformat=tickformat)


def frame(pair: Pair) -> Frame:
    """The frame of a learner's own two columns: their names on the axes, their signs on the ticks."""
    x_name, y_name = theme.plain(pair.x_is.name), theme.plain(pair.y_is.name)
    return Frame(
        pair.x_is,
        pair.y_is,
        "Your rows",
        {"xaxis": _number_axis(pair.x_is, pair.x), "yaxis": _number_axis(pair.y_is, pair.y)},
        f"{x_name}: {pair.x_is.prefix}%{{x:,.4~g}}{pair.x_is.suffix}<br>"
        f"{y_name}: {pair.y_is.prefix}%{{y:,.4~g}}{pair.y_is.suffix}<extra></extra>",
    )


def size_range(size: np.ndarray) -> np.ndarray:
    return np.array([size.min() * 0.95, size.max() * 1.02])


def line_trace(
    fit: LineFit | LossFit, size: np.ndarray, name: str, color: str, dash: str = "solid", *, on: Frame = HOUSES
) -> dict[str, Any]:
    x = size_range(size)
    return {
        "type": "scatter",
        "x": theme.f32(x),
        "y": theme.f32(predict(x, fit.w, fit.b)),
        "mode": "lines",
        "name": name,
        "line": {"color": color, "width": 4, "dash": dash},
        "hovertemplate": f"{name}<br>{on.knobs(fit)}<extra></extra>",
    }


def houses_trace(
    size: np.ndarray, price: np.ndarray, name: str, color: str, symbol: str = "circle", *, on: Frame = HOUSES
) -> dict[str, Any]:
    return {
        "type": "scatter",
        "x": theme.f32(size),
        "y": theme.f32(price),
        "mode": "markers",
        "name": name,
        "marker": {"color": color, "size": 8, "symbol": symbol, "opacity": 0.8},
        "hovertemplate": on.hover,
    }


def fixed_axes(size: np.ndarray, price: np.ndarray, on: Frame = HOUSES) -> dict[str, Any]:
    """Axes framed on the points alone (houses from $0 up): a line that moves never moves them.

    A line priced above or below the market leaves the chart instead of squashing the houses.
    """
    if on is HOUSES:
        y_range = [min(0.0, float(price.min())), float(price.max()) * 1.08]
    else:
        pad = 0.08 * float(np.ptp(price)) or abs(float(price[0])) or 1.0
        y_range = [float(price.min()) - pad, float(price.max()) + pad]
    x_range = (
        size_range(size)
        if on is HOUSES
        else np.array([size.min(), size.max()]) + np.array([-1, 1]) * 0.03 * np.ptp(size)
    )
    return {"xaxis": {**on.axes["xaxis"], "range": x_range.tolist()}, "yaxis": {**on.axes["yaxis"], "range": y_range}}


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


def line_fit(
    size: np.ndarray, price: np.ndarray, yours: LineFit, best: LineFit | None = None, *, on: Frame = HOUSES
) -> theme.Chart:
    """The points, your line, each point's miss as a thin segment, and optionally the best line.

    The axes are framed on the points, so turning a knob moves only the line.
    """
    data = [
        _misses(size, price, yours),
        houses_trace(size, price, on.points, theme.DATA, on=on),
        line_trace(yours, size, "Your line", theme.YOURS, on=on),
    ]
    if best is not None:
        data.append(line_trace(best, size, "Machine's best line", theme.BEST, dash="dash", on=on))
    return theme.figure(data, height=460, **fixed_axes(size, price, on))


def batch_fit(
    size: np.ndarray,
    price: np.ndarray,
    batch: np.ndarray,
    line: LineFit,
    before: LineFit | None = None,
    batch_name: str = "This batch",
    *,
    marks: Literal["misses", "predictions", "none"] = "misses",
) -> theme.Chart:
    """All houses faded, this iteration's batch highlighted, the line, and (just after an update) a
    ghost of the line before it. Framed on all houses: only the model moves.

    ``marks``, what the loop has made of the batch so far: ``"predictions"``, a ring on the line for
    each house (the forward pass); ``"misses"``, each house's miss (the loss, and after), which just
    after an update still runs to the ghost, the line the loss was measured on; ``"none"``, nothing
    yet (the knobs are only set)."""
    chosen = np.zeros(size.shape, dtype=bool)
    chosen[batch] = True
    faded = houses_trace(size[~chosen], price[~chosen], "Other houses", theme.GREY)
    faded["marker"] = {**faded["marker"], "opacity": 0.3, "size": 6}
    data = [faded] if (~chosen).any() else []
    if chosen.any() and marks == "misses":
        data.append(_misses(size[chosen], price[chosen], before or line, joined=before is None))
    if chosen.any():
        data.append(houses_trace(size[chosen], price[chosen], batch_name, theme.DATA))
    if before is not None:
        data.append(line_trace(before, size, "Previous line", theme.GREY, dash="dot"))
    data.append(line_trace(line, size, "Your line", theme.YOURS))
    if chosen.any() and marks == "predictions":
        data.append(_predictions(size[chosen], line))
    # beside the loop, both on one screen; room above the plot for the legend's most rows (three, in half a
    # page at 1,280 px), so the plot stays put as stages add and drop entries
    return theme.figure(data, height=400, margin={"l": 10, "r": 10, "t": 96, "b": 10}, **fixed_axes(size, price))


def _predictions(size: np.ndarray, line: LineFit) -> dict[str, Any]:
    """A ring on the line at each house's size: the price the forward pass predicted for it."""
    return {
        "type": "scatter",
        "x": theme.f32(size),
        "y": theme.f32(predict(size, line.w, line.b)),
        "mode": "markers",
        "name": "Predictions",
        "marker": {"color": "white", "size": 10, "symbol": "circle", "line": {"color": theme.YOURS, "width": 2.5}},
        "hovertemplate": "Predicted: %{y:$,.0f}<extra></extra>",
    }


def dirty_fit(
    size: np.ndarray, dirty: Corruption, clean: LineFit, fitted_dirty: LineFit, *, on: Frame = HOUSES
) -> theme.Chart:
    """Corrupted rows marked, with the line learned from clean data and the one learned from dirty."""
    ok = ~dirty.corrupted
    right, wrong = ("Correct price", "Wrong price (bad join)") if on is HOUSES else ("Correct value", "Wrong value")
    data = [
        houses_trace(size[ok], dirty.price[ok], right, theme.DATA, on=on),
        houses_trace(size[~ok], dirty.price[~ok], wrong, theme.CORRUPTED, symbol="x", on=on),
        line_trace(clean, size, "Learned from clean data", theme.BEST, on=on),
        line_trace(fitted_dirty, size, "Learned from dirty data", theme.YOURS, dash="dash", on=on),
    ]
    return theme.figure(data, height=420, **on.axes)


def preview(x: np.ndarray, y: np.ndarray, best: LineFit, *, on: Frame) -> theme.Chart:
    """A learner's rows with the least-squares line through them: what the pages will learn on."""
    data = [
        houses_trace(x, y, on.points, theme.DATA, on=on),
        line_trace(best, x, "Machine's best line", theme.BEST, dash="dash", on=on),
    ]
    return theme.figure(data, height=380, **fixed_axes(x, y, on))
