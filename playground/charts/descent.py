"""Gradient descent drawn: the landscape, the walks across it, and playback in the browser.

The animated map sends every step once, as Plotly frames; play, pause and scrubbing then run in
the browser with no rerun. Frame ``t`` moves each walker to its step ``t`` (a walk that ended
earlier stays where it ended).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from playground import format as fmt
from playground.charts import theme
from playground.models.descent import NAMES, Path
from playground.models.landscapes import Landscape

MAP_SHARE = 0.63  # of the animated figure's height, the map's; the loss curve has the rest below a gap
GAP = 0.17  # between them: the map's tick labels and axis title
READOUT_ROOM = 0.3  # of the loss panel's height, kept clear above every curve for the step readout
LOSS_FLOOR = 1e-8  # the log-scaled loss axis starts here


ISOLINES = 16  # contour lines drawn over the landscape
TOUCH = 26  # the map answers a hover or a click at this many points a side: 0.04 apart, a start slider's value
TOUCH_TRACE = 1  # the touchable grid's trace: second of the landscape's traces, which come first


def _shade(Z: np.ndarray) -> np.ndarray:
    """Height shaded on a log scale, from 0 (the lowest point) to 1 (the highest).

    Shading by log height keeps a narrow ravine's floor and a bowl's rim both visible.
    """
    floor = float(Z.min())
    s = np.log10(Z - floor + 1e-3 * (float(Z.max()) - floor) + 1e-12)
    return (s - s.min()) / (np.ptp(s) or 1.0)


def _isolines(xs: np.ndarray, ys: np.ndarray, F: np.ndarray, levels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Marching squares: where ``F`` (rows follow ``ys``) crosses each level, as line segments.

    Returns x and y with NaN between lines (a gap in a Plotly line), the segments of each level
    joined into lines. In a cell whose corners alternate above and below (a saddle), the
    centre's side decides which corners are joined.
    """
    v0, v1, v2, v3 = F[:-1, :-1], F[:-1, 1:], F[1:, 1:], F[1:, :-1]  # corners, anticlockwise
    x0, x1 = np.broadcast_to(xs[:-1], v0.shape), np.broadcast_to(xs[1:], v0.shape)
    y0, y1 = np.broadcast_to(ys[:-1, None], v0.shape), np.broadcast_to(ys[1:, None], v0.shape)
    out_x: list[float] = []
    out_y: list[float] = []
    with np.errstate(divide="ignore", invalid="ignore"):
        for level in levels:
            ends = ((v0, v1), (v1, v2), (v3, v2), (v0, v3))  # bottom, right, top, left edges
            t = [np.clip((level - a) / (b - a), 0, 1) for a, b in ends]
            px = np.stack([x0 + t[0] * (x1 - x0), x1, x0 + t[2] * (x1 - x0), x0])
            py = np.stack([y0, y0 + t[1] * (y1 - y0), y1, y0 + t[3] * (y1 - y0)])
            crossed = np.stack([(a >= level) != (b >= level) for a, b in ends])
            count = crossed.sum(axis=0)
            j, i = np.nonzero(count == 2)
            first, last = np.argmax(crossed, axis=0)[j, i], 3 - np.argmax(crossed[::-1], axis=0)[j, i]
            pairs = [(first, last, j, i)]
            j, i = np.nonzero(count == 4)
            same = ((v0 + v1 + v2 + v3)[j, i] / 4 >= level) == (v0[j, i] >= level)
            pairs += [
                (np.zeros_like(j), np.where(same, 1, 3), j, i),
                (np.where(same, 2, 1), np.where(same, 3, 2), j, i),
            ]
            segments = np.concatenate(
                [np.stack([px[a, j, i], py[a, j, i], px[b, j, i], py[b, j, i]], axis=1) for a, b, j, i in pairs]
            )
            for chain in _chains(segments):
                out_x += [*chain[:, 0], np.nan]
                out_y += [*chain[:, 1], np.nan]
    return np.array(out_x, dtype=np.float64), np.array(out_y, dtype=np.float64)


