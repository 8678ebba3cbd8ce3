"""Loss landscapes over two knobs, each with its exact gradient, vectorised over grids.

Every landscape takes arrays ``x`` and ``y`` of one shape and returns the loss of that shape;
its gradient returns ``(dL/dx, dL/dy)``, each of that shape. A grid helper samples one for
drawing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.models import dataset, houses, linear

Grad = tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class Landscape:
    key: str
    name: str
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    x_label: str
    y_label: str
    loss: Callable[[np.ndarray, np.ndarray], np.ndarray]
    grad: Callable[[np.ndarray, np.ndarray], Grad]
    minima: tuple[tuple[float, float], ...]  # every valley floor, deepest first
    units: houses.Units | None = None  # the knobs are a line's, in these units: axes read in dollars...
    reads: tuple[dataset.Quantity, dataset.Quantity] | None = None  # ...or in a learner's columns (x, y)

    def at(self, fx: float, fy: float) -> tuple[float, float]:
        """The point at fractions ``(fx, fy)`` of the map's width and height."""
        return (
            self.x_range[0] + fx * (self.x_range[1] - self.x_range[0]),
            self.y_range[0] + fy * (self.y_range[1] - self.y_range[0]),
        )


def grid(land: Landscape, n: int = 80) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``n`` points along each axis and the loss on the ``n x n`` mesh (rows follow y)."""
    xs = np.linspace(*land.x_range, n)
    ys = np.linspace(*land.y_range, n)
    X, Y = np.meshgrid(xs, ys)
    return xs, ys, land.loss(X, Y)


# (a) The house-price line's own loss: mean squared error over its two knobs, with size in
# thousands of square feet and price in $100k, so that both knobs are numbers near 1.
def _moments(x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    return {
        "xx": float(np.mean(x**2)),
        "x": float(np.mean(x)),
        "xy": float(np.mean(x * y)),
        "y": float(np.mean(y)),
        "yy": float(np.mean(y**2)),
    }


def _line_loss(m: dict[str, float]) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    def loss(w: np.ndarray, b: np.ndarray) -> np.ndarray:
        # mean((w x + b - y)^2), expanded into the data's moments so a whole grid costs one pass
        return w**2 * m["xx"] + 2 * w * b * m["x"] + b**2 - 2 * w * m["xy"] - 2 * b * m["y"] + m["yy"]

    return loss


def _line_grad(m: dict[str, float]) -> Callable[[np.ndarray, np.ndarray], Grad]:
    def grad(w: np.ndarray, b: np.ndarray) -> Grad:
        return 2 * (w * m["xx"] + b * m["x"] - m["xy"]), 2 * (w * m["x"] + b - m["y"])

    return grad


def _line_minimum(m: dict[str, float]) -> tuple[float, float]:
    A = np.array([[m["xx"], m["x"]], [m["x"], 1.0]])
    w, b = np.linalg.solve(A, [m["xy"], m["y"]])
    return float(w), float(b)


def _steepest(m: dict[str, float]) -> float:
    """The largest curvature of a line's loss: what decides which learning rates blow up."""
    return float(np.linalg.eigvalsh(2 * np.array([[m["xx"], m["x"]], [m["x"], 1.0]])).max())


_H = houses.load()
_M = _moments(*houses.SCALED.view(_H.size, _H.price))
_house_loss, _house_grad = _line_loss(_M), _line_grad(_M)


def _house_minimum() -> tuple[float, float]:
    return _line_minimum(_M)


HOUSE = Landscape(
    "house",
    "House prices: the bowl of the Parameters page",
    (-1.0, 4.0),
    (-3.0, 4.0),
    "Weight w: price per sq ft",
    "Bias b: starting price",
    _house_loss,
    _house_grad,
    (_house_minimum(),),
    units=houses.SCALED,  # computed in $100 per sq ft and $100k; drawn in dollars, as on Parameters
)

# (b) A mountain range: a gentle bowl with three wells of different depths dug into it.
_WELLS = ((-1.6, -1.2, 2.0, 0.8), (1.7, 1.4, 1.2, 0.7), (1.5, -1.6, 0.8, 0.6))  # (cx, cy, depth, width)


def _mountain_loss(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    out = 0.08 * (x**2 + y**2) + 2.0
    for cx, cy, depth, s in _WELLS:
        out = out - depth * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s**2))
    return out


