"""Loss functions: each one a definition of what counts as a mistake, and how much it costs.

Every loss here is a function of the *error* ``e = prediction - actual``, elementwise: it takes an
array of errors of any shape and returns the penalty for each, the same shape. ``gradient``
returns d(penalty)/d(prediction) for each error. Averages are means over examples, never sums.
A negative error is an under-prediction (a house priced below what it sells for).

Binary cross-entropy is the odd one out: it scores a probability, not a price, so it has its own
pair of functions at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Loss:
    """One loss: its name, the penalty each error earns, and d(penalty)/d(prediction).

    Both take the errors ``e`` and the two knobs some losses read: Huber's ``delta`` and the
    asymmetric loss's under-prediction cost ``k``.
    """

    name: str
    penalty: Callable[[np.ndarray, float, float], np.ndarray]
    gradient: Callable[[np.ndarray, float, float], np.ndarray]


def _huber(e: np.ndarray, delta: float, k: float) -> np.ndarray:
    a = np.abs(e)
    return np.where(a <= delta, e**2, 2 * delta * a - delta**2)


# Every loss, one entry each (its gradient is a subgradient of 0 at the kinks):
# - squared: e**2, a miss twice as big costs four times as much; gradient 2e.
# - absolute: |e|, every dollar of miss costs the same; gradient sign(e).
# - huber: e**2 while |e| <= delta, then 2 delta |e| - delta**2: squared near zero, absolute far
#   away, joined smoothly (twice the textbook Huber, so that it matches squared error inside
#   delta); gradient 2 clip(e, -delta, delta).
# - asymmetric: k |e| for an under-prediction (e < 0), |e| otherwise: the pinball loss of the
#   k / (1 + k) quantile, scaled by 1 + k; gradient -k below, 1 above.
TABLE = {
    "squared": Loss("Squared error", lambda e, delta, k: e**2, lambda e, delta, k: 2 * e),
    "absolute": Loss("Absolute error", lambda e, delta, k: np.abs(e), lambda e, delta, k: np.sign(e)),
    "huber": Loss("Huber", _huber, lambda e, delta, k: 2 * np.clip(e, -delta, delta)),
    "asymmetric": Loss(
        "Asymmetric",
        lambda e, delta, k: np.where(e < 0, -k * e, e),
        lambda e, delta, k: np.where(e < 0, -k, np.where(e > 0, 1.0, 0.0)),
    ),
}
LOSSES = tuple(TABLE)
NAMES = {kind: loss.name for kind, loss in TABLE.items()}


def _check(kind: str, delta: float, k: float) -> None:
    if kind not in TABLE:
        raise ValueError(f"unknown loss {kind!r}; choose one of {LOSSES}")
    if not delta > 0:
        raise ValueError(f"Huber's delta must be positive, got {delta}")
    if not k > 0:
        raise ValueError(f"the under-prediction cost k must be positive, got {k}")


def penalty(kind: str, e: np.ndarray, *, delta: float = 1.0, k: float = 1.0) -> np.ndarray:
    """The penalty each error earns under loss ``kind`` (see ``TABLE``)."""
    _check(kind, delta, k)
    return TABLE[kind].penalty(np.asarray(e, dtype=np.float64), delta, k)


def gradient(kind: str, e: np.ndarray, *, delta: float = 1.0, k: float = 1.0) -> np.ndarray:
    """d(penalty)/d(prediction) for each error under loss ``kind`` (see ``TABLE``)."""
    _check(kind, delta, k)
    return TABLE[kind].gradient(np.asarray(e, dtype=np.float64), delta, k)


def all_penalties(e: np.ndarray, *, delta: float, k: float, unit: float = 1.0) -> dict[str, np.ndarray]:
    """Every loss's penalty for errors ``e``, with errors and ``delta`` measured in ``unit``s.

    With ``unit = 100_000`` a $100k miss costs 1 under squared and absolute error alike, so the
    losses can share one axis.
    """
    return {kind: penalty(kind, np.asarray(e) / unit, delta=delta / unit, k=k) for kind in LOSSES}


def mean_loss(kind: str, y_true: np.ndarray, y_pred: np.ndarray, *, delta: float = 1.0, k: float = 1.0) -> float:
    """The mean penalty over examples: the number training pushes down."""
    return float(np.mean(penalty(kind, np.asarray(y_pred) - np.asarray(y_true), delta=delta, k=k)))


# Probabilities are kept this far from 0 and 1, so a certain, wrong answer scores a large,
# finite penalty (about 27.6) rather than infinity.
P_FLOOR = 1e-12


def binary_cross_entropy(y_true: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Penalty for saying "yes" with probability ``p`` when the answer was ``y_true`` (0 or 1).

    Notes
    -----
    ``-(y log p + (1 - y) log(1 - p))``, elementwise, natural log, with ``p`` clipped to
    ``[P_FLOOR, 1 - P_FLOOR]``. When the truth is 1 it is ``-log p``: no cost for certainty
    and being right, a cost that grows without limit for certainty and being wrong.
    """
    p = np.clip(np.asarray(p, dtype=np.float64), P_FLOOR, 1 - P_FLOOR)
    y = np.asarray(y_true, dtype=np.float64)
    return -(y * np.log(p) + (1 - y) * np.log1p(-p))


def binary_cross_entropy_grad(y_true: np.ndarray, p: np.ndarray) -> np.ndarray:
    """d(penalty)/dp: ``-y / p + (1 - y) / (1 - p)``, on the same clipped ``p``."""
    p = np.clip(np.asarray(p, dtype=np.float64), P_FLOOR, 1 - P_FLOOR)
    y = np.asarray(y_true, dtype=np.float64)
    return -y / p + (1 - y) / (1 - p)


@dataclass(frozen=True)
class Outcomes:
    """What a set of predictions means for a business where under-pricing costs k times more."""

    share_under: float  # share of examples predicted below their actual value
    mean_under: float  # average shortfall over all examples (0 where not under-predicted)
    mean_over: float  # average excess over all examples (0 where not over-predicted)
    mean_cost: float  # k * mean_under + mean_over: the asymmetric loss, in the data's units


def outcomes(y_true: np.ndarray, y_pred: np.ndarray, k: float) -> Outcomes:
    """Share under-predicted and average money lost each way, for cost ratio ``k``."""
    e = np.asarray(y_pred, dtype=np.float64) - np.asarray(y_true, dtype=np.float64)
    under, over = np.maximum(-e, 0.0), np.maximum(e, 0.0)
    return Outcomes(
        share_under=float(np.mean(e < 0)),
        mean_under=float(under.mean()),
        mean_over=float(over.mean()),
        mean_cost=float(k * under.mean() + over.mean()),
    )
