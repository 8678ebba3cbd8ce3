"""The houses priced by a line fitted under each loss: everything the Loss functions page compares.

One call (:func:`price_houses`) fits a line under every loss to the houses with a few mansions
added, and again without them, and measures what each line does: how far the mansions pulled it,
its average miss by size on the ordinary houses, and what its mistakes cost a business where
under-pricing costs ``k`` times more. :func:`price_pair` does the same on a learner's own two
columns, whose outliers are whatever the data holds (none is added, nothing is moved).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.models import dataset, houses, linear, losses

SIZE_BANDS = 8  # bands of house size for the average miss


@dataclass(frozen=True)
class Priced:
    size: np.ndarray  # the houses, mansions appended last (sq ft)
    price: np.ndarray  # their sale prices ($)
    mansion: np.ndarray  # True for an appended mansion
    fits: dict[str, linear.LossFit]  # a line per loss
    moved: dict[str, float]  # how far the mansions moved each line's weight ($ per sq ft)
    bands: np.ndarray  # centres of the size bands of the ordinary houses (sq ft)
    misses: dict[str, np.ndarray]  # each line's average miss per band on the ordinary houses ($)
    reach: dict[str, tuple[float, float]]  # the lowest and highest of those misses at any number of mansions
    outcomes: dict[str, losses.Outcomes]  # what each line's mistakes cost the business
    cheapest: str  # the loss whose line costs the business least


def line(kind: str, mansions: int, delta: float, k: float) -> linear.LossFit:
    """The line loss ``kind`` fits through the houses plus the first ``mansions`` mansions."""
    data = houses.with_mansions(houses.load(), mansions)
    return linear.fit_under_loss(data.size, data.price, kind, delta=delta, k=k)


def knobs(kind: str, delta: float, k: float) -> tuple[float, float]:
    """``(delta, k)`` as loss ``kind`` reads them: only Huber reads delta and only the asymmetric
    loss reads k, so the others get 1 for both and a cache of :func:`line` keeps one entry for them."""
    return (delta if kind == "huber" else 1.0), (k if kind == "asymmetric" else 1.0)


def price_houses(
    mansions: int, delta: float, k: float, *, line: Callable[[str, int, float, float], linear.LossFit] = line
) -> Priced:
    """Every loss's line through the houses plus ``mansions`` mansions.

    Huber reads ``delta`` and the asymmetric loss ``k``; the business's costs use ``k`` too.
    ``line`` fits one line (a page passes a cached :func:`line`: moving Huber's delta then refits
    only Huber's lines).
    """
    ordinary = houses.load()
    data = houses.with_mansions(ordinary, mansions)
    fits = {kind: line(kind, mansions, *knobs(kind, delta, k)) for kind in losses.LOSSES}
    without = {kind: line(kind, 0, *knobs(kind, delta, k)) for kind in losses.LOSSES}
    outlier = np.arange(len(data)) >= len(ordinary)
    moved = {kind: fits[kind].w - without[kind].w for kind in fits}
    # A chart of the misses keeps one frame as mansions come and go: their reach with none and with
    # every mansion (the counts between stay inside it, tests check), one more line per knob change.
    every = []
    for count in (0, len(houses.MANSIONS)):
        lines = {kind: line(kind, count, *knobs(kind, delta, k)) for kind in fits}
        every.append(_misses(ordinary.size, ordinary.price, lines)[1])
    reach = {
        kind: (min(float(m[kind].min()) for m in every), max(float(m[kind].max()) for m in every)) for kind in fits
    }
    return _priced(data.size, data.price, outlier, fits, moved, k, reach)


def price_pair(
    pair: dataset.Pair, delta: float, k: float, *, fit: Callable[[str, float, float], linear.LossFit] | None = None
) -> Priced:
    """Every loss's line through a learner's own rows (``delta`` and ``k`` in their units).

    ``fit(kind, delta, k)`` fits one line (a page passes a cached one); by default it fits on ``pair``.
    """
    fit = fit or (lambda kind, d, kk: linear.fit_under_loss(pair.x, pair.y, kind, delta=d, k=kk))
    fits = {kind: fit(kind, *knobs(kind, delta, k)) for kind in losses.LOSSES}
    return _priced(pair.x, pair.y, np.zeros(len(pair), dtype=bool), fits, dict.fromkeys(fits, 0.0), k)


def _misses(x: np.ndarray, y: np.ndarray, fits: dict[str, linear.LossFit]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Each line's average miss (predicted minus actual, as everywhere) by band of ``x``, and the bands."""
    misses = {}
    for kind, fit in fits.items():
        bands, misses[kind] = linear.binned_means(x, linear.predict(x, fit.w, fit.b) - y, SIZE_BANDS)
    return bands, misses


def _priced(
    x: np.ndarray,
    y: np.ndarray,
    outlier: np.ndarray,
    fits: dict[str, linear.LossFit],
    moved: dict[str, float],
    k: float,
    reach: dict[str, tuple[float, float]] | None = None,
) -> Priced:
    """What each line does: its average miss by band of ``x`` on the rows that are not outliers,
    and what its mistakes cost on every row. ``reach`` defaults to the misses' own span."""
    bands, misses = _misses(x[~outlier], y[~outlier], fits)
    outcomes = {kind: losses.outcomes(y, linear.predict(x, f.w, f.b), k) for kind, f in fits.items()}
    return Priced(
        size=x,
        price=y,
        mansion=outlier,
        fits=fits,
        moved=moved,
        bands=bands,
        misses=misses,
        reach=reach or {kind: (float(m.min()), float(m.max())) for kind, m in misses.items()},
        outcomes=outcomes,
        cheapest=min(outcomes, key=lambda kind: outcomes[kind].mean_cost),
    )
