"""Charts of fitting too little and too much: the fit, error against complexity, over epochs, over data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.charts import theme
from playground.models.dataset import Pair
from playground.models.fitting import EpochErrors, Sample, Sweep, price_range


@dataclass(frozen=True)
class Reading:
    """How the fitting charts read: the houses (computed in thousands, shown in sq ft and dollars)
    or a learner's own two columns (shown as they are, in their own signs)."""

    scale: float  # a computed number times this is what the chart shows
    x_title: str
    y_title: str
    signs: dict[str, str]  # the tick format of an amount of the predicted column
    x_signs: dict[str, str]  # and of the input
    point: str  # a point's hover text, after its set's name
    curve: str  # the model's hover text
    amount: str  # an error's hover text
    rows: str  # what the points are: "houses", "rows"
    floor: str  # the dashed line's name


HOUSES = Reading(
    1_000.0,
    theme.AXIS["size"],
    theme.AXIS["price"],
    theme.DOLLARS,
    {},
    "%{x:,.0f} sq ft, $%{y:,.0f}",
    "model: %{x:,.0f} sq ft → $%{y:,.0f}",
    "$%{y:,.0f}",
    "houses",
    "least possible miss",
)


def reading(pair: Pair) -> Reading:
    """The reading of a learner's two columns: their names on the axes (as text), their signs on the ticks."""
    (xp, xs), (yp, ys) = (pair.x_is.prefix, pair.x_is.suffix), (pair.y_is.prefix, pair.y_is.suffix)
    return Reading(
        1.0,
        theme.plain(pair.x_is.name),
        theme.plain(pair.y_is.name),
        {"tickprefix": yp, "ticksuffix": ys, "tickformat": "~s" if np.abs(pair.y).max() >= 1e3 else "~g"},
        {"tickprefix": xp, "ticksuffix": xs, "tickformat": "~s" if np.abs(pair.x).max() >= 1e3 else "~g"},
        f"{xp}%{{x:,.4~g}}{xs}, {yp}%{{y:,.4~g}}{ys}",
        f"model: {xp}%{{x:,.4~g}}{xs} → {yp}%{{y:,.4~g}}{ys}",
        f"{yp}%{{y:,.4~g}}{ys}",
        "rows",
        "best any degree does on new rows",
    )


def _error_axis(errors: np.ndarray, floor: float, on: Reading, **extra: Any) -> dict[str, Any]:
    """An axis for typical misses, from zero to a little above the simplest model's miss.

    The top is capped at four times the floor, so a memorising model's wild misses leave
    through the top instead of flattening the U into the floor."""
    top = min(float(np.nanmax(errors)), 4 * floor) * 1.15 * on.scale
    title = theme.AXIS["rmse"] if on is HOUSES else f"Typical miss on a row ({on.y_title})"
    return theme.axis(title, range=[0, top], **on.signs, **extra)


def _floor(x: Sequence[float], floor: float, on: Reading) -> dict[str, Any]:
    """A dashed line at the floor across ``x``'s ends: the least any model can miss new houses by (the
    houses), or the least any degree misses the new rows by (a learner's). Named in the legend, not
    beside the line, where the two curves meet it and would run through its label."""
    return {
        "type": "scatter",
        "x": [float(x[0]), float(x[-1])],
        "y": [floor * on.scale] * 2,
        "mode": "lines",
        "name": on.floor,
        "line": {"color": theme.GREY, "width": 2, "dash": "dash"},
        "hovertemplate": f"{on.floor}: {on.amount}<extra></extra>",
    }


def _points(x: np.ndarray, y: np.ndarray, name: str, color: str, on: Reading, hollow: bool = False) -> dict[str, Any]:
    marker = {"color": color, "size": 9}
    if hollow:
        marker = {"color": "rgba(0,0,0,0)", "size": 9, "line": {"color": color, "width": 2}}
    return {
        "type": "scatter",
        "x": theme.f32(x * on.scale),
        "y": theme.f32(y * on.scale),
        "mode": "markers",
        "name": name,
        "marker": marker,
        "hovertemplate": f"{name}: {on.point}<extra></extra>",
    }


def fit_view(
    s: Sample,
    grid: np.ndarray,
    model: np.ndarray,
    truth: np.ndarray | None,
    *,
    on: Reading = HOUSES,
    most: int | None = None,
) -> theme.Chart:
    """Training and validation points, the true curve (when there is one), and the model's curve on ``grid``.

    The price axis stays on the market's range (the points with some room); a wild curve leaves
    the chart and comes back rather than squashing the points flat. ``most`` draws only the first
    that many validation points (a learner's are already in a random order).
    """
    low, high = price_range(s)
    room = high - low  # a wild curve is clipped well off the chart, where it cannot stretch the axis
    data = [
        _points(s.x_val[:most], s.y_val[:most], f"Validation {on.rows} (new data)", theme.VALIDATION, on, hollow=True),
        _points(s.x_train, s.y_train, f"Training {on.rows}", theme.TRAIN, on),
    ]
    if truth is not None:
        data.append(
            {
                "type": "scatter",
                "x": theme.f32(grid * on.scale),
                "y": theme.f32(truth * on.scale),
                "mode": "lines",
                "name": "The real pattern",
                "line": {"color": theme.GREY, "width": 3, "dash": "dash"},
                "hoverinfo": "skip",
            }
        )
    data.append(
        {
            "type": "scatter",
            "x": theme.f32(grid * on.scale),
            "y": theme.f32(np.clip(model, low - 3 * room, high + 3 * room) * on.scale),
            "mode": "lines",
            "name": "The model",
            "line": {"color": theme.YOURS, "width": 4},
            "hovertemplate": f"{on.curve}<extra></extra>",
        }
    )
    return theme.figure(
        data,
        height=440,
        xaxis=theme.axis(on.x_title, **on.x_signs),
        yaxis=theme.axis(on.y_title, range=[low * on.scale, high * on.scale], **on.signs),
    )


