"""Charts of fitting too little and too much: the fit, error against complexity, over epochs, over data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from playground.charts import theme
from playground.models.fitting import EpochErrors, Sample, Sweep

K_DOLLARS = {"tickprefix": "$", "ticksuffix": "k"}


def _error_axis(errors: np.ndarray, noise: float, **extra: Any) -> dict[str, Any]:
    """A log axis for RMSE ($k) from a tenth of the noise up: a memorising model's near-zero
    training error leaves through the floor instead of stretching the axis over ten decades."""
    low = max(0.1 * noise, 1.0)
    high = max(float(np.nanmax(errors)), 2 * low)
    return theme.axis(theme.AXIS["rmse"], type="log", range=[np.log10(low), np.log10(high * 1.3)], **extra)


def _points(x: np.ndarray, y: np.ndarray, name: str, color: str, hollow: bool = False) -> dict[str, Any]:
    marker = {"color": color, "size": 9}
    if hollow:
        marker = {"color": "rgba(0,0,0,0)", "size": 9, "line": {"color": color, "width": 2}}
    return {
        "type": "scatter",
        "x": theme.f32(x),
        "y": theme.f32(y),
        "mode": "markers",
        "name": name,
        "marker": marker,
        "hovertemplate": f"{name}: %{{x:.2f}}k sq ft, $%{{y:,.0f}}k<extra></extra>",
    }


def fit_view(s: Sample, grid: np.ndarray, model: np.ndarray, truth: np.ndarray) -> theme.Chart:
    """Training and validation houses, the true curve, and the model's curve on ``grid``.

    The price axis covers the houses with some room; a wild curve leaves the chart rather than
    squashing the houses flat.
    """
    prices = np.concatenate([s.y_train, s.y_val])
    room = 0.15 * float(np.ptp(prices))
    data = [
        _points(s.x_val, s.y_val, "Validation houses (new data)", theme.VALIDATION, hollow=True),
        _points(s.x_train, s.y_train, "Training houses", theme.TRAIN),
        {
            "type": "scatter",
            "x": theme.f32(grid),
            "y": theme.f32(truth),
            "mode": "lines",
            "name": "The real pattern",
            "line": {"color": theme.GREY, "width": 3, "dash": "dash"},
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": theme.f32(grid),
            "y": theme.f32(np.clip(model, prices.min() - 10 * room, prices.max() + 10 * room)),
            "mode": "lines",
            "name": "The model",
            "line": {"color": theme.YOURS, "width": 4},
            "hovertemplate": "model: %{x:.2f}k sq ft → $%{y:,.0f}k<extra></extra>",
        },
    ]
    return theme.figure(
        data,
        height=440,
        xaxis=theme.axis(theme.AXIS["size_k"]),
        yaxis=theme.axis(
            theme.AXIS["price_k"], range=[float(prices.min() - room), float(prices.max() + room)], **K_DOLLARS
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
            "y": theme.f32(err),
            "mode": mode,
            "name": name,
            "line": {"color": color, "width": 3},
            "hovertemplate": f"{name} {at}: $%{{y:,.1f}}k<extra></extra>",
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


def complexity_curve(sweep: Sweep, degree: int, verdicts: Sequence[str], noise: float) -> theme.Chart:
    """Training and validation error for every degree, the zones, the current and the best degree."""
    shapes, labels = _zones(verdicts)
    data = _error_lines(sweep.x, sweep.train, sweep.val, "at degree %{x}")
    data.append(
        {
            "type": "scatter",
            "x": [int(sweep.best)],
            "y": [float(sweep.val[sweep.best])],
            "mode": "markers",
            "name": f"Best on new data (degree {sweep.best})",
            "marker": {"symbol": "star", "size": 20, "color": theme.BEST, "line": {"color": "white", "width": 1}},
        }
    )
    shapes.append(theme.vline(degree, theme.YOURS, dash="dot"))
    ceiling = np.minimum(sweep.val, 20 * np.min(sweep.val))  # wild validation errors leave through the top
    return theme.figure(
        data,
        height=400,
        shapes=shapes,
        annotations=labels,
        xaxis=theme.axis(theme.AXIS["degree"], dtick=1, range=[-0.5, len(verdicts) - 0.5]),
        yaxis=_error_axis(ceiling, noise),
    )


def epoch_curves(history: EpochErrors, noise: float) -> theme.Chart:
    """Training and validation error per epoch, the best epoch marked and what follows shaded."""
    best, end = history.best_epoch, int(history.epochs[-1])
    data = _error_lines(history.epochs, history.train, history.val, "after epoch %{x}", mode="lines")
    shapes = [theme.band(best, end, theme.VERDICT_COLORS["overfit"]), theme.vline(best, theme.BEST)]
    labels = [
        {
            "x": best,
            "y": 0.85,
            "xref": "x",
            "yref": "paper",
            "yanchor": "top",
            "xanchor": "left",
            "text": f" early stop: epoch {best}",
            "showarrow": False,
        },
    ]
    return theme.figure(
        data,
        height=380,
        shapes=shapes,
        annotations=labels,
        xaxis=theme.axis(theme.AXIS["epoch"]),
        yaxis=_error_axis(np.concatenate([history.train, history.val]), noise),
    )


def data_size_curve(curve: Sweep, noise: float) -> theme.Chart:
    """Training and validation error of one model as the training set grows (``curve.x`` holds the sizes)."""
    data = _error_lines(curve.x, curve.train, curve.val, "with %{x} training houses")
    sizes = [int(n) for n in curve.x]
    return theme.figure(
        data,
        height=360,
        xaxis=theme.axis(theme.AXIS["n_train"], type="log", tickvals=sizes, ticktext=[str(n) for n in sizes]),
        yaxis=_error_axis(np.minimum(curve.val, 20 * np.min(curve.val)), noise),
    )
