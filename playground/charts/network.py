"""A network drawn as its knobs: every line is one weight, thicker for larger, coloured by sign."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from playground.charts import theme

EDGE_WIDTHS = (1.0, 3.0, 6.0)


def _layer_name(i: int, n_layers: int) -> str:
    if i == 0:
        return "Inputs"
    return "Output" if i == n_layers - 1 else f"Hidden {i}"


def _node_y(width: int) -> np.ndarray:
    return np.arange(width) - (width - 1) / 2


def network_diagram(widths: Sequence[int], weights: Sequence[np.ndarray]) -> theme.Chart:
    """Neurons as dots in columns, weights as lines between them.

    Edges are grouped by sign and by size (thirds of the largest weight) so the whole network
    is at most six line traces, however many weights it has.
    """
    if len(weights) != len(widths) - 1:
        raise ValueError(f"{len(widths)} layers need {len(widths) - 1} weight matrices, got {len(weights)}")
    scale = max(float(np.abs(W).max()) for W in weights) or 1.0
    segments: dict[tuple[bool, int], tuple[list[float], list[float]]] = {}
    for layer, W in enumerate(weights):
        y_in, y_out = _node_y(W.shape[0]), _node_y(W.shape[1])
        for i, j in np.ndindex(W.shape):
            size = min(int(abs(W[i, j]) / scale * len(EDGE_WIDTHS)), len(EDGE_WIDTHS) - 1)
            xs, ys = segments.setdefault((bool(W[i, j] >= 0), size), ([], []))
            xs += [layer, layer + 1, np.nan]
            ys += [y_in[i], y_out[j], np.nan]
    data: list[dict[str, Any]] = []
    in_legend: set[bool] = set()
    for (positive, size), (xs, ys) in sorted(segments.items()):
        data.append(
            {
                "type": "scatter",
                "x": np.array(xs, dtype=np.float32),
                "y": np.array(ys, dtype=np.float32),
                "mode": "lines",
                "line": {"color": theme.POSITIVE if positive else theme.NEGATIVE, "width": EDGE_WIDTHS[size]},
                "name": "Positive weight" if positive else "Negative weight",
                "legendgroup": "positive" if positive else "negative",
                "showlegend": positive not in in_legend,
                "hoverinfo": "skip",
                "opacity": 0.75,
            }
        )
        in_legend.add(positive)
    data.append(
        {
            "type": "scatter",
            "x": np.concatenate([np.full(w, i) for i, w in enumerate(widths)]).astype(np.float32),
            "y": np.concatenate([_node_y(w) for w in widths]).astype(np.float32),
            "mode": "markers",
            "name": "Neuron",
            "marker": {"size": 22, "color": theme.GREY, "line": {"width": 2, "color": "white"}},
            "hovertemplate": "neuron<extra></extra>",
        }
    )
    top = max(widths) / 2 + 0.3
    labels = [
        {"x": i, "y": top, "text": f"<b>{_layer_name(i, len(widths))}</b>", "showarrow": False, "yanchor": "bottom"}
        for i in range(len(widths))
    ]
    return theme.figure(
        data,
        height=420,
        annotations=labels,
        xaxis=theme.HIDDEN_AXIS,
        yaxis={**theme.HIDDEN_AXIS, "range": [-top, top + 0.8]},
    )


def parameter_counts(labels: Sequence[str], counts: Sequence[float], highlight: int = 0) -> theme.Chart:
    """Horizontal bars on a log scale, so 2 and 175 billion fit on one chart."""
    return theme.count_bars(list(labels), list(counts), "parameters", highlight=highlight)
