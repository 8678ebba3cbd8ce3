"""What the loss functions page says about the business's costs, as a table of formatted text."""

from __future__ import annotations

from playground.content.yourdata import HOUSES, Words
from playground.models import losses
from playground.models.pricing import Priced


def business_table(study: Priced, k: float, say: Words = HOUSES) -> dict[str, list[str]]:
    """One row per fitted line: how often and by how much it under- and over-predicts, and what that
    costs when under-predicting costs ``k`` times as much; the cheapest line's cost in bold. In the
    houses' words (under-pricing) or a learner's data's (predicted too low)."""
    rows = study.outcomes
    under, short, over = (
        ("Houses under-priced", "Under-pricing per house", "Over-pricing per house")
        if say.houses
        else ("Rows predicted too low", "Shortfall per row", "Overshoot per row")
    )
    return {
        "Line fitted with": [losses.NAMES[c] for c in rows],
        under: [f"{o.share_under:.0%}" for o in rows.values()],
        short: [say.y_amount(o.mean_under) for o in rows.values()],
        over: [say.y_amount(o.mean_over) for o in rows.values()],
        f"Business cost per {say.row} (k = {k:g})": [
            f"**{say.y_amount(o.mean_cost)}** (least)" if c == study.cheapest else say.y_amount(o.mean_cost)
            for c, o in rows.items()
        ],
    }


def business_note(k: float, n: int, say: Words = HOUSES) -> str:
    """What "per house" means under the table, and why squared error's two columns match (a line
    fitted by least squares misses by as much above its points as below them, in total)."""
    short, over = ("under-pricing", "over-pricing") if say.houses else ("shortfall", "overshoot")
    return (
        f"Per {say.row}: the total over all {n:,} {say.rows}, divided by {n:,}, so a {say.row} "
        f"{'priced' if say.houses else 'predicted'} too high adds nothing to the {short} column. The cost is "
        f"{k:g} × {short} + {over}. "
        f"Squared error's two columns always match: its line misses by as much above the {say.rows} as below."
    )
