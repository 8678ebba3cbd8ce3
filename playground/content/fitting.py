"""What the overfitting page says about a model, in plain sentences with the page's own numbers.

Errors arrive in $k, as the model computes them, and are shown in dollars through ``format``.
"""

from __future__ import annotations

from playground import format as fmt
from playground.content.yourdata import HOUSES, Words
from playground.models import houses
from playground.models.fitting import EpochErrors, Sweep
from playground.quote import quote

RMS_HELP = "The root mean square of the misses: a typical miss in which big misses count extra."
ICONS = {"underfit": ":material/trending_flat:", "good fit": ":material/check_circle:", "overfit": ":material/warning:"}


def miss(k_dollars: float, say: Words = HOUSES) -> str:
    """A typical miss, read as a PM would: $64k, $1.2M, or "over $10M" for a wild curve; on a
    learner's data, in their column's units (computed as they are, not in thousands)."""
    if not say.houses:
        return say.y_amount(k_dollars)
    dollars = houses.THOUSANDS.dollars(k_dollars)
    return "over $10M" if dollars > 10e6 else fmt.dollars_short(dollars)  # short: it fits a metric's column


def verdict_sentence(kind: str, train: float, val: float, floor: float, l2: float, say: Words = HOUSES) -> str:
    """Why the current model got its verdict, against the noise floor no model can beat (the houses),
    or against the best any degree does on the new rows (a learner's data, whose real pattern nobody knows)."""
    rows = say.rows

    def miss_(value: float) -> str:
        return miss(value, say)

    if say.houses:
        noise = f"the luck in each sale alone, which no model can predict, costs {miss_(floor)}"
        close, above, though = (
            f"close to the least possible: {noise}",
            f"well above the least possible ({noise})",
            noise,
        )
    else:
        best = f"the best any degree does on them ({miss_(floor)})"
        close, above = f"close to {best}", f"well above {best}"
        though = f"some degree misses them by only {miss_(floor)}"
    if kind == "good fit":
        return f"**Good fit.** It misses new {rows} by {miss_(val)}, {close}. It learned the pattern, not the noise."
    if kind == "underfit":
        cause = (
            "the penalty is so strong that it cannot bend to follow the pattern. Try a smaller penalty."
            if l2 >= 0.1
            else "it is too simple to follow the pattern. Try more complexity. (A model stopped too early "
            "underfits as well; for that one, more epochs are the cure.)"
        )
        return (
            f"**Underfitting.** It misses the {rows} it trained on by {miss_(train)} and new ones by "
            f"{miss_(val)}, {above}: {cause}"
        )
    return (
        f"**Overfitting.** It misses its training {rows} by only {miss_(train)} but new {rows} by "
        f"{miss_(val)}, though {though}: it memorised the noise. Try less complexity, more data or more "
        "regularisation."
    )


def fit_caption(wild: bool, say: Words = HOUSES) -> str:
    """What the fit chart shows; ``wild`` when the model's curve runs off the chart."""
    if not say.houses:
        off = " Between your rows it shoots far off the chart." if wild else ""
        return (
            f"The red line is the model.{off} Press New split: other rows train, and a flexible model swings "
            "from split to split."
        )
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


def epoch_caption(history: EpochErrors, say: Words = HOUSES) -> str:
    """What the training-too-long chart shows: a real early-stopping point, a small cost of training
    on, or a curve that levels off."""
    best_epoch, best_val = history.best_epoch, float(history.val.min())
    last_epoch, last_val = int(history.epochs[-1]), float(history.val[-1])
    if history.overtrained:
        return (
            f"Validation error is lowest at epoch {best_epoch:,} ({miss(best_val, say)}), then climbs to "
            f"{miss(last_val, say)} by epoch {last_epoch:,} as the curve bends towards single {say.rows}. "
            f"Stopping at epoch {best_epoch:,} (early stopping) keeps the better model."
        )
    if history.level:
        return (
            f"Validation error levels off at about {miss(last_val, say)} by epoch {history.level_from:,} and stays "
            f"there to epoch {last_epoch:,}: "
            "here, training longer neither helps nor hurts, so there is nothing for early stopping to save."
        )
    return (
        f"Validation error is lowest at epoch {best_epoch:,} ({miss(best_val, say)}) and ends only a little "
        f"higher, {miss(last_val, say)} by epoch {last_epoch:,}: here training on barely hurts, so early "
        "stopping saves little."
    )


