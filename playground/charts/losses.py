"""Charts that compare loss functions: their curves, the lines they fit, the misses they leave."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from playground import format as fmt
from playground.charts import theme
from playground.charts.regression import HOUSE_AXES, HOUSES, Frame, fixed_axes, houses_trace, line_trace
from playground.models.linear import LossFit
from playground.models.losses import NAMES

PENALTY_TOP = 330.0  # penalty axis: the straight losses stay on it at any k; squared error leaves it


def _curve(x: np.ndarray, y: np.ndarray, name: str, color: str, hover: str) -> dict[str, Any]:
    return {
        "type": "scatter",
        "x": theme.f32(x),
        "y": theme.f32(y),
        "mode": "lines",
        "name": name,
        "legendgroup": name,
        "line": {"color": color, "width": 3},
        "hovertemplate": hover,
    }


def _curve_with_marker(
    x: np.ndarray, y: np.ndarray, x_now: float, name: str, marker_name: str, color: str, hover: str
) -> list[dict[str, Any]]:
    """A curve and a marker on it at ``x_now`` (inside ``x``), sharing one legend entry."""
    marker = {
        "type": "scatter",
        "x": [x_now],
        "y": [float(np.interp(x_now, x, y))],
        "mode": "markers",
        "name": marker_name,
        "legendgroup": name,
        "showlegend": False,
        "marker": {"color": color, "size": 14, "line": {"color": "white", "width": 2}},
        "hovertemplate": f"{name}: %{{y:.2f}}<extra></extra>",
    }
    return [_curve(x, y, name, color, hover), marker]


def _marker(x_now: float | None, penalty: float, name: str, color: str) -> dict[str, Any]:
    """The current miss on a loss's curve; one above the chart sits at its top edge as a triangle,
    its real penalty in its hover. ``x_now`` None (a miss off the chart's side) draws no point."""
    high = penalty > PENALTY_TOP * 0.96
    return {
        "type": "scatter",
        "x": [] if x_now is None else [x_now],
        "y": [] if x_now is None else [min(penalty, PENALTY_TOP * 0.96)],
        "mode": "markers",
        "name": f"{name}: this prediction",
        "legendgroup": name,
        "showlegend": False,
        "marker": {
            "color": color,
            "size": 18 if high else 14,
            "symbol": "triangle-up" if high else "circle",
            "line": {"color": "white", "width": 2},
        },
        "hovertemplate": f"{name}: {fmt.amount(penalty)}" + (" (off the chart)" if high else "") + "<extra></extra>",
    }


def loss_curves(
    errors: np.ndarray, curves: Mapping[str, np.ndarray], error_now: float, now: Mapping[str, float]
) -> theme.Chart:
    """Penalty against error, a curve per loss, with the current error marked on each curve.

    ``curves`` maps a loss key to its penalties at ``errors`` (dollars); ``now`` to its penalty at
    ``error_now``. Both axes are fixed (the errors' span, 0 to :data:`PENALTY_TOP`), so moving the
    prediction moves only the markers: a penalty above the top is drawn at the edge, and a miss
    beyond the errors' span is named in a note at the side instead of drawn where it is not.
    """
    low, high = float(errors.min()), float(errors.max())
    inside = low <= error_now <= high
    data = []
    for kind, penalty in curves.items():
        name, color = NAMES[kind], theme.LOSS_COLORS[kind]
        hover = f"{name}: a miss of %{{x:$,.0f}} costs %{{y:.2f}}<extra></extra>"
        data += [
            _curve(errors, penalty, name, color, hover),
            _marker(error_now if inside else None, now[kind], name, color),
        ]
    notes = []
    if not inside:
        side = "left" if error_now < low else "right"
        notes.append(
            {
                "x": 0.0 if side == "left" else 1.0,
                "y": 0.97,
                "xref": "paper",
                "yref": "paper",
                "xanchor": side,
                "yanchor": "top",
                "showarrow": False,
                "align": side,
                "bgcolor": "rgba(255,255,255,0.9)",  # readable over the curves it crosses
                "text": f"{'← ' if side == 'left' else ''}this miss, {fmt.dollars(error_now, signed=True)},<br>"
                f"is off the chart{' →' if side == 'right' else ''}: the table below scores it",
            }
        )
    return theme.figure(
        data,
        height=420,
        annotations=notes,
        xaxis=theme.axis(theme.AXIS["error"], **theme.DOLLARS, zeroline=True, range=[low, high]),
        yaxis=theme.axis(theme.AXIS["penalty"], range=[0, PENALTY_TOP]),
    )


def fits_by_loss(
    size: np.ndarray,
    price: np.ndarray,
    outlier: np.ndarray,
    fits: Mapping[str, LossFit],
    *,
    on: Frame = HOUSES,
) -> theme.Chart:
    """The ordinary points with the line each loss fits; outliers (the mansions) pinned to the top edge.

    The price axis is scaled to the ordinary houses, so the lines' differences stay visible;
    each outlier is drawn as a triangle at the top, and the legend names their real prices (labels
    beside the triangles would run into each other: the mansions are close in size). A learner's own
    rows have no added outliers: all of them are drawn, on axes framed on them.
    """
    data = [houses_trace(size[~outlier], price[~outlier], on.points, theme.DATA, on=on)]
    if on is not HOUSES:
        data += [_fit_line(fit, size, kind, on) for kind, fit in fits.items()]
        return theme.figure(data, height=440, **fixed_axes(size, price, on))
    top = float(price[~outlier].max()) * 1.25
    x = size[outlier]
    data += [
        {
            "type": "scatter",
            "x": theme.f32(x),
            "y": theme.f32(np.full(x.shape, top * 0.96)),
            "mode": "markers",
            "name": _mansions(price[outlier]),
            "marker": {"color": theme.OUTLIER, "size": 18, "symbol": "triangle-up"},
            "customdata": theme.f32(price[outlier]),
            "hovertemplate": "a mansion of %{x:,.0f} sq ft sold for $%{customdata:,.0f}<extra></extra>",
        },
    ]
    data += [_fit_line(fit, size, kind, HOUSES) for kind, fit in fits.items()]
    axes = {**HOUSE_AXES, "yaxis": {**HOUSE_AXES["yaxis"], "range": [0, top]}}
    return theme.figure(data, height=440, **axes)


def _fit_line(fit: LossFit, size: np.ndarray, kind: str, on: Frame) -> dict[str, Any]:
    return line_trace(fit, size, f"{NAMES[kind]} line", theme.LOSS_COLORS[kind], theme.LOSS_DASHES[kind], on=on)


def _mansions(sold: np.ndarray) -> str:
    """The mansions' legend entry, with what they sold for (their triangles sit too close to label each)."""
    if not len(sold):
        return "Mansions"
    low, high = (f"${p / 1e6:.1f}M" for p in (sold.min(), sold.max()))
    if len(sold) == 1:  # two lines, so the entry stays inside a narrow chart
        return f"Mansion, off the chart:<br>sold for {low}"
    return f"Mansions, off the chart:<br>sold for {low} to {high}"


def misses_by_loss(
    size_band: np.ndarray,
    mean_miss: Mapping[str, np.ndarray],
    *,
    on: Frame = HOUSES,
    reach: Mapping[str, tuple[float, float]] | None = None,
) -> theme.Chart:
    """The average error (predicted minus actual, the app's one sign) of ordinary points in each band of the input.

    With ``reach`` (each loss's lowest and highest miss however many mansions are added) the error
    axis spans the drawn losses' reach, so it holds still while mansions come and go.
    """
    if on is HOUSES:
        hover = "houses near %{x:,.0f} sq ft priced %{y:$,.0f} off on average (+ too high)"
        xaxis = theme.axis(theme.AXIS["size"])
        yaxis = theme.axis(theme.AXIS["error"], **theme.DOLLARS, zeroline=True, zerolinewidth=3)
    else:
        hover = f"rows near %{{x:,.4~g}} predicted {on.y.prefix}%{{y:,.4~g}}{on.y.suffix} off on average (+ too high)"
        xaxis = on.axes["xaxis"]
        yaxis = {**on.axes["yaxis"], "title": {"text": "Error: predicted minus actual"}, "zeroline": True}
        yaxis["zerolinewidth"] = 3
    data = [
        {
            "type": "scatter",
            "x": theme.f32(size_band),
            "y": theme.f32(miss),
            "mode": "lines+markers",
            "name": NAMES[kind],
            "line": {"color": theme.LOSS_COLORS[kind], "width": 3, "dash": theme.LOSS_DASHES[kind]},
            "marker": {"size": 8},
            "hovertemplate": f"{NAMES[kind]}: {hover}<extra></extra>",
        }
        for kind, miss in mean_miss.items()
    ]
    if reach and mean_miss:
        low, high = min(0.0, *(reach[k][0] for k in mean_miss)), max(0.0, *(reach[k][1] for k in mean_miss))
        pad = 0.08 * (high - low) or 1.0
        yaxis = {**yaxis, "range": [low - pad, high + pad], "autorange": False}
    return theme.figure(data, height=340, xaxis=xaxis, yaxis=yaxis)


def confidence_curves(p: np.ndarray, cross_entropy: np.ndarray, squared: np.ndarray, p_now: float) -> theme.Chart:
    """Cross-entropy and squared error against the probability given to the right answer."""
    data = []
    for name, values, color in (
        ("Cross-entropy", cross_entropy, theme.CROSS_ENTROPY),
        ("Squared error", squared, theme.LOSS_COLORS["squared"]),
    ):
        hover = f"{name}: %{{y:.2f}} when the right answer got %{{x:.0%}}<extra></extra>"
        data += _curve_with_marker(p, values, p_now, name, f"{name}: now", color, hover)
    return theme.figure(
        data,
        height=400,
        xaxis=theme.axis(theme.AXIS["probability"], tickformat=".0%", range=[0, 1]),
        yaxis=theme.axis("Penalty", rangemode="tozero"),
    )
