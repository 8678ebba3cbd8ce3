"""A learner's own two columns: an input and the number to predict, with how their numbers read.

The house data is one such pair (size in square feet, price in dollars); an uploaded table is
another. Pages that teach on a line through points take a :class:`Pair`, so their labels,
knob ranges and captions come from it rather than from the houses.

Shapes: ``x`` and ``y`` are float64 arrays of shape (n_rows,), finite, read-only.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

import numpy as np

from playground.models import houses, linear

DRAWN = 200  # points a chart draws at most: the houses' count, so a long table redraws as fast as they do


@dataclass(frozen=True)
class Quantity:
    """What one column is called and how its numbers are written: ``$`` before, ``%`` after."""

    name: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Pair:
    """An input column ``x`` and the column ``y`` a line predicts from it."""

    x: np.ndarray
    y: np.ndarray
    x_is: Quantity
    y_is: Quantity
    source: str  # where it came from, as the learner named it ("sales.csv", "a pasted table")
    notes: tuple[str, ...] = field(default=())  # what was dropped, sampled or read differently

    def __post_init__(self) -> None:
        if self.x.shape != self.y.shape or self.x.ndim != 1:
            raise ValueError(f"x and y must be 1-D and of equal length, got {self.x.shape} and {self.y.shape}")
        if not (np.isfinite(self.x).all() and np.isfinite(self.y).all()):
            raise ValueError("x and y must be finite")
        for a in (self.x, self.y):
            a.flags.writeable = False

    def __len__(self) -> int:
        return self.x.shape[0]

    def drawn(self) -> np.ndarray:
        """The rows a chart draws: all of them up to :data:`DRAWN`, else that many picked at random
        (the same every time), in their order. Every number still uses every row."""
        if len(self) <= DRAWN:
            return np.arange(len(self))
        return np.sort(np.random.default_rng(0).choice(len(self), DRAWN, replace=False))

    @property
    def fingerprint(self) -> str:
        """Eight hex digits that change whenever the numbers or names do: a key for this data's knobs."""
        digest = hashlib.sha256(self.x.tobytes() + self.y.tobytes() + repr((self.x_is, self.y_is)).encode())
        return digest.hexdigest()[:8]


def house_pair() -> Pair:
    """The app's own 200 house sales as a pair."""
    data = houses.load()
    return Pair(
        np.array(data.size), np.array(data.price), Quantity("Size (sq ft)"), Quantity("Price", "$"), "the houses"
    )


def nice(value: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least ``value`` (> 0)."""
    if not (value > 0 and math.isfinite(value)):
        raise ValueError(f"value must be positive and finite, got {value}")
    power = 10.0 ** math.floor(math.log10(value))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= value * (1 - 1e-12):
            return m * power
    return 10 * power


def _tidy(value: float) -> float:
    """``value`` with binary rounding noise removed: 0.30000000000000004 -> 0.3."""
    return float(f"{value:.12g}")


@dataclass(frozen=True)
class Knob:
    """A slider's range for one knob: round numbers, about 200 steps, the default on a step."""

    low: float
    high: float
    step: float
    default: float

    @classmethod
    def near(cls, low: float, high: float, step: float, start: float) -> Knob:
        """A knob from ``low`` to ``high`` whose default is the step nearest ``start``."""
        return cls(low, high, step, cls(low, high, step, low).snap(start))

    def snap(self, value: float) -> float:
        """``value`` on the nearest step inside the range."""
        k = round((min(max(value, self.low), self.high) - self.low) / self.step)
        return _tidy(self.low + k * self.step)


def knobs(pair: Pair) -> tuple[Knob, Knob]:
    """Ranges for the weight and bias of ``y = w * x + b`` on ``pair``.

    Each range holds the least-squares knobs with room either side, and the start (a flat line
    at the average, ``w = 0``, the model that ignores the input): the weight spans twice the
    steepest of the best slope and the data's own rise (spread of y over spread of x) either
    way, and the bias covers both the best and the starting bias, plus the data's height either
    side. Ends and steps are round numbers, so the readout never shows 0.30000000000000004.
    """
    best = linear.fit_least_squares(pair.x, pair.y)
    rise = float(np.std(pair.y) / np.std(pair.x))
    w_span = nice(2 * max(abs(best.w), rise))
    w_step = nice(w_span / 100)
    start_b = float(np.mean(pair.y))
    height = float(np.ptp(pair.y)) or abs(start_b) or 1.0
    b_step = nice((max(best.b, start_b) - min(best.b, start_b) + 2 * height) / 200)
    b_low = _tidy(math.floor((min(best.b, start_b) - height) / b_step) * b_step)
    b_high = _tidy(math.ceil((max(best.b, start_b) + height) / b_step) * b_step)
    return Knob(-w_span, w_span, w_step, 0.0), Knob.near(b_low, b_high, b_step, start_b)


def huber_knob(pair: Pair) -> Knob:
    """A range for Huber's threshold on ``pair``: a twentieth of the least-squares line's typical
    miss up to four times it, starting at the typical miss (a miss above it counts as large)."""
    typical = linear.fit_least_squares(pair.x, pair.y).rmse or float(np.ptp(pair.y)) or 1.0
    step = nice(typical / 20)
    high = _tidy(math.ceil(4 * typical / step) * step)
    return Knob.near(step, high, step, typical)