def _error_lines(
    x: np.ndarray, train: np.ndarray, val: np.ndarray, at: str, on: Reading, mode: str = "lines+markers"
) -> list[dict[str, Any]]:
    """Training and validation error against ``x``, in the shared train and validation colours."""
    return [
        {
            "type": "scatter",
            "x": theme.f32(x),
            "y": theme.f32(err * on.scale),
            "mode": mode,
            "name": name,
            "line": {"color": color, "width": 3},
            "hovertemplate": f"{name} {at}: {on.amount}<extra></extra>",
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


def complexity_curve(
    sweep: Sweep, degree: int, verdicts: Sequence[str], floor: float, *, on: Reading = HOUSES
) -> theme.Chart:
    """Training and validation error for every degree, the zones, the noise floor, the current
    and the best degree."""
    shapes, labels = _zones(verdicts)
    data = _error_lines(sweep.x, sweep.train, sweep.val, "at degree %{x}", on)
    data.append(
        {
            "type": "scatter",
            "x": [int(sweep.best)],
            "y": [float(sweep.val[sweep.best]) * on.scale],
            "mode": "markers",
            "name": f"Best on new data (degree {sweep.best})",
            "marker": {"symbol": "star", "size": 20, "color": theme.BEST, "line": {"color": "white", "width": 1}},
        }
    )
    data.append(_floor([-0.5, len(verdicts) - 0.5], floor, on))
    shapes.append(theme.vline(degree, theme.YOURS, dash="dot"))
    return theme.figure(
        data,
        height=400,
        shapes=shapes,
        annotations=labels,
        xaxis=theme.axis(theme.AXIS["degree"], dtick=1, range=[-0.5, len(verdicts) - 0.5]),
        yaxis=_error_axis(np.concatenate([sweep.train, sweep.val]), floor, on),
    )


def epoch_curves(history: EpochErrors, floor: float, *, on: Reading = HOUSES) -> theme.Chart:
    """Training and validation error per epoch, the noise floor, the best epoch marked and what
    follows shaded; on a level curve, the epoch it levels off marked instead (in grey: no best to keep).

    Epochs run on a log scale: the first tens learn the pattern, the thousands after them memorise
    the noise, and both show. Epoch 0 (the flat start) has no place on it: the lines start at 1.
    """
    # on a level curve the lowest point is a rounding's worth below the rest: mark where it levels off
    best, end = max(history.level_from if history.level else history.best_epoch, 1), int(history.epochs[-1])
    drawn = history.epochs > 0
    epochs, train, val = history.epochs[drawn], history.train[drawn], history.val[drawn]
    data = _error_lines(epochs, train, val, "after epoch %{x:,}", on, mode="lines")
    data.append(_floor([1, end], floor, on))
    shapes = [theme.vline(best, theme.DARK_GREY if history.level else theme.BEST)]
    if history.overtrained:  # shade the epochs that made it worse, only when they did
        shapes.insert(0, theme.band(best, end, theme.VERDICT_COLORS["overfit"]))
    top = float(np.log10(end)) + 0.15  # room for half of the last tick's label ("10,000")
    late = np.log10(best) > 0.6 * top  # its words go left of the line, or a phone's chart cuts them
    labels = [
        {
            "x": float(np.log10(best)),  # an annotation on a log axis is placed by the log of its x
            "y": 0.85,
            "xref": "x",
            "yref": "paper",
            "yanchor": "top",
            "xanchor": "right" if late else "left",
            "align": "right" if late else "left",
            "xshift": -4 if late else 4,
            "text": f"validation error level<br>from epoch {best:,}"
            if history.level
            else f"lowest validation<br>error: epoch {history.best_epoch:,}",
            "showarrow": False,
        },
    ]
    ticks = [10**k for k in range(int(np.log10(end)) + 1)]
    return theme.figure(
        data,
        height=380,
        shapes=shapes,
        annotations=labels,
        xaxis=theme.axis(
            "Epoch (log scale)",
            type="log",
            range=[0, top],
            tickvals=ticks,
            ticktext=[f"{t:,}" for t in ticks],
        ),
        yaxis=_error_axis(np.concatenate([train, val]), floor, on),
    )


def data_size_curve(curve: Sweep, floor: float, *, on: Reading = HOUSES, frame: Sweep | None = None) -> theme.Chart:
    """Training and validation error of one model as the training set grows (``curve.x`` holds the sizes).

    ``frame`` (the sweep over every degree) sets the error axis, as it does the complexity chart's:
    one axis whatever the degree, so changing the degree moves the lines, not the scale.
    """
    data = _error_lines(curve.x, curve.train, curve.val, f"with %{{x}} training {on.rows}", on)
    sizes = [int(n) for n in curve.x]
    title = theme.AXIS["n_train"] if on is HOUSES else "Training rows (log scale)"
    data.append(_floor(curve.x, floor, on))
    return theme.figure(
        data,
        height=360,
        xaxis=theme.axis(title, type="log", tickvals=sizes, ticktext=[str(n) for n in sizes]),
        yaxis=_error_axis(np.concatenate([(frame or curve).train, (frame or curve).val]), floor, on),
    )
