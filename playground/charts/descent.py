"""Gradient descent drawn: the landscape, the walks across it, and playback in the browser.

The animated map sends every step once, as Plotly frames; play, pause and scrubbing then run in
the browser with no rerun. Frame ``t`` moves each walker to its step ``t`` (a walk that ended
earlier stays where it ended).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from playground import format as fmt
from playground.charts import theme
from playground.models.descent import NAMES, Path
from playground.models.landscapes import Landscape

MAP_SHARE = 0.68  # of the animated figure's height, the map's; the loss curve has the rest
LOSS_FLOOR = 1e-8  # the log-scaled loss axis starts here


def _contour(xs: np.ndarray, ys: np.ndarray, Z: np.ndarray, **extra: Any) -> dict[str, Any]:
    """The landscape seen from above, shaded by height on a log scale.

    Shading by log height keeps a narrow ravine's floor and a bowl's rim both visible; the hover
    still reports the real loss.
    """
    floor = float(Z.min())
    shade = np.log10(Z - floor + 1e-3 * (float(Z.max()) - floor) + 1e-12)
    return {
        "type": "contour",
        "x": theme.f32(xs),
        "y": theme.f32(ys),
        "z": theme.f32(shade),
        "customdata": theme.f32(Z),
        **theme.LANDSCAPE_SCALE,
        "ncontours": 22,
        "contours": {"coloring": "heatmap", "showlines": True},
        "line": {"width": 0.5, "color": "rgba(255,255,255,0.5)"},
        "showscale": False,
        "name": "Landscape",
        "hovertemplate": "(%{x:.2f}, %{y:.2f}): loss %{customdata:.3g}<extra></extra>",
        **extra,
    }


def _minima(land: Landscape, **extra: Any) -> dict[str, Any]:
    x, y = zip(*land.minima, strict=True)
    return {
        "type": "scatter",
        "x": list(x),
        "y": list(y),
        "mode": "markers",
        "name": "Valley floor",
        # white with a black edge: seen on the dark valley and in the white legend alike
        "marker": {"symbol": "x", "size": 14, "color": "white", "line": {"width": 1.5, "color": theme.BLACK}},
        "hovertemplate": "a valley floor<extra></extra>",
        **extra,
    }


def _walk(path: Path, label: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "scatter",
        "x": theme.f32(path.positions[:, 0]),
        "y": theme.f32(path.positions[:, 1]),
        "mode": "lines+markers",
        "name": label,
        "legendgroup": label,
        "line": {"color": theme.OPTIMIZER_COLORS[path.optimizer], "width": 3},
        "marker": {"size": 4},
        "hovertemplate": f"{label}<br>(%{{x:.3f}}, %{{y:.3f}})<extra></extra>",
        **extra,
    }


def _knob_axes(land: Landscape) -> tuple[dict[str, Any], dict[str, Any]]:
    """The map's two axes; a house line's knobs read in dollars (per sq ft, and a starting price)."""
    x = theme.axis(land.x_label, range=list(land.x_range))
    y = theme.axis(land.y_label, range=list(land.y_range))
    if land.units is not None:
        ws = np.arange(np.ceil(land.x_range[0]), land.x_range[1] + 1e-9)
        bs = np.arange(np.ceil(land.y_range[0]), land.y_range[1] + 1e-9)
        x |= {"tickvals": ws.tolist(), "ticktext": [fmt.dollars(land.units.line_in_dollars(w, 0)[0]) for w in ws]}
        y |= {"tickvals": bs.tolist(), "ticktext": [fmt.dollars_short(land.units.dollars(b)) for b in bs]}
    return x, y


def use_log_axis(paths: Mapping[str, Path]) -> bool:
    """Log scale when every loss is positive and they span more than fifty-fold."""
    low = min(float(p.losses.min()) for p in paths.values())
    high = max(float(p.losses.max()) for p in paths.values())
    return low > 0 and high / low > 50


def _downhill_tips(land: Landscape, points: np.ndarray) -> np.ndarray:
    """For each point (rows of ``points``), the tip of a short arrow pointing downhill from it.

    The arrow is a twentieth of the map long; on perfectly flat ground it has no direction and
    stays a dot.
    """
    gx, gy = land.grad(points[:, 0], points[:, 1])
    norm = np.hypot(gx, gy)
    norm = np.where(norm > 0, norm, 1.0)
    reach = 0.05 * max(land.x_range[1] - land.x_range[0], land.y_range[1] - land.y_range[0])
    return points - reach * np.column_stack([gx / norm, gy / norm])


def _frame_updates(land: Landscape, paths: list[Path], log: bool, blindfold: bool) -> list[list[dict[str, list]]]:
    """For every step ``t``: where all walkers stand, their loss dots, and (blindfolded) their arrows.

    A walk that ended before step ``t`` stays at its last point. Everything is computed as whole
    arrays and turned into lists once; one trace holds all walkers, so a frame stays small.
    """
    last = max(len(p.losses) for p in paths) - 1
    at = [np.minimum(np.arange(last + 1), len(p.losses) - 1) for p in paths]
    spots = np.stack([p.positions[a] for p, a in zip(paths, at, strict=True)], axis=1)  # (steps, walkers, 2)
    loss = np.stack([p.losses[a] for p, a in zip(paths, at, strict=True)], axis=1)
    loss = np.maximum(loss, LOSS_FLOOR) if log else loss
    wx, wy = np.round(spots[..., 0], 5).tolist(), np.round(spots[..., 1], 5).tolist()
    lx, ly = np.stack(at, axis=1).astype(float).tolist(), np.round(loss, 6).tolist()
    updates = [[{"x": wx[t], "y": wy[t]}, {"x": lx[t], "y": ly[t]}] for t in range(last + 1)]
    if blindfold:
        tips = _downhill_tips(land, spots.reshape(-1, 2)).reshape(spots.shape)
        gap = np.zeros(spots.shape[:2])  # every third point breaks the line between two walkers' arrows
        ax = np.round(np.stack([spots[..., 0], tips[..., 0], gap], axis=2).reshape(len(updates), -1), 5).tolist()
        ay = np.round(np.stack([spots[..., 1], tips[..., 1], gap], axis=2).reshape(len(updates), -1), 5).tolist()
        breaks = [None] * len(paths)
        for frame, x, y in zip(updates, ax, ay, strict=True):
            x[2::3] = y[2::3] = breaks
            frame.append({"x": x, "y": y})
    return updates


def descent_player(
    land: Landscape,
    grid: tuple[np.ndarray, np.ndarray, np.ndarray],
    paths: Mapping[str, Path],
    *,
    blindfold: bool = False,
) -> theme.Chart:
    """The map with every walk and, below it, loss per step; one frame per step.

    Blindfolded, the landscape and the walks stay hidden: each frame shows only the walkers and
    the downhill direction under their feet, and the last frame reveals everything.
    """
    xs, ys, Z = grid
    colors = [theme.OPTIMIZER_COLORS[k] for k in paths]
    log = use_log_axis(paths)
    updates = _frame_updates(land, list(paths.values()), log, blindfold)
    hidden = {"visible": False} if blindfold else {}
    data: list[dict[str, Any]] = []

    def add(trace: dict[str, Any]) -> int:
        """Append a trace; its index is what frames and the reveal refer to."""
        data.append(trace)
        return len(data) - 1

    revealed = [add(_contour(xs, ys, Z, **hidden)), add(_minima(land, **hidden))]  # hidden until the end
    revealed += [add(_walk(p, NAMES[k], **hidden)) for k, p in paths.items()]
    walkers = add(
        {
            "type": "scatter",
            **updates[0][0],
            "mode": "markers",
            "name": "Where each walker stands",
            "showlegend": False,
            "marker": {"color": colors, "size": 18, "line": {"color": "white", "width": 2}},
            "text": [NAMES[k] for k in paths],
            "hovertemplate": "%{text} stands here<extra></extra>",
        }
    )
    revealed += [
        add(
            {
                "type": "scatter",
                "x": np.arange(len(p.losses), dtype=np.float32),
                "y": theme.f32(np.maximum(p.losses, LOSS_FLOOR) if log else p.losses),
                "mode": "lines",
                "name": f"{NAMES[k]} loss",
                "legendgroup": NAMES[k],
                "showlegend": blindfold,
                "line": {"color": theme.OPTIMIZER_COLORS[k], "width": 3},
                "xaxis": "x2",
                "yaxis": "y2",
                "hovertemplate": f"{NAMES[k]}: step %{{x}}, loss %{{y:.4g}}<extra></extra>",
                **hidden,
            }
        )
        for k, p in paths.items()
    ]
    loss_now = add(
        {
            "type": "scatter",
            **updates[0][1],
            "mode": "markers",
            "name": "Loss now",
            "showlegend": False,
            "marker": {"color": colors, "size": 12, "line": {"color": "white", "width": 2}},
            "xaxis": "x2",
            "yaxis": "y2",
            "hoverinfo": "skip",
        }
    )
    moving = [walkers, loss_now]  # in the order of each frame's updates (see _frame_updates)
    if blindfold:
        arrows = {
            "type": "scatter",
            **updates[0][2],
            "mode": "lines",
            "name": "Downhill under its feet",
            "line": {"color": "black", "width": 5},
            "hoverinfo": "skip",
        }
        moving.append(add(arrows))
    frames = [{"name": str(t), "data": u, "traces": moving} for t, u in enumerate(updates)]
    if blindfold:  # the blindfold comes off on the last frame
        end = frames[-1]
        frames[-1] = {**end, "data": end["data"] + [{"visible": True}] * len(revealed), "traces": moving + revealed}
    last = len(frames) - 1
    return theme.animated(
        data,
        frames,
        height=700,
        xaxis={**_knob_axes(land)[0], "domain": [0, 1], "anchor": "y"},
        yaxis={**_knob_axes(land)[1], "domain": [1 - MAP_SHARE, 1], "anchor": "x"},
        xaxis2={**theme.axis(theme.AXIS["step"]), "range": [0, max(last, 1)], "domain": [0, 1], "anchor": "y2"},
        yaxis2={
            **theme.axis(theme.AXIS["loss"]),
            "type": "log" if log else "linear",
            "domain": [0, 1 - MAP_SHARE - 0.1],
            "anchor": "x2",
        },
        margin={"l": 10, "r": 10, "t": 40, "b": 130},
    )


def landscape_3d(
    land: Landscape, grid: tuple[np.ndarray, np.ndarray, np.ndarray], paths: Mapping[str, Path]
) -> theme.Chart:
    """The landscape as a surface with every walk drawn on it."""
    xs, ys, Z = grid
    size = {"size": theme.FONT_SIZE}
    data: list[dict[str, Any]] = [
        {
            "type": "surface",
            "x": theme.f32(xs),
            "y": theme.f32(ys),
            "z": theme.f32(Z),
            **theme.LANDSCAPE_SCALE,
            "showscale": False,
            "opacity": 0.9,
            "name": "Landscape",
            "hovertemplate": "loss %{z:.3g}<extra></extra>",
        }
    ]
    lift = 0.01 * float(np.ptp(Z))
    for k, p in paths.items():
        data.append(
            {
                "type": "scatter3d",
                "x": theme.f32(p.positions[:, 0]),
                "y": theme.f32(p.positions[:, 1]),
                "z": theme.f32(p.losses + lift),
                "mode": "lines+markers",
                "name": NAMES[k],
                "line": {"color": theme.OPTIMIZER_COLORS[k], "width": 6},
                "marker": {"size": 2, "color": theme.OPTIMIZER_COLORS[k]},
            }
        )
    scene = {
        "xaxis": {**_knob_axes(land)[0], "title": {"text": land.x_label, "font": size}, "tickfont": size},
        "yaxis": {**_knob_axes(land)[1], "title": {"text": land.y_label, "font": size}, "tickfont": size},
        "zaxis": {"title": {"text": "loss", "font": size}, "tickfont": size},
        "camera": {"eye": {"x": 1.5, "y": -1.5, "z": 1.1}},
    }
    return theme.figure(data, height=560, scene=scene, margin={"l": 0, "r": 0, "t": 30, "b": 0})


def two_starts(
    land: Landscape, grid: tuple[np.ndarray, np.ndarray, np.ndarray], paths: Mapping[str, Path]
) -> theme.Chart:
    """A still map with walks from different starts, each labelled by its start."""
    xs, ys, Z = grid
    data = [_contour(xs, ys, Z), _minima(land)]
    colors = (theme.VERMILLION, theme.GREEN)
    for (label, p), color in zip(paths.items(), colors, strict=False):
        walk = _walk(p, label)
        walk["line"] = {"color": color, "width": 3}
        data.append(walk)
    return theme.figure(
        data,
        height=460,
        xaxis=_knob_axes(land)[0],
        yaxis=_knob_axes(land)[1],
    )
