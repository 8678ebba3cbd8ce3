"""Charts of the training loop's outer layers: epochs, iterations, early stopping."""

from __future__ import annotations

from typing import Any

import numpy as np

from playground import format as fmt
from playground.charts import theme
from playground.models.training import History


def training_curves(history: History, planned: int | None = None) -> theme.Chart:
    """Every batch's loss (thin and noisy), every epoch's training and validation loss, and the stop.

    The best epoch (the checkpoint kept) gets a star; when early stopping ended the run, the
    patience window from the best epoch to the stop is shaded. The epoch axis spans the
    ``planned`` epochs (by default the epochs run), so a run stopped early ends short of it.
    """
    epochs = np.arange(history.epochs_run + 1)
    data: list[dict[str, Any]] = [
        {
            "type": "scatter",  # not WebGL: a GL layer would cover the epoch lines drawn after it
            "x0": 1 / history.per_epoch,  # evenly spaced: no x array to send
            "dx": 1 / history.per_epoch,
            "y": theme.f32(history.iteration_loss),
            "mode": "lines",
            "name": "Loss on each batch (iteration)",
            "line": {"color": theme.SKY, "width": 1},
            "opacity": 0.7,
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": epochs.tolist(),
            "y": theme.f32(history.epoch_train),
            "mode": "lines+markers",
            "name": "Training loss after each epoch",
            "line": {"color": theme.TRAIN, "width": 3},
            "hovertemplate": "epoch %{x}: training loss %{y:.3f}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": epochs.tolist(),
            "y": theme.f32(history.epoch_val),
            "mode": "lines+markers",
            "name": "Validation loss after each epoch",
            "line": {"color": theme.VALIDATION, "width": 3},
            "hovertemplate": "epoch %{x}: validation loss %{y:.3f}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": [history.best_epoch],
            "y": [float(history.epoch_val[history.best_epoch])],
            "mode": "markers",
            "name": f"Checkpoint kept (epoch {history.best_epoch})"
            + (
                # short lines: inside the chart even in a third of a 1024 px window
                f":<br>the last to cut validation loss<br>by more than {history.min_delta:g}"
                if history.min_delta > 0
                else ": lowest validation loss"
            ),
            "marker": {"symbol": "star", "size": 20, "color": theme.BEST, "line": {"color": "white", "width": 1}},
        },
    ]
    shapes, labels = [], []
    end = max(planned or 0, history.epochs_run)
    if history.stopped_at is not None:
        saved = end - history.stopped_at
        room = history.stopped_at < 0.6 * end  # the words go where the chart has room: after the stop
        shapes = [
            theme.band(history.best_epoch, history.stopped_at, theme.VERDICT_COLORS["overfit"]),
            theme.vline(history.stopped_at, theme.YOURS),
        ]
        labels = [
            {
                "x": history.stopped_at,
                "y": 0.95,
                "xref": "x",
                "yref": "paper",
                "xanchor": "left" if room else "right",
                "align": "left" if room else "right",
                "text": f" stopped after epoch {history.stopped_at} "
                + (f"<br> {fmt.plural(saved, 'planned epoch')} never run " if saved else ""),
                "showarrow": False,
            }
        ]
    # scaled to the epoch curves: a single batch's spike may run off the top, the noise stays plain
    top = 1.5 * max(float(history.epoch_train.max()), float(history.epoch_val.max()))
    return theme.figure(
        data,
        height=420,
        shapes=shapes,
        annotations=labels,
        xaxis=theme.axis("Epoch", range=[0, end]),
        yaxis=theme.axis("Loss (cross-entropy)", range=[0, top]),
    )


def hierarchy(epochs: int, per_epoch: int, shown_epochs: int = 4, shown_iterations: int = 10) -> theme.Chart:
    """The training program holding epochs, each holding its iterations (batches).

    Its words come in short lines, so they stay inside their boxes in a narrow column (four epochs
    side by side in a third of a 1024 px window).
    """
    iterations = "iteration" if per_epoch == 1 else "iterations"
    shapes: list[dict[str, Any]] = [
        {
            "type": "rect",
            "x0": 0,
            "x1": 1,
            "y0": 0,
            "y1": 1,
            "line": {"color": theme.GREY, "width": 2},
            "fillcolor": "rgba(0,0,0,0)",
        }
    ]
    labels = [
        {
            "x": 0.01,
            "y": 0.97,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "text": f"<b>Training program</b><br>up to {fmt.plural(epochs, 'epoch')} × {fmt.count(per_epoch)} "
            + iterations,
        }
    ]
    skipped = epochs > shown_epochs
    n_shown = shown_epochs - 1 if skipped else epochs  # when epochs are skipped, the "…" takes a box's room
    k = min(per_epoch, shown_iterations)  # batches drawn in each epoch
    gap = 0.05 if skipped else 0.0  # room for the "…" before the last epoch, clear of both boxes
    width = (0.96 - gap) / n_shown
    for e in range(n_shown):
        last = e == n_shown - 1 and skipped
        x0 = 0.02 + e * width + (gap if last else 0.0)
        shapes.append(
            {
                "type": "rect",
                "x0": x0,
                "x1": x0 + width - 0.01,
                "y0": 0.18,
                "y1": 0.78,  # below the title's two lines, at a projector's type size too
                "line": {"color": theme.BLUE, "width": 2},
                "fillcolor": "rgba(0,114,178,0.06)",
            }
        )
        name = f"Epoch {epochs:,}" if last else f"Epoch {e + 1}"
        labels.append(
            {
                "x": x0 + 0.01,
                "y": 0.76,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "text": f"<b>{name}</b>",
            }
        )
        for i in range(k):
            bx = x0 + 0.015 + i * (width - 0.04) / k
            shapes.append(
                {
                    "type": "rect",
                    "x0": bx,
                    "x1": bx + 0.8 * (width - 0.04) / k,
                    "y0": 0.23,
                    "y1": 0.48,
                    "line": {"width": 0},
                    "fillcolor": theme.ORANGE if i == k - 1 and per_epoch > k else theme.SKY,
                }
            )
        if last:
            labels.append({"x": x0 - (gap + 0.01) / 2, "y": 0.35, "text": "…", "showarrow": False})
        # the bars stop at a handful; the count under them says how many there really are
        labels.append(
            {
                "x": x0 + 0.01,
                "y": 0.68,
                "xanchor": "left",
                "yanchor": "top",
                "align": "left",
                "showarrow": False,
                "text": f"{fmt.count(per_epoch)}<br>{iterations}",
            }
        )
    labels.append(
        {
            "x": 0.98,
            "y": 0.01,
            "xanchor": "right",
            "yanchor": "bottom",
            "align": "right",
            "showarrow": False,
            "text": "each bar: one batch, one iteration"
            + (f"<br>the amber bar: the other {per_epoch - k + 1:,} batches" if per_epoch > k else ""),
        }
    )
    return theme.figure(
        [],
        height=320,
        shapes=shapes,
        annotations=labels,
        xaxis={**theme.HIDDEN_AXIS, "range": [0, 1]},
        yaxis={**theme.HIDDEN_AXIS, "range": [0, 1]},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
