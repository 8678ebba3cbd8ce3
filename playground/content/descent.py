"""What a walk's outcome means, in a sentence a learner can act on."""

from __future__ import annotations

from playground.models.descent import NAMES, Path
from playground.models.landscapes import Landscape

VALLEY_NAMES = ("the deepest valley", "the middle valley", "the shallowest valley")


def valley_name(land: Landscape, index: int) -> str:
    """Which valley a walk ended in: "the valley floor" when there is only one."""
    if len(land.minima) == 1:
        return "the valley floor"
    return VALLEY_NAMES[index] if index < len(VALLEY_NAMES) else f"valley {index + 1}"


def verdict(path: Path, land: Landscape, steps: int) -> str:
    """One sentence: where the walk ended, why, and what to try."""
    name = NAMES[path.optimizer]
    final = path.losses[-1]
    if path.outcome == "diverged":
        return (
            f"**{name}** blew up at step {path.diverged_at}: each step overshot the valley by more than "
            "the last, and the loss exploded. The steps are too big; lower the learning rate."
        )
    if path.outcome == "settled":
        where = valley_name(land, path.valley)
        where = f"on {where}" if len(land.minima) == 1 else f"in {where}"
        deeper = " There is a deeper one it cannot see from here." if path.valley else ""
        return f"**{name}** settled {where} with loss {final:.3g}.{deeper}"
    if path.outcome == "stalled":
        return (
            f"**{name}** stalled on nearly flat ground at loss {final:.3g}: the slope underfoot is almost "
            "zero, so each step is almost nothing. A bigger rate, momentum, Adam or noisy gradients can help."
        )
    return (
        f"**{name}** is still walking after {steps} steps, at loss {final:.3g}. "
        "It is heading the right way but slowly: raise the learning rate or allow more steps."
    )
