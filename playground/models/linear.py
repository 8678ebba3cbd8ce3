"""A straight line with two knobs: ``price = w * size + b``.

Shapes: ``x`` and ``y`` are arrays of shape (n_samples,). The loss is the *mean* (not the sum)
of squared errors, in squared dollars; its square root is the typical miss in dollars.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def _check_xy(x: np.ndarray, y: np.ndarray) -> None:
    if x.shape != y.shape or x.ndim != 1 or x.shape[0] == 0:
        raise ValueError(f"x and y must be non-empty 1-D arrays of equal length, got {x.shape} and {y.shape}")


def predict(x: np.ndarray, w: float, b: float) -> np.ndarray:
    """Line predictions ``w * x + b``, shape (n_samples,)."""
    return w * x + b


def mse(x: np.ndarray, y: np.ndarray, w: float, b: float) -> float:
    """Mean squared error of the line on (x, y).

    Notes
    -----
    ``L(w, b) = mean((w * x + b - y) ** 2)``
    """
    _check_xy(x, y)
    return float(np.mean((predict(x, w, b) - y) ** 2))


def mse_grad(x: np.ndarray, y: np.ndarray, w: float, b: float) -> tuple[float, float]:
    """Gradient of :func:`mse` with respect to ``(w, b)``.

    Notes
    -----
    With residual ``r = w * x + b - y``: ``dL/dw = 2 * mean(r * x)``, ``dL/db = 2 * mean(r)``.
    """
    _check_xy(x, y)
    r = predict(x, w, b) - y
    return float(2.0 * np.mean(r * x)), float(2.0 * np.mean(r))


@dataclass(frozen=True)
class LineFit:
    """A line and how well it fits: loss in $^2 and its square root in $."""

    w: float
    b: float
    mse: float

    @property
    def rmse(self) -> float:
        return float(np.sqrt(self.mse))


def score(x: np.ndarray, y: np.ndarray, w: float, b: float) -> LineFit:
    """The line ``(w, b)`` with its mean squared error on (x, y)."""
    return LineFit(w=float(w), b=float(b), mse=mse(x, y, w, b))


def fit_least_squares(x: np.ndarray, y: np.ndarray) -> LineFit:
    """The knobs with the lowest mean squared error, in closed form.

    Notes
    -----
    Setting both partial derivatives to zero gives
    ``w = cov(x, y) / var(x)`` and ``b = mean(y) - w * mean(x)``. Centring x first keeps the
    arithmetic exact enough for dollars and square feet.
    """
    _check_xy(x, y)
    xc = x - x.mean()
    denom = float(np.sum(xc**2))
    if denom == 0.0:
        raise ValueError("x has no spread: every x is the same, so the slope is undefined")
    w = float(np.sum(xc * (y - y.mean())) / denom)
    b = float(y.mean() - w * x.mean())
    return score(x, y, w, b)


@dataclass(frozen=True)
class Corruption:
    """Prices after a bad data join: ``corrupted[i]`` is True where ``price[i]`` is wrong."""

    price: np.ndarray
    corrupted: np.ndarray


def corrupt_labels(y: np.ndarray, share: float, rng: np.random.Generator) -> Corruption:
    """Give a share of the rows another row's label, as a botched join would.

    The corrupted rows are the first ``round(share * n)`` of one random order, so a larger
    share corrupts the same rows and more; their labels are rotated by one place among
    themselves, so every corrupted row really does get someone else's label.

    Parameters
    ----------
    y : ndarray of shape (n_samples,)
    share : float in [0, 1]
    rng : numpy.random.Generator
    """
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"share must be between 0 and 1, got {share}")
    n_bad = round(share * y.shape[0])
    corrupted = np.zeros(y.shape[0], dtype=bool)
    if n_bad < 2:  # a single row cannot take another corrupted row's label
        return Corruption(price=y.copy(), corrupted=corrupted)
    rows = rng.permutation(y.shape[0])[:n_bad]
    price = y.copy()
    price[rows] = y[np.roll(rows, 1)]
    corrupted[rows] = True
    return Corruption(price=price, corrupted=corrupted)