def _chains(segments: np.ndarray) -> list[np.ndarray]:
    """Segments (rows: x0, y0, x1, y1) joined end to end into polylines.

    Two cells compute a shared edge's crossing from the same two corner values, so the ends of
    neighbouring segments are equal to the last bit and can be matched exactly. Fewer, longer
    lines draw as a few SVG paths instead of thousands.
    """
    ends: dict[tuple[float, float], list[int]] = {}
    for k, (x0, y0, x1, y1) in enumerate(segments.tolist()):
        ends.setdefault((x0, y0), []).append(k)
        ends.setdefault((x1, y1), []).append(k)
    used = np.zeros(len(segments), dtype=bool)
    chains = []
    for k in range(len(segments)):
        if used[k]:
            continue
        used[k] = True
        x0, y0, x1, y1 = segments[k].tolist()
        line = [(x0, y0), (x1, y1)]
        for forward in (True, False):  # grow from the last point, then from the first
            while True:
                tip = line[-1] if forward else line[0]
                nxt = next((m for m in ends.get(tip, ()) if not used[m]), None)
                if nxt is None:
                    break
                used[nxt] = True
                a0, b0, a1, b1 = segments[nxt].tolist()
                other = (a1, b1) if (a0, b0) == tip else (a0, b0)
                line = [*line, other] if forward else [other, *line]
        chains.append(np.array(line))
    return chains


Ground = tuple[dict[str, Any], list[dict[str, Any]]]  # a landscape's picture (a layout image) and its traces


def landscape(land: Landscape, grid: tuple[np.ndarray, np.ndarray, np.ndarray]) -> Ground:
    """The landscape seen from above: a painted picture behind the axes, and its contour lines.

    The picture is a layout image, not a trace, so playing frames never wipes it (Plotly drops
    contour and heatmap traces when frames animate without a full redraw). The lines are a
    plain scatter trace for the same reason. Returns the layout image and the traces; a page
    builds it once per landscape (it costs a few milliseconds) and hands it to the charts.
    """
    xs, ys, Z = grid
    shade = _shade(Z)
    image = {
        "source": theme.png(theme.paint(np.flipud(shade))),  # a picture's first row is its top
        "xref": "x",
        "yref": "y",
        "x": float(xs[0]),
        "y": float(ys[-1]),
        "sizex": float(xs[-1] - xs[0]),
        "sizey": float(ys[-1] - ys[0]),
        "sizing": "stretch",
        "layer": "below",
    }
    lx, ly = _isolines(xs, ys, shade, np.linspace(0, 1, ISOLINES + 2)[1:-1])
    lines = {
        "type": "scatter",
        "x": theme.f32(lx),
        "y": theme.f32(ly),
        "mode": "lines",
        "name": "Contour lines",
        "showlegend": False,
        "line": {"color": "rgba(255,255,255,0.55)", "width": 1},
        "hoverinfo": "skip",
    }
    return image, [lines, _touch(land)]


def _hide(ground: Ground) -> Ground:
    """The same landscape, every part of it hidden (blindfolded)."""
    image, traces = ground
    return {**image, "visible": False}, [{**t, "visible": False} for t in traces]


def start_fractions(land: Landscape, point: Mapping[str, Any]) -> tuple[float, float] | None:
    """Where a clicked point of the map sits, as the start sliders' fractions (to 0.01), or None
    for a point that is not on the map (a point of the loss curve below it)."""
    x, y = point.get("x"), point.get("y")
    (x0, x1), (y0, y1) = land.x_range, land.y_range
    on_map = isinstance(x, int | float) and isinstance(y, int | float) and x0 <= x <= x1 and y0 <= y <= y1
    if not on_map or point.get("curve_number") != TOUCH_TRACE:
        return None
    return round((x - x0) / (x1 - x0), 2), round((y - y0) / (y1 - y0), 2)


def _touch(land: Landscape) -> dict[str, Any]:
    """An invisible grid over the map: hovering a cell reads the loss there, clicking one starts the walk there.

    A heatmap, not a cloud of points: Plotly.js draws it as one picture however fine the grid, so it
    costs the same on every redraw (289 transparent markers cost ~15 ms of a ~50 ms redraw), and
    hovering and clicking work from its data, whether or not its picture is on screen.
    """
    xs, ys = land.at(np.linspace(0, 1, TOUCH), np.linspace(0, 1, TOUCH))
    X, Y = np.meshgrid(xs, ys)  # rows follow y
    loss = land.loss(X, Y)
    if land.reads is not None:
        custom = np.stack(land.units.line_in_dollars(X, Y), axis=-1)
        x_is, y_is = land.reads
        # a dollar sign goes into the number's format, so a negative amount reads -$5, not $-5
        pre, cur, suf = ("", "$", y_is.suffix) if y_is.prefix == "$" else (y_is.prefix, "", y_is.suffix)
        w_is, b_is = (f"{pre}%{{customdata[{k}]:{cur}{_d3_plain(custom[..., k])}}}{suf}" for k in (0, 1))
        where = f"a line at {w_is} per {theme.plain(x_is.name)} and {b_is}"
    elif land.units is not None:
        custom = np.stack(land.units.line_in_dollars(X, Y), axis=-1)
        where = "a line at %{customdata[0]:$,.0f} per sq ft and %{customdata[1]:$,.0f}"
    else:
        custom, where = None, "(%{x:.2f}, %{y:.2f})"
    return {
        "type": "heatmap",
        "x": theme.f32(xs),
        "y": theme.f32(ys),
        "z": theme.f32(loss),
        **({} if custom is None else {"customdata": theme.f32(custom)}),
        "name": "Start here",
        "showscale": False,
        "opacity": 0,
        "zsmooth": False,
        "hovertemplate": f"{where}: loss %{{z:.3g}}<extra>click to start here</extra>",
    }


