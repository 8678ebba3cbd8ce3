"""A straight line with two knobs: ``price = w * size + b``.

Shapes: ``x`` and ``y`` are arrays of shape (n_samples,). The loss is the *mean* (not the sum)
of squared errors, in squared dollars; its square root is the typical miss in dollars.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.models import losses


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
class LossFit:
    """A line fitted under some loss, with that loss's mean at the line, in the data's units."""

    w: float
    b: float
    loss: float


def _golden(f: Callable[[float], float], lo: float, hi: float, tol: float = 1e-10) -> float:
    """Minimum of a convex (or unimodal) ``f`` on ``[lo, hi]`` by golden-section search."""
    shrink = (math.sqrt(5) - 1) / 2
    c, d = hi - shrink * (hi - lo), lo + shrink * (hi - lo)
    fc, fd = f(c), f(d)
    while hi - lo > tol * (1 + abs(lo) + abs(hi)):
        if fc < fd:
            hi, d, fd = d, c, fc
            c = hi - shrink * (hi - lo)
            fc = f(c)
        else:
            lo, c, fc = c, d, fd
            d = lo + shrink * (hi - lo)
            fd = f(d)
    return (lo + hi) / 2


def _best_bias(kind: str, r: np.ndarray, k: float) -> float:
    """The bias minimising the mean absolute or asymmetric loss of errors ``b - r``, for fixed slope.

    Both are least at a quantile of ``r``: the median, or the ``k / (1 + k)`` quantile.
    """
    share = 0.5 if kind == "absolute" else k / (1 + k)
    return float(np.quantile(r, share, method="inverted_cdf"))


def _huber_irls(x: np.ndarray, y: np.ndarray, delta: float) -> tuple[float, float]:
    """The Huber line by iteratively reweighted least squares.

    Each round solves a weighted least-squares line in which a point whose miss exceeds
    ``delta`` gets weight ``delta / |miss|``; every round lowers the Huber loss, and the fixed
    point is its minimum.
    """
    w, b = np.polyfit(x, y, 1)
    for _ in range(500):
        miss = np.abs(y - (w * x + b))
        weight = np.where(miss <= delta, 1.0, delta / np.maximum(miss, delta))
        sw, swx, swy = weight.sum(), (weight * x).sum(), (weight * y).sum()
        swxx, swxy = (weight * x * x).sum(), (weight * x * y).sum()
        det = sw * swxx - swx**2
        new_w, new_b = (sw * swxy - swx * swy) / det, (swxx * swy - swx * swxy) / det
        done = abs(new_w - w) + abs(new_b - b) < 1e-13
        w, b = new_w, new_b
        if done:
            break
    return float(w), float(b)


def fit_under_loss(x: np.ndarray, y: np.ndarray, kind: str, *, delta: float = 1.0, k: float = 1.0) -> LossFit:
    """The line ``y ~ w * x + b`` with the lowest mean ``kind`` loss (see :mod:`losses`).

    Notes
    -----
    Squared error has a closed form (:func:`fit_least_squares`); Huber is found by iteratively
    reweighted least squares. Absolute and asymmetric error are convex in ``(w, b)`` with
    kinks, so the bias is solved exactly for each slope (a quantile) and the slope by
    golden-section search on what remains, which is convex too. Both searches run in
    standardised units, where the slope is of order one.
    """
    _check_xy(x, y)
    if kind == "squared":
        line = fit_least_squares(x, y)
        return LossFit(line.w, line.b, line.mse)
    losses.penalty(kind, np.zeros(1), delta=delta, k=k)  # validates kind, delta and k
    mx, sx, my, sy = x.mean(), x.std(), y.mean(), y.std()
    if sx == 0 or sy == 0:
        raise ValueError("x and y both need some spread to fit a line")
    xs, ys = (x - mx) / sx, (y - my) / sy
    if kind == "huber":
        w_s, b_s = _huber_irls(xs, ys, delta / sy)
    else:

        def profile(w: float) -> float:
            r = ys - w * xs
            return float(np.mean(losses.penalty(kind, _best_bias(kind, r, k) - r, k=k)))

        w_ls = float(np.mean(xs * ys))  # the least-squares slope in these units: a good centre
        w_s = _golden(profile, w_ls - 5.0, w_ls + 5.0)
        b_s = _best_bias(kind, ys - w_s * xs, k)
    w = float(sy * w_s / sx)
    b = float(sy * b_s + my - w * mx)
    return LossFit(w, b, losses.mean_loss(kind, y, predict(x, w, b), delta=delta, k=k))


def binned_means(x: np.ndarray, y: np.ndarray, n_bins: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean of ``y`` within each of ``n_bins`` equal-width bands of ``x``; empty bands are dropped.

    Returns the band centres and the means, each of shape (n_nonempty_bins,).
    """
    _check_xy(x, y)
    edges = np.linspace(x.min(), x.max(), n_bins + 1)
    band = np.clip(np.searchsorted(edges, x, side="right") - 1, 0, n_bins - 1)
    counts = np.bincount(band, minlength=n_bins)
    sums = np.bincount(band, weights=y, minlength=n_bins)
    keep = counts > 0
    centres = (edges[:-1] + edges[1:]) / 2
    return centres[keep], sums[keep] / counts[keep]


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
