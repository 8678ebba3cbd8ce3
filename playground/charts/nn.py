"""Charts of a neural network at work: an image, layer activations, learned weights, a computation graph."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from playground import format as fmt
from playground.charts import theme
from playground.models.dataset import nice
from playground.models.nn import Snapshot

INK = [[0.0, "#FFFFFF"], [1.0, "#111111"]]  # pixel 0 white, 1 black: ink on paper
DIVERGING = [[0.0, theme.VERMILLION], [0.5, "#F2F2F2"], [1.0, theme.BLUE]]  # negative, zero, positive
SQUARE = {"visible": False, "scaleanchor": "x", "constrain": "domain"}


def digit_image(pixels: np.ndarray, caption: str = "") -> theme.Chart:
    """An 8x8 image, top row at the top."""
    data = [
        {
            "type": "heatmap",
            "z": theme.f32(np.asarray(pixels).reshape(8, 8)),
            "colorscale": INK,
            "zmin": 0,
            "zmax": 1,
            "showscale": False,
            "hovertemplate": "row %{y}, column %{x}: ink %{z:.2f}<extra></extra>",
        }
    ]
    return theme.figure(
        data,
        height=300,
        # hung from the top edge, so a title that grows (presenter mode) grows downwards, inside
        title={"text": caption, "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 12}},
        xaxis={"visible": False, "constrain": "domain"},
        yaxis={**SQUARE, "autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 46, "b": 10},
    )


def activations(values: np.ndarray, labels: Sequence[str], title: str, highlight: int | None = None) -> theme.Chart:
    """One bar per unit of a layer; the highlighted one (the prediction) in the accent colour."""
    colors = [theme.YOURS if i == highlight else theme.BLUE for i in range(len(values))]
    data = [
        {
            "type": "bar",
            "x": list(labels),
            "y": theme.f32(values),
            "marker": {"color": colors},
            "hovertemplate": "%{x}: %{y:.3f}<extra></extra>",
        }
    ]
    return theme.figure(
        data, height=300, showlegend=False, xaxis=theme.axis("", type="category"), yaxis=theme.axis(title)
    )


def weight_mosaic(W: np.ndarray, columns: int = 8) -> theme.Chart:
    """Each hidden unit's 64 incoming weights as an 8x8 picture, in a grid; blue positive, red negative."""
    n = W.shape[1]
    rows = -(-n // columns)
    mosaic = np.full((rows * 9 - 1, columns * 9 - 1), np.nan)
    for unit in range(n):
        r, c = divmod(unit, columns)
        mosaic[r * 9 : r * 9 + 8, c * 9 : c * 9 + 8] = W[:, unit].reshape(8, 8)
    limit = float(np.nanpercentile(np.abs(mosaic), 98))  # a few extreme weights would wash out the rest
    data = [
        {
            "type": "heatmap",
            "z": theme.f32(mosaic),
            "colorscale": DIVERGING,
            "zmin": -limit,
            "zmax": limit,
            "showscale": False,
            "hoverongaps": False,
            "hovertemplate": "weight %{z:.2f}<extra></extra>",
        }
    ]
    return theme.figure(
        data,
        height=360,
        xaxis={"visible": False, "constrain": "domain"},
        yaxis={**SQUARE, "autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )


def cost_bars(
    labels: Sequence[str], multiply_adds: Sequence[float], highlight: int = 0, log: bool = True
) -> theme.Chart:
    """Multiply-adds per prediction, on a log scale when they span orders of magnitude."""
    return theme.count_bars(list(labels), list(multiply_adds), "multiply-adds", highlight=highlight, log=log)


LOSS_Y = -0.8  # the loss box's height on the graph: the bottom row, under the prediction


def computation_graph(snap: Snapshot) -> theme.Chart:
    """Neurons as boxes with their value (and gradient, once known); weights as labelled edges.

    Edges whose gradient is known are coloured by its sign and thickened by its size: blame
    flowing back.
    """
    widths, weights, values = snap.widths, snap.weights, snap.values
    value_grads, weight_grads, loss = snap.value_grads, snap.weight_grads, snap.loss
    n_layers = len(widths)
    ys = [np.linspace(0.8, -0.8, w) if w > 1 else np.zeros(1) for w in widths]
    known = [g for g in weight_grads if g is not None]
    scale = max((float(np.abs(g).max()) for g in known), default=1.0) or 1.0
    data: list[dict[str, Any]] = []
    labels: list[dict[str, Any]] = []
    for layer, W in enumerate(weights):
        grad = weight_grads[layer]
        for i, j in np.ndindex(W.shape):
            x0, y0, x1, y1 = layer, ys[layer][i], layer + 1, ys[layer + 1][j]
            if grad is None:
                color, width = theme.GREY, 2.0
            else:
                color = theme.POSITIVE if grad[i, j] >= 0 else theme.NEGATIVE
                width = 1.5 + 6 * abs(grad[i, j]) / scale
            data.append(
                {
                    "type": "scatter",
                    "x": [x0, x1],
                    "y": [y0, y1],
                    "mode": "lines",
                    "line": {"color": color, "width": width},
                    "hoverinfo": "skip",
                    "showlegend": False,
                }
            )
            text = f"w={W[i, j]:+.2f}" + ("" if grad is None else f"<br>∂={fmt.graph_number(grad[i, j])}")
            # two fifths of the way along: edges leaving one neuron have fanned apart there, clear of
            # its box, and the crossings in the middle of the layer are avoided; a level edge's
            # label halfway, as far from both its boxes as it can be
            t = 0.5 if y0 == y1 else 0.55 if W.shape[1] == 1 else 0.4
            labels.append(
                {
                    "x": x0 + t * (x1 - x0),
                    "y": y0 + t * (y1 - y0),
                    "text": text,
                    "showarrow": False,
                    "bgcolor": "rgba(255,255,255,0.85)",
                }
            )
    names = ["x", "h", "ŷ"]
    for layer in range(n_layers):
        for i, y in enumerate(ys[layer]):
            name = names[min(layer, 2)] + (f"{i + 1}" if widths[layer] > 1 else "")
            grad = value_grads[layer]
            text = f"<b>{name}</b><br>{fmt.graph_number(values[layer][i])}" + (
                "" if grad is None else f"<br>∂={fmt.graph_number(grad[i])}"
            )
            labels.append(
                {
                    "x": layer,
                    "y": y,
                    "text": text,
                    "showarrow": False,
                    "bgcolor": "white",
                    "bordercolor": theme.BLUE if grad is None else theme.YOURS,
                    "borderwidth": 2,
                    "borderpad": 4,
                }
            )
    loss_text = (
        "<b>Loss</b><br>?"
        if loss is None
        else f"<b>Loss</b><br>{loss:.4f}" + ("<br>∂=1" if snap.loss_grad_known else "")
    )
    # the loss under the prediction, not beside it: the layers keep the chart's width between them,
    # which in a narrow column (a phone, a small laptop) their edges' labels need
    data.append(
        {
            "type": "scatter",
            "x": [n_layers - 1, n_layers - 1],
            "y": [0, LOSS_Y],
            "mode": "lines",
            "line": {"color": theme.GREY, "width": 2, "dash": "dot"},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )
    labels.append(
        {
            "x": n_layers - 1,
            "y": LOSS_Y,
            "text": loss_text,
            "showarrow": False,
            "bgcolor": "#FFF4E5",
            "bordercolor": theme.ORANGE,
            "borderwidth": 2,
            "borderpad": 4,
        }
    )
    labels.append(
        {
            "x": 0,
            "y": -1.04,
            "xref": "paper",
            "yref": "y",
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            # three short lines: the key stays inside the chart in a narrow column (a 1024 px window)
            "text": "Edges stay grey until the blame reaches them.<br>Then blue: raising the weight raises "
            "the loss;<br>red: lowers it; thicker: more blame."
            if not known
            else "Blue edge: raising the weight raises the loss;<br>red: lowers it; thicker: more blame."
            "<br>Grey: not reached yet.",
        }
    )
    return theme.figure(
        data,
        height=520,
        annotations=labels,
        # a box's half width of room beyond the outer layers and no more: in a narrow column (a
        # 1024 px window, a phone) the labels of level edges need every pixel between their boxes
        xaxis={**theme.HIDDEN_AXIS, "range": [-0.25, n_layers - 0.75]},
        yaxis={**theme.HIDDEN_AXIS, "range": [-1.42, 1.05]},
        margin={"l": 4, "r": 4, "t": 10, "b": 10},
    )


def blame(labels: Sequence[str], grads: Sequence[float], known: Sequence[bool] | None = None) -> theme.Chart:
    """Every parameter's gradient, signed: its share of the blame and which way it pushes the loss.

    Only the gradients the backward pass has reached (``known``) get a bar; the others read
    "not yet". The axis is framed on every gradient, so bars appear without the axis moving, and
    its end is a round number (1, 2, 2.5 or 5 times a power of ten) with room for the numbers
    beyond the bars: an input moved a little moves the bars, not the axis.
    """
    g = np.asarray(grads, dtype=np.float64)
    seen = np.ones(g.shape, dtype=bool) if known is None else np.asarray(known, dtype=bool)
    largest = float(np.abs(g).max())
    reach = nice(largest * 1.5) if largest > 0 else 1.0
    data = [
        {
            "type": "bar",
            "x": [float(v) if s else 0.0 for v, s in zip(g, seen, strict=True)],
            "y": list(labels),
            "orientation": "h",
            "marker": {"color": [theme.POSITIVE if v >= 0 else theme.NEGATIVE for v in g]},
            "text": [fmt.graph_number(v) if s else "not yet" for v, s in zip(g, seen, strict=True)],
            "textposition": "outside",
            "constraintext": "none",  # the row's height, not the thin bar's, bounds the number's size
            "cliponaxis": False,
            "hovertemplate": "%{y}: %{text}<extra></extra>",
        }
    ]
    return theme.figure(
        data,
        height=80 + 28 * len(labels),
        showlegend=False,
        xaxis=theme.axis("Gradient of the loss (its blame)", zeroline=True, zerolinewidth=2, range=[-reach, reach]),
        yaxis={"autorange": "reversed"},
    )