def _d3_plain(values: np.ndarray) -> str:
    """A d3 number format that writes these values without an exponent: -75,970 and 144.9, not -7.597e+4."""
    largest = float(np.max(np.abs(values)))
    return ",.0f" if largest >= 100 else ",.2~f" if largest >= 1 else ".3~g"


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


def _start(path: Path, label: str, color: str) -> dict[str, Any]:
    """A walk's start, a large dot in its colour: where the sliders put the walker."""
    return {
        "type": "scatter",
        "x": theme.f32(path.positions[:1, 0]),
        "y": theme.f32(path.positions[:1, 1]),
        "mode": "markers",
        "name": f"{label}: where it set off",
        "legendgroup": label,
        "showlegend": False,
        "marker": {"size": 14, "color": color, "line": {"color": "white", "width": 2}},
        "hovertemplate": f"{label}: set off here<br>(%{{x:.3f}}, %{{y:.3f}})<extra></extra>",
    }


def _nice_ticks(low: float, high: float, count: int = 5) -> np.ndarray:
    """Round values (1, 2, 2.5 or 5 times a power of ten apart) between ``low`` and ``high``."""
    raw = (high - low) / count
    power = 10.0 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return np.arange(np.ceil(low / step), np.floor(high / step) + 1) * step


def _knob_axes(land: Landscape) -> tuple[dict[str, Any], dict[str, Any]]:
    """The map's two axes; a house line's knobs read in dollars (per sq ft, and a starting price), a
    learner's line in their columns' own units, at round values of those."""
    x = theme.axis(land.x_label, range=list(land.x_range), showgrid=False, zeroline=False)  # the picture is the grid
    y = theme.axis(land.y_label, range=list(land.y_range), showgrid=False, zeroline=False)
    if land.reads is not None:
        (x_is, y_is), u = land.reads, land.units
        per = u.price / u.size  # one scaled unit of the weight, in the learner's own
        ws, bs = _nice_ticks(*(np.array(land.x_range) * per), 6), _nice_ticks(*(np.array(land.y_range) * u.price), 6)
        x |= {"tickvals": (ws / per).tolist(), "ticktext": [fmt.amount(w, y_is.prefix, y_is.suffix) for w in ws]}
        y |= {"tickvals": (bs / u.price).tolist(), "ticktext": [fmt.amount(b, y_is.prefix, y_is.suffix) for b in bs]}
        one, zero = (f"{x_is.prefix}{n}{x_is.suffix}" for n in (1, 0))
        x["title"] = {"text": theme.plain(f"Weight w: {y_is.name} per {one} of {x_is.name}")}
        y["title"] = {"text": theme.plain(f"Bias b: {y_is.name} when {x_is.name} is {zero}")}
    elif land.units is not None:
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


