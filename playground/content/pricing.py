"""What the loss functions page says about the business's costs, as a table of formatted text."""

from __future__ import annotations

from playground import format as fmt
from playground.models import losses
from playground.models.pricing import Priced


def business_table(study: Priced, k: float) -> dict[str, list[str]]:
    """One row per fitted line: how often and by how much it under- and over-prices, and what that
    costs when under-pricing costs ``k`` times as much; the cheapest line's cost in bold."""
    rows = study.outcomes
    return {
        "Line fitted with": [losses.NAMES[c] for c in rows],
        "Houses under-priced": [f"{o.share_under:.0%}" for o in rows.values()],
        "Average under-pricing": [fmt.dollars(o.mean_under) for o in rows.values()],
        "Average over-pricing": [fmt.dollars(o.mean_over) for o in rows.values()],
        f"Average cost to the business (k = {k:g})": [
            f"**{fmt.dollars(o.mean_cost)}** (least)" if c == study.cheapest else fmt.dollars(o.mean_cost)
            for c, o in rows.items()
        ],
    }
