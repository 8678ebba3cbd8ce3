"""What a walk did, in a sentence a learner can act on."""

from __future__ import annotations

from dataclasses import dataclass

from playground import format as fmt
from playground.models.descent import NAMES, Path
from playground.models.landscapes import Landscape

VALLEY_NAMES = ("the deepest valley", "the second-deepest valley", "the shallowest valley")  # by depth, not place
BAD = frozenset({"diverged", "left", "rose"})  # outcomes drawn as an error, with a safer rate to try


@dataclass(frozen=True)
class Verdict:
    tone: str  # "bad" (the loss went up or off the map), "good" (settled) or "note" (anything between)
    text: str


def valley_name(land: Landscape, index: int) -> str:
    """Which valley a walk ended in: "the valley floor" when there is only one."""
    if len(land.minima) == 1:
        return "the valley floor"
    return VALLEY_NAMES[index] if index < len(VALLEY_NAMES) else f"valley {index + 1}"


def _loss(value: float, digits: int = 3) -> str:
    """A loss as a PM reads it: 3,310 · 0.207 · "almost 0" below a thousandth (never 7.37e-06)."""
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) < 1e-3:
        return "almost 0" if value >= 0 else f"{value:.{digits}f}"
    return f"{value:.{digits}g}"


def _start_and_end(path: Path) -> tuple[str, str]:
    """The first and last loss, with just enough digits that two different numbers read differently."""
    first, last = float(path.losses[0]), float(path.losses[-1])
    for digits in range(3, 10):
        start, end = _loss(first, digits), _loss(last, digits)
        if start != end or first == last:
            return start, end
    return start, end


def _typical_miss(land: Landscape, loss: float) -> str:
    """On the house bowl the loss is a mean squared miss in $100k units: say it in dollars too."""
    if land.units is None or not loss >= 0:
        return ""
    miss = land.units.dollars(loss**0.5)
    if land.reads is not None:
        y_is = land.reads[1]
        return f" (its line misses a typical row by {fmt.amount(miss, y_is.prefix, y_is.suffix)})"
    return f" (its line misses a typical house by {fmt.dollars_short(miss)})"


def verdict(path: Path, land: Landscape, steps: int, safer: float | None = None) -> Verdict:
    """Where the walk went and ended, why, and what to try; ``safer`` is a rate known to settle."""
    name = f"**{NAMES[path.optimizer]}**"
    start, final = _start_and_end(path)
    try_lower = f" Try a learning rate of **{safer:g}** or lower." if safer else " Lower the learning rate."
    outcome = path.outcome
    if outcome == "diverged":
        return Verdict(
            "bad",
            f"{name} blew up at step {path.diverged_at}: each step overshot the valley by more than the last, "
            f"and the loss climbed from {start} to {final} before it ran off every scale."
            f" The steps are far too big.{try_lower}",
        )
    if outcome == "left":
        return Verdict(
            "bad",
            f"{name} jumped off the map: its steps were so big that it ended far outside the ground shown, "
            f"at loss {final} (it started at {start}).{try_lower}",
        )
    if outcome == "rose":
        return Verdict(
            "bad",
            f"{name} ended higher than it started: the loss went from {start} to {final}. "
            f"Each step overshoots the valley and lands further up the other side.{try_lower}",
        )
    if outcome == "bouncing":
        return Verdict(
            "note",
            f"{name} is bouncing from side to side ({path.bounces} turns so far) and has come down from loss "
            f"{start} to {final}. The steps are a little too big to settle: lower the learning rate slightly, "
            "or allow more steps.",
        )
    if outcome == "settled":
        where = valley_name(land, path.valley)
        where = f"on {where}" if len(land.minima) == 1 else f"in {where}"
        deeper = " There is a deeper one it cannot see from here." if path.valley else ""
        zigzag = f" after bouncing from side to side {path.bounces} times" if path.bounces >= 5 else ""
        miss = _typical_miss(land, float(path.losses[-1]))
        alone = _loss(float(path.losses[-1]))  # one number: no extra digits to tell it from the start
        return Verdict("good", f"{name} settled {where}{zigzag}, with loss {alone}{miss}.{deeper}")
    if outcome == "stalled":
        return Verdict(
            "note",
            f"{name} stalled on nearly flat ground at loss {_loss(float(path.losses[-1]))}, which is not a valley: "
            "the slope underfoot is almost zero, so each step is almost nothing. A bigger rate, momentum, Adam or "
            "noisy gradients can carry it off the flat.",
        )
    return Verdict(
        "note",
        f"{name} is still coming down after {steps} steps: the loss went from {start} to {final}, "
        "but it has not reached a valley yet. Raise the learning rate or allow more steps.",
    )


# Under the descent player: alone (False), or beside the 3D view (True).
PLAYER_CAPTION = {
    False: "Press Play, or drag the step slider. Top: the map seen from above (click it to start the walk there). "
    "Below: loss per step.",
    True: "Press Play, or drag the step slider. Click the map to start there.",
}


def bowl_caption(yours: bool) -> str:
    """Under the bowl of a line: what a point of it is, for the houses or a learner's rows."""
    where = (
        "this bowl is one line through your rows" if yours else "the house-price bowl is one line through the houses"
    )
    return (
        f"Each point of {where}: its weight (left to right) and bias (bottom to top). The height is that "
        "line's loss, its mean squared miss."
    )
