"""The put-in-order exercise for one training iteration, and its checker."""

from __future__ import annotations

from collections.abc import Sequence

ITERATION_STEPS = ("Forward pass", "Loss", "Backpropagation", "Update")
SCRAMBLED = ("Update", "Backpropagation", "Forward pass", "Loss")  # how the options are offered
HINTS = {
    "Forward pass": "Nothing can be scored before there is a prediction: the forward pass comes first.",
    "Loss": "The loss needs a prediction to score, and backpropagation needs a loss to trace back.",
    "Backpropagation": "Blame can only be shared out once the loss says how wrong the prediction was.",
    "Update": "The knobs move last, once every one of them knows its share of the blame.",
}


def check_order(answer: Sequence[str]) -> tuple[bool, str]:
    """Whether ``answer`` is the iteration's order, and a sentence about the first step out of place."""
    if len(answer) < len(ITERATION_STEPS):
        return False, f"Pick all {len(ITERATION_STEPS)} steps, in the order they happen."
    for position, (given, right) in enumerate(zip(answer, ITERATION_STEPS, strict=False), start=1):
        if given != right:
            return False, f"Step {position} should be **{right}**. {HINTS[right]}"
    return True, "Right: forward pass, loss, backpropagation, update, and then the loop starts again."
