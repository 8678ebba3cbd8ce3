"""What the overfitting page says about a model, in plain sentences with the page's own numbers.

Errors arrive in $k, as the model computes them, and are shown in dollars through ``format``.
"""

from __future__ import annotations

from playground import format as fmt
from playground.models import houses
from playground.models.fitting import EpochErrors

ICONS = {"underfit": ":material/trending_flat:", "good fit": ":material/check_circle:", "overfit": ":material/warning:"}


def miss(k_dollars: float) -> str:
    """A typical miss, read as a PM would: $64k, $1.2M, or "more than $10M" for a wild curve."""
    dollars = houses.THOUSANDS.dollars(k_dollars)
    return "more than $10M" if dollars > 10e6 else fmt.dollars_short(dollars)


def verdict_sentence(kind: str, train: float, val: float, floor: float, l2: float) -> str:
    """Why the current model got its verdict, against the noise floor no model can beat."""
    noise = f"the luck in each sale alone, which no model can predict, costs {miss(floor)}"
    if kind == "good fit":
        return (
            f"**Good fit.** It misses new houses by {miss(val)}, close to the least possible: {noise}. "
            "It learned the pattern, not the noise."
        )
    if kind == "underfit":
        cause = (
            "the penalty is so strong that it cannot bend to follow the pattern. Try a smaller penalty."
            if l2 >= 0.1
            else "it is too simple to follow the pattern. Try more complexity. (A model stopped too early "
            "underfits as well; for that one, more epochs are the cure.)"
        )
        return (
            f"**Underfitting.** It misses the houses it trained on by {miss(train)} and new ones by "
            f"{miss(val)}, well above the least possible ({noise}): {cause}"
        )
    return (
        f"**Overfitting.** It misses its training houses by only {miss(train)} but new houses by "
        f"{miss(val)}, though {noise}: it memorised the noise. Try less complexity, more data or more "
        "regularisation."
    )


def fit_caption(wild: bool) -> str:
    """What the fit chart shows; ``wild`` when the model's curve runs off the chart."""
    if wild:
        return (
            "The red line is the model; the dashed grey line is the real pattern. The model bends to pass "
            "through the training houses and shoots far off the chart between them, to prices no house "
            "sells for. Press New sample: a flexible model swings from sample to sample."
        )
    return (
        "The red line is the model; the dashed grey line is the real pattern. Press New sample: a flexible "
        "model swings from sample to sample."
    )


def epoch_caption(history: EpochErrors) -> str:
    """What the training-too-long chart shows: a real early-stopping point, or a curve that levels off."""
    best_epoch, best_val = history.best_epoch, float(history.val.min())
    last_epoch, last_val = int(history.epochs[-1]), float(history.val[-1])
    if not history.overtrained:
        return (
            f"Validation error levels off at about {miss(last_val)} and stays there to epoch {last_epoch}: "
            "here, training longer neither helps nor hurts, so there is nothing for early stopping to save."
        )
    return (
        f"Validation error is lowest at epoch {best_epoch} ({miss(best_val)}), then climbs to {miss(last_val)} "
        f"by epoch {last_epoch} as the curve bends towards single houses. Stopping at epoch {best_epoch} "
        "(early stopping) keeps the better model."
    )


def complexity_caption(verdicts: list[str]) -> str:
    """What the error-against-complexity chart shows: a U when some degree overfits, a floor when none does."""
    if "overfit" in verdicts:
        return (
            "Training error only falls as complexity grows. Validation error falls while the model learns the "
            "pattern, then rises once it starts memorising the noise: that U marks overfitting. The dashed line "
            "is the least possible miss."
        )
    return (
        "Training error only falls as complexity grows, and here validation error falls, then stays level: "
        "with this much data or this penalty, no degree can bend to the noise, so there is no U. The dashed "
        "line is the least possible miss."
    )
