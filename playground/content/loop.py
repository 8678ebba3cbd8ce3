"""The training loop's stages, in order, with a line each, and what its charts say (The training loop, Epochs)."""

INITIALIZE = (
    "Initialize",
    "Set every knob to a starting value: zero will do for a straight line; a network starts from small random "
    "values, so that its neurons do not all learn the same thing.",
)
STAGES = (
    ("Forward pass", "Push a batch of examples through the model to get its predictions."),
    ("Loss", "Score how far the predictions are from the right answers."),
    ("Backpropagation", "Work out how much each knob is to blame for the loss."),
    ("Update", "Nudge every knob a small step in the direction that lowers the loss."),
)
# The page that teaches each stage, by its address: the home page's loop opens them.
TAUGHT_ON = {
    "Initialize": "parameters",
    "Forward pass": "forward_pass",
    "Loss": "loss_functions",
    "Backpropagation": "backpropagation",
    "Update": "gradient_descent",
}


def batch_caption(stage: int | None, houses: int, batch: int) -> str:
    """What the training loop's chart shows after ``stage`` (an index into STAGES; None: only initialized)."""
    if stage is None:
        return f"All {houses} houses and the starting line, both knobs at zero. Nothing is predicted or measured yet."
    said = f"This iteration's batch of {batch} houses in colour, the other houses faded. "
    if stage == 0:
        return said + (
            "The forward pass has put a predicted price on the line for each of them (the rings); "
            "the loss measures how far each is from its sale price next."
        )
    if stage < len(STAGES) - 1:
        return said + "Each grey stroke is one house's miss, which the loss averages. The line moves at the update."
    return said + (
        "The dotted line is where the line stood before this update: the misses, and the typical miss above, "
        "were measured on it."
    )


def curves_caption(shuffled: bool, stopped_at: int | None, best_epoch: int) -> str:
    """What the fraud detector's training curves show: the lines (or, unshuffled, why they spike), and
    the shaded epochs an early stop waited through."""
    said = (
        "Thin line: each batch's loss, noisy. Thick lines: the whole set after each epoch. Star: the checkpoint kept."
        if shuffled
        else "Not shuffled: every epoch ends on a run of fraud-only batches (the spikes). Each batch pulls the "
        "detector toward its own label, so every epoch ends leaning toward fraud and both losses settle higher."
    )
    if stopped_at is None:
        return said
    waited = stopped_at - best_epoch
    if waited == 1:
        return said + " Shaded: the epoch after the checkpoint, no real improvement (a patience of 1); then it stopped."
    return said + (
        f" Shaded: the {waited} epochs after the checkpoint, none a real improvement (the patience); then it stopped."
    )
