"""The houses priced by a line fitted under each loss: everything the Loss functions page compares.

One call (:func:`price_houses`) fits a line under every loss to the houses with a few mansions
added, and again without them, and measures what each line does: how far the mansions pulled it,
its average miss by size on the ordinary houses, and what its mistakes cost a business where
under-pricing costs ``k`` times more.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.models import houses, linear, losses

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
    outcomes: dict[str, losses.Outcomes]  # what each line's mistakes cost the business
    cheapest: str  # the loss whose line costs the business least


def price_houses(mansions: int, delta: float, k: float) -> Priced:
    """Every loss's line through the houses plus ``mansions`` mansions.

    Huber reads ``delta`` and the asymmetric loss ``k``; the business's costs use ``k`` too.
    """
    ordinary = houses.load()
    data = houses.with_mansions(ordinary, mansions)
    fits = {kind: linear.fit_under_loss(data.size, data.price, kind, delta=delta, k=k) for kind in losses.LOSSES}
    without = {
        kind: linear.fit_under_loss(ordinary.size, ordinary.price, kind, delta=delta, k=k) for kind in losses.LOSSES
    }
    misses = {}
    for kind, fit in fits.items():
        residual = ordinary.price - linear.predict(ordinary.size, fit.w, fit.b)
        bands, misses[kind] = linear.binned_means(ordinary.size, residual, SIZE_BANDS)
    outcomes = {kind: losses.outcomes(data.price, linear.predict(data.size, f.w, f.b), k) for kind, f in fits.items()}
    return Priced(
        size=data.size,
        price=data.price,
        mansion=np.arange(len(data)) >= len(ordinary),
        fits=fits,
        moved={kind: fits[kind].w - without[kind].w for kind in fits},
        bands=bands,
        misses=misses,
        outcomes=outcomes,
        cheapest=min(outcomes, key=lambda kind: outcomes[kind].mean_cost),
    )