def log_ticks(low: float, high: float, most: int = 4) -> dict[str, Any]:
    """A log axis's ticks from 10**low to 10**high: whole powers of ten only, at most ``most`` of them,
    so a short panel never crams a 2 and a 5 between every pair of labels."""
    powers = list(range(math.ceil(low), math.floor(high) + 1))
    powers = powers[:: -(-len(powers) // most)] if powers else powers
    return {"tickvals": [10.0**p for p in powers], "ticktext": [fmt.power_of_ten(p) for p in powers]}


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
    ground: Ground,
    paths: Mapping[str, Path],
    *,
    blindfold: bool = False,
) -> theme.Chart:
    """The map with every walk and, below it, loss per step; one frame per step.

    Blindfolded, the landscape and the walks stay hidden: each frame shows only the walkers and
    the downhill direction under their feet, and the last frame reveals everything.
    """
    colors = [theme.OPTIMIZER_COLORS[k] for k in paths]
    log = use_log_axis(paths)
    updates = _frame_updates(land, list(paths.values()), log, blindfold)
    hidden = {"visible": False} if blindfold else {}
    data: list[dict[str, Any]] = []

    def add(trace: dict[str, Any]) -> int:
        """Append a trace; its index is what frames and the reveal refer to."""
        data.append(trace)
        return len(data) - 1

    image, traces = _hide(ground) if blindfold else ground
    revealed = [add(t) for t in traces] + [add(_minima(land, **hidden))]  # hidden until the end
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
    last = len(updates) - 1
    losses = np.concatenate([p.losses for p in paths.values()])
    losses = np.maximum(losses, LOSS_FLOOR) if log else losses
    low, high = float(losses.min()), float(losses.max())
    if log:  # fixed from the start, so the curve revealed at the end sits inside it
        bottom, top = np.log10(low) - 0.2, np.log10(high) + 0.2
    else:
        pad = 0.06 * (high - low or 1.0)
        bottom, top = low - pad, high + pad
    loss_range = [bottom, bottom + (top - bottom) / (1 - READOUT_ROOM)]
    # which step is on: in the loss panel's top right corner, in the room kept above its curves,
    # exact during Play and wherever it pauses (in the gap above the panel it ran into the map's
    # tick labels in a narrow column)
    readout = add(
        {
            "type": "scatter",
            "x": [max(last, 1)],
            "y": [10 ** loss_range[1] if log else loss_range[1]],
            "mode": "text",
            "text": ["Step 0"],
            "textposition": "bottom left",
            "cliponaxis": False,
            "textfont": {"size": theme.FONT_SIZE + 3, "color": theme.BLACK},
            "name": "Step now",
            "showlegend": False,
            "hoverinfo": "skip",
            "xaxis": "x2",
            "yaxis": "y2",
        }
    )
    moving.append(readout)
    frames = [{"name": str(t), "data": [*u, {"text": [f"Step {t}"]}], "traces": moving} for t, u in enumerate(updates)]
    if blindfold:  # the blindfold comes off on the last frame, picture and all
        end = frames[-1]
        frames[-1] = {
            **end,
            "data": end["data"] + [{"visible": True}] * len(revealed),
            "traces": moving + revealed,
            "layout": {"images": [{**image, "visible": True}]},
        }
    return theme.animated(
        data,
        frames,
        height=623,
        xaxis={**_knob_axes(land)[0], "domain": [0, 1], "anchor": "y"},
        yaxis={**_knob_axes(land)[1], "domain": [1 - MAP_SHARE, 1], "anchor": "x"},
        xaxis2={**theme.axis(theme.AXIS["step"]), "range": [0, max(last, 1)], "domain": [0, 1], "anchor": "y2"},
        yaxis2={
            **theme.axis(theme.AXIS["loss"]),
            "type": "log" if log else "linear",
            "range": loss_range,
            **(log_ticks(*loss_range) if log else {}),
            "domain": [0, 1 - MAP_SHARE - GAP],
            "anchor": "x2",
        },
        images=[image],
        margin={"l": 10, "r": 10, "t": 40, "b": 150},
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
        **{
            name: {**axis, "title": {**axis["title"], "font": size}, "tickfont": size}
            for name, axis in zip(("xaxis", "yaxis"), _knob_axes(land), strict=True)
        },
        "zaxis": {"title": {"text": "loss", "font": size}, "tickfont": size},
        "camera": {"eye": {"x": 1.5, "y": -1.5, "z": 1.1}},
    }
    return theme.figure(data, height=560, scene=scene, margin={"l": 0, "r": 0, "t": 30, "b": 0})


def two_starts(land: Landscape, ground: Ground, paths: Mapping[str, Path]) -> theme.Chart:
    """A still map with walks from different starts, each labelled by its start and drawn from a dot there."""
    image, (lines, _touch_grid) = ground  # a still map: nothing to click, so no touchable grid to draw
    data = [lines, _minima(land)]
    colors = (theme.VERMILLION, theme.GREEN)
    for (label, p), color in zip(paths.items(), colors, strict=False):
        walk = _walk(p, label)
        walk["line"] = {"color": color, "width": 3}
        data.append(walk)
        data.append(_start(p, label, color))
    return theme.figure(
        data,
        height=460,
        images=[image],
        xaxis=_knob_axes(land)[0],
        yaxis=_knob_axes(land)[1],
    )
