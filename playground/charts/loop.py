"""The training loop drawn as a cycle, with its one-off start beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from playground.charts import theme

# Four stages around a diamond, clockwise from the top; the start sits outside the cycle, above it:
# beside it (to the left) the drawing was too wide for half a page at 1,024 px.
_POSITIONS = ((0.0, 1.0), (1.3, 0.0), (0.0, -1.0), (-1.3, 0.0))
_START = (0.0, 2.1)


def _box(x: float, y: float, title: str, hint: str, color: str, page: str | None = None, *, now: bool = False) -> dict:
    """A stage's box, white words on ``color``; the stage happening ``now`` is the chart's ink on white
    inside a thick red frame (white on red reads at 3.9:1, under the 7:1 chart words keep).
    With ``page`` (a page's address) the box opens that page, in the same tab."""
    ink = theme.INK if now else "white"
    text = f"<b>{title}</b>"
    return {
        "x": x,
        "y": y,
        "text": f'<a href="{page}" target="_self" style="color:{ink}">{text}</a>' if page else text,
        "hovertext": f"{hint}<br>Click to open its page." if page else hint,
        "showarrow": False,
        "bgcolor": "#FFFFFF" if now else color,
        "bordercolor": theme.YOURS if now else color,
        "borderwidth": 4 if now else 1,
        "borderpad": 7 if now else 10,  # the same outer size as the others
        "font": {"color": ink},
    }


def _arrow(start: tuple[float, float], end: tuple[float, float], standoff: int = 28, startstandoff: int = 28) -> dict:
    return {
        "x": end[0],
        "y": end[1],
        "ax": start[0],
        "ay": start[1],
        "xref": "x",
        "yref": "y",
        "axref": "x",
        "ayref": "y",
        "text": "",
        "showarrow": True,
        "arrowhead": 3,
        "arrowsize": 1.4,
        "arrowwidth": 2.5,
        "arrowcolor": theme.GREY,
        "standoff": standoff,
        "startstandoff": startstandoff,
    }


def training_loop(
    start: tuple[str, str],
    stages: Sequence[tuple[str, str]],
    highlight: str | None = None,
    pages: Mapping[str, str] | None = None,
    *,
    height: int = 360,
) -> theme.Chart:
    """``start`` and each stage are ``(name, one-line hint)``; hover a box for its hint. ``pages``
    maps a stage's name to the address of the page that teaches it: its box opens that page."""
    if len(stages) != len(_POSITIONS):
        raise ValueError(f"the loop is drawn with {len(_POSITIONS)} stages, got {len(stages)}")
    pages = pages or {}
    boxes = [_box(*_START, *start, theme.DARK_GREY, pages.get(start[0]), now=start[0] == highlight)]
    boxes += [
        _box(x, y, name, hint, theme.DEEP_BLUE, pages.get(name), now=name == highlight)
        for (x, y), (name, hint) in zip(_POSITIONS, stages, strict=True)
    ]
    # the way in falls straight down, so it stops just above and below the boxes' words
    arrows = [_arrow(_START, _POSITIONS[0], standoff=22, startstandoff=22)]
    arrows += [_arrow(_POSITIONS[i], _POSITIONS[(i + 1) % len(_POSITIONS)]) for i in range(len(_POSITIONS))]
    # three short lines: one as wide as "repeat, batch" ran under Update and Loss at 1024 px
    centre = {"x": 0, "y": 0, "text": "repeat,<br>batch<br>after batch", "showarrow": False}
    return theme.figure(
        [],
        height=height,
        annotations=[*arrows, *boxes, centre],
        xaxis={**theme.HIDDEN_AXIS, "range": [-2.0, 2.0]},
        yaxis={**theme.HIDDEN_AXIS, "range": [-1.4, 2.45]},
    )
