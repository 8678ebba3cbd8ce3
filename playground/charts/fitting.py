"""Charts of fitting too little and too much: the fit, error against complexity, over epochs, over data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from playground.charts import theme
from playground.models.fitting import EpochErrors, Sample, Sweep, price_range

THOUSAND = 1_000.0  # the models count sq ft and dollars in thousands; the charts show sq ft and $


def _error_axis(errors: np.ndarray, floor: float, **extra: Any) -> dict[str, Any]:
    """A dollar axis for typical misses, from zero to a little above the simplest model's miss.

    The top is capped at four times the noise floor, so a memorising model's wild misses leave
    through the top instead of flattening the U into the floor."""
    top = min(float(np.nanmax(errors)), 4 * floor) * 1.15 * THOUSAND
    return theme.axis(theme.AXIS["rmse"], range=[0, top], **theme.DOLLARS, **extra)


def _floor(floor: float) -> dict[str, Any]:
    """A dashed line at the noise floor: the least any model can miss new houses by."""
    return {
        "type": "line",
        "xref": "paper",
        "yref": "y",
        "x0": 0,
        "x1": 1,
        "y0": floor * THOUSAND,
        "y1": floor * THOUSAND,
        "line": {"color": theme.GREY, "width": 2, "dash": "dash"},
    }


def _floor_label(floor: float) -> dict[str, Any]:
    return {
        "x": 1,
        "y": floor * THOUSAND,
        "xref": "paper",
        "yref": "y",
        "xanchor": "right",
        "yanchor": "top",
        "text": "least possible miss",
        "showarrow": False,
    }


def _points(x: np.ndarray, y: np.ndarray, name: str, color: str, hollow: bool = False) -> dict[str, Any]:
    marker = {"color": color, "size": 9}
    if hollow:
        marker = {"color": "rgba(0,0,0,0)", "size": 9, "line": {"color": color, "width": 2}}
    return {
        "type": "scatter",
        "x": theme.f32(x * THOUSAND),
        "y": theme.f32(y * THOUSAND),
        "mode": "markers",
        "name": name,
        "marker": marker,
        "hovertemplate": f"{name}: %{{x:,.0f}} sq ft, $%{{y:,.0f}}<extra></extra>",
    }


def fit_view(s: Sample, grid: np.ndarray, model: np.ndarray, truth: np.ndarray) -> theme.Chart:
    """Training and validation houses, the true curve, and the model's curve on ``grid``.

    The price axis stays on the market's range (the houses with some room); a wild curve leaves
    the chart and comes back rather than squashing the houses flat.
    """
    low, high = price_range(s)
    room = high - low  # a wild curve is clipped well off the chart, where it cannot stretch the axis
    data = [
        _points(s.x_val, s.y_val, "Validation houses (new data)", theme.VALIDATION, hollow=True),
        _points(s.x_train, s.y_train, "Training houses", theme.TRAIN),
        {
            "type": "scatter",
            "x": theme.f32(grid * THOUSAND),
            "y": theme.f32(truth * THOUSAND),
            "mode": "lines",
            "name": "The real pattern",
            "line": {"color": theme.GREY, "width": 3, "dash": "dash"},
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": theme.f32(grid * THOUSAND),
            "y": theme.f32(np.clip(model, low - 3 * room, high + 3 * room) * THOUSAND),
            "mode": "lines",
            "name": "The model",
            "line": {"color": theme.YOURS, "width": 4},
            "hovertemplate": "model: %{x:,.0f} sq ft → $%{y:,.0f}<extra></extra>",
        },
    ]
    return theme.figure(
        data,
        height=440,
        xaxis=theme.axis(theme.AXIS["size"]),
        yaxis=theme.axis(
            theme.AXIS["price"],
            range=[low * THOUSAND, high * THOUSAND],
            **theme.DOLLARS,
        ),
    )


def _error_lines(
    x: np.ndarray, train: np.ndarray, val: np.ndarray, at: str, mode: str = "lines+markers"
) -> list[dict[str, Any]]:
    """Training and validation error against ``x``, in the shared train and validation colours."""
    return [
        {
            "type": "scatter",
            "x": theme.f32(x),
            "y": theme.f32(err * THOUSAND),
            "mode": mode,
            "name": name,
            "line": {"color": color, "width": 3},
            "hovertemplate": f"{name} {at}: $%{{y:,.0f}}<extra></extra>",
        }
        for name, err, color in (("Training error", train, theme.TRAIN), ("Validation error", val, theme.VALIDATION))
    ]


def _zones(verdicts: Sequence[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Shaded bands over runs of degrees sharing a verdict, each labelled once."""
    shapes, labels, start = [], [], 0
    for i in range(1, len(verdicts) + 1):
        if i == len(verdicts) or verdicts[i] != verdicts[start]:
            kind = verdicts[start]
            shapes.append(theme.band(start - 0.5, i - 0.5, theme.VERDICT_COLORS[kind]))
            labels.append(
                {
                    "x": (start + i - 1) / 2,
                    "y": 1.0,
                    "xref": "x",
                    "yref": "paper",
                    "yanchor": "top",
                    "text": kind.replace("good fit", "good<br>fit"),
                    "showarrow": False,
                }
            )
            start = i
    return shapes, labels