def _mountain_grad(x: np.ndarray, y: np.ndarray) -> Grad:
    gx, gy = 0.16 * x, 0.16 * y
    for cx, cy, depth, s in _WELLS:
        bump = depth * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s**2)) / s**2
        gx, gy = gx + bump * (x - cx), gy + bump * (y - cy)
    return gx, gy


MOUNTAINS = Landscape(
    "mountains",
    "Mountain range: three valleys, one deepest",
    (-3.5, 3.5),
    (-3.5, 3.5),
    "knob 1",
    "knob 2",
    _mountain_loss,
    _mountain_grad,
    # the valley floors, found once by descent from each well's centre (a test checks the slope is 0)
    ((-1.521506, -1.141134), (1.593829, 1.312547), (1.392662, -1.488253)),
)

# (c) A long, narrow ravine: a quadratic 50 times steeper across than along, turned 30 degrees.
RAVINE_CURVATURES = (1.0, 50.0)
_C, _S = np.cos(np.pi / 6), np.sin(np.pi / 6)


def _ravine_loss(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    u, v = _C * x + _S * y, -_S * x + _C * y
    return 0.5 * (RAVINE_CURVATURES[0] * u**2 + RAVINE_CURVATURES[1] * v**2)


def _ravine_grad(x: np.ndarray, y: np.ndarray) -> Grad:
    u, v = _C * x + _S * y, -_S * x + _C * y
    du, dv = RAVINE_CURVATURES[0] * u, RAVINE_CURVATURES[1] * v
    return _C * du - _S * dv, _S * du + _C * dv


RAVINE = Landscape(
    "ravine",
    "Ravine: steep walls, a gentle floor",
    (-3.0, 3.0),
    (-3.0, 3.0),
    "knob 1",
    "knob 2",
    _ravine_loss,
    _ravine_grad,
    ((0.0, 0.0),),
)

# (d) A plateau: one valley in a vast flat table, where the slope all but vanishes.


def _plateau_loss(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return 1.0 - np.exp(-(x**2 + y**2) / 2)


def _plateau_grad(x: np.ndarray, y: np.ndarray) -> Grad:
    e = np.exp(-(x**2 + y**2) / 2)
    return x * e, y * e


PLATEAU = Landscape(
    "plateau",
    "Plateau: flat ground where the slope vanishes",
    (-5.0, 5.0),
    (-5.0, 5.0),
    "knob 1",
    "knob 2",
    _plateau_loss,
    _plateau_grad,
    ((0.0, 0.0),),
)

LANDSCAPES = {land.key: land for land in (HOUSE, MOUNTAINS, RAVINE, PLATEAU)}


def line_bowl(pair: dataset.Pair) -> Landscape:
    """The bowl of a line through a learner's own rows, in place of the houses' (key ``"house"``).

    Computed in units chosen so the bowl is exactly as steep as the houses' (its largest
    curvature is theirs: the learning rates that settle, bounce or blow up there do here too) and
    its floor's knobs are at most 2; the map is framed around the floor as the houses' is.
    """
    x, y = np.asarray(pair.x, dtype=np.float64), np.asarray(pair.y, dtype=np.float64)
    target, low, high = _steepest(_M), np.log(np.ptp(x)) - 30, np.log(np.ptp(x)) + 30
    for _ in range(200):  # the curvature falls as the unit of x grows: halve the interval on a log scale
        mid = (low + high) / 2
        low, high = (mid, high) if _steepest(_moments(x / np.exp(mid), y)) > target else (low, mid)
    ux = float(np.exp((low + high) / 2))
    best = linear.fit_least_squares(x, y)
    uy = max(abs(best.w) * ux, abs(best.b)) / 2 or float(np.std(y)) or 1.0
    m = _moments(x / ux, y / uy)
    w0, b0 = _line_minimum(m)
    return Landscape(
        "house",
        "Your data: the bowl of the Parameters page",
        (w0 - 2.8, w0 + 2.2),
        (b0 - 3.5, b0 + 3.5),
        "Weight w",
        "Bias b",
        _line_loss(m),
        _line_grad(m),
        ((w0, b0),),
        units=houses.Units(ux, uy),
        reads=(pair.x_is, pair.y_is),
    )