def complexity_caption(verdicts: list[str], say: Words = HOUSES) -> str:
    """What the error-against-complexity chart shows: a U when some degree overfits, a floor when none does."""
    dashed = "the least possible miss" if say.houses else "the best any degree does on new rows"
    if "overfit" in verdicts:
        return (
            "Training error only falls as complexity grows. Validation error falls while the model learns the "
            f"pattern, then rises once it starts memorising the noise: that U marks overfitting. The dashed line "
            f"is {dashed}."
        )
    return (
        "Training error only falls as complexity grows, and here validation error falls, then stays level: "
        "with this much data or this penalty, no degree can bend to the noise, so there is no U. The dashed "
        f"line is {dashed}."
    )


STILL_TOO_SIMPLE = 1.4  # a model whose miss on new data levels off this far above the floor cannot learn the pattern


def data_size_caption(curve: Sweep, floor: float, degree: int, say: Words = HOUSES) -> str:
    """What more data did to one degree's two errors (``curve``: the learning curve, largest set last).

    A model too simple for the pattern ends with both errors well above ``floor``: more data cannot
    fix that, and the caption says so rather than promise a closing gap."""
    start = f"Degree {degree} with more and more training {say.rows}"
    if float(curve.val[-1]) > STILL_TOO_SIMPLE * floor:
        return (
            f"{start}: both errors level off well above the least possible miss. More data cannot teach a model "
            "too simple for the pattern; a more flexible one can."
        )
    if float(curve.val[0] - curve.train[0]) > float(curve.val[-1] - curve.train[-1]):
        return f"{start}: the gap between the two errors closes."
    return f"{start}: the two errors stay close from the start; this degree needs few {say.rows} to generalise."


def least_miss(say: Words = HOUSES) -> tuple[str, str]:
    """The label and help of the metric the verdicts are judged against."""
    if say.houses:
        return (
            "Least possible miss",
            "How far the real pattern itself misses the new houses: the luck in each sale, which no model can predict.",
        )
    return (
        "Best miss on new rows, any degree",
        "Nobody knows the real pattern behind your rows, so a model is judged against the best any degree "
        "does on the same new rows.",
    )


def metric_captions(override_at: float) -> tuple[str, str, str]:
    """What each of the three kinds of metric measures, here and elsewhere: the model's, the business's, people's."""
    return (
        "How good the model is, for the team that builds it: its typical miss here; elsewhere precision, "
        "recall, latency (how fast it answers) and drift (how far the world has moved since training).",
        "What the model earns the business: here, listings priced close enough to sell well; elsewhere "
        "conversion, cost to serve, cycle time and retention.",
        f"How people act on it: here, how often an agent overrules a valuation off by more than "
        f"${override_at:.0f}k; elsewhere how often incidents happen and how serious they are, and "
        "how well hard cases are escalated to a person.",
    )


def metrics_on_your_rows(typical: str) -> str:
    """The three kinds of metric on a learner's data: only the model's can be measured here."""
    return (
        f"On your rows the model metric is the typical miss on new rows: {typical}. The other two need to know "
        "what your numbers mean to your business: which miss costs money (the business metric) and which one a "
        "person would overrule (the decision metric). Back on the houses, this section shows all three."
    )


def intro_on_your_rows(say: Words) -> str | None:
    """The page's intro on a learner's data (None keeps the houses' own)."""
    if say.houses:
        return None
    return (
        f"Here a curve learns {quote(say.y.name)} from {quote(say.x.name)} on your rows. Nobody knows the real "
        "pattern behind them, so some rows are kept back: the model sees only the blue training rows, and "
        "the amber validation rows, like an exam it has not seen, show how it does on new data."
    )


def validation_drawn(drawn: int, rows: int) -> str:
    """What the fit chart leaves out of a long exam, or nothing when it draws every validation row."""
    if drawn >= rows:
        return ""
    return f" Drawn: {drawn:,} of the {rows:,} validation rows, picked at random; every error uses all of them."