def complexity_curve(sweep: Sweep, degree: int, verdicts: Sequence[str], floor: float) -> theme.Chart:
    """Training and validation error for every degree, the zones, the noise floor, the current
    and the best degree."""
    shapes, labels = _zones(verdicts)
    data = _error_lines(sweep.x, sweep.train, sweep.val, "at degree %{x}")
    data.append(
        {
            "type": "scatter",
            "x": [int(sweep.best)],
            "y": [float(sweep.val[sweep.best]) * THOUSAND],
            "mode": "markers",
            "name": f"Best on new data (degree {sweep.best})",
            "marker": {"symbol": "star", "size": 20, "color": theme.BEST, "line": {"color": "white", "width": 1}},
        }
    )
    shapes += [theme.vline(degree, theme.YOURS, dash="dot"), _floor(floor)]
    return theme.figure(
        data,
        height=400,
        shapes=shapes,
        annotations=[*labels, _floor_label(floor)],
        xaxis=theme.axis(theme.AXIS["degree"], dtick=1, range=[-0.5, len(verdicts) - 0.5]),
        yaxis=_error_axis(np.concatenate([sweep.train, sweep.val]), floor),
    )


def epoch_curves(history: EpochErrors, floor: float) -> theme.Chart:
    """Training and validation error per epoch, the noise floor, the best epoch marked and what
    follows shaded."""
    best, end = history.best_epoch, int(history.epochs[-1])
    data = _error_lines(history.epochs, history.train, history.val, "after epoch %{x}", mode="lines")
    shapes = [theme.vline(best, theme.BEST), _floor(floor)]
    if history.overtrained:  # shade the epochs that made it worse, only when they did
        shapes.insert(0, theme.band(best, end, theme.VERDICT_COLORS["overfit"]))
    labels = [
        {
            "x": best,
            "y": 0.85,
            "xref": "x",
            "yref": "paper",
            "yanchor": "top",
            "xanchor": "left",
            "text": f" lowest validation error: epoch {best}",
            "showarrow": False,
        },
        _floor_label(floor),
    ]
    return theme.figure(
        data,
        height=380,
        shapes=shapes,
        annotations=labels,
        xaxis=theme.axis(theme.AXIS["epoch"]),
        yaxis=_error_axis(np.concatenate([history.train, history.val]), floor),
    )


def data_size_curve(curve: Sweep, floor: float) -> theme.Chart:
    """Training and validation error of one model as the training set grows (``curve.x`` holds the sizes)."""
    data = _error_lines(curve.x, curve.train, curve.val, "with %{x} training houses")
    sizes = [int(n) for n in curve.x]
    return theme.figure(
        data,
        height=360,
        shapes=[_floor(floor)],
        annotations=[_floor_label(floor)],
        xaxis=theme.axis(theme.AXIS["n_train"], type="log", tickvals=sizes, ticktext=[str(n) for n in sizes]),
        yaxis=_error_axis(np.concatenate([curve.train, curve.val]), floor),
    )
