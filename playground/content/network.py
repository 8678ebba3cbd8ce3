"""Sentences for the Forward pass and Backpropagation pages."""

from collections.abc import Sequence

from playground import format as fmt

LAYER_STEPS = ("Input", "Hidden layer", "Output")
LAYER_SAYS = {
    "Input": (
        "The image enters as 64 numbers, one per pixel, from 0 (blank) to 1 (fully inked). Nothing has happened yet."
    ),
    "Hidden layer": (
        "Each of the 32 hidden neurons takes a weighted sum of all 64 pixels, adds its bias and "
        "keeps the result only if it is positive (ReLU). Each one lights up for some stroke pattern. "
        "In a big image network the layers build on each other: the first find edges, later ones "
        "shapes made of edges, the last whole objects. This one has room for a single step."
    ),
    "Output": (
        "Ten neurons weigh the 32 hidden signals, one per digit, and a softmax turns their scores "
        "into probabilities that add up to 100 %. The tallest bar is the prediction."
    ),
}

BACKPROP_STEPS = (
    "Forward pass",
    "Loss",
    "Backward: output layer",
    "Backward: hidden layer",
    "Backward: to the inputs",
)
BACKPROP_SAYS = {
    "Forward pass": (
        "Values flow left to right: each hidden neuron sums its weighted inputs and bends the sum; "
        "the output sums the hidden values."
    ),
    "Loss": (
        "The loss compares the prediction ŷ with the target: the squared miss. Its own gradient "
        "is 1: this is where the blame starts."
    ),
    "Backward: output layer": (
        "Blame reaches the output: ∂ on ŷ says which way the prediction should move. Each output "
        "weight's blame is that ∂ times the hidden value it carried."
    ),
    "Backward: hidden layer": (
        "Blame flows through the output weights into each hidden neuron, is scaled by how steep "
        "its bend was, and lands on every first-layer weight and bias."
    ),
    "Backward: to the inputs": (
        "The blame even reaches the inputs. They are data, not knobs, so nothing updates there, "
        "but it shows which input the loss is most sensitive to."
    ),
}


def flat_note(act: str, flat: Sequence[int], into: float, out_of: float) -> str:
    """What the blame bars show when hidden neurons ``flat`` (0-based) sit on a flat stretch of ``act``:
    ``into``, the largest blame on a knob into them; ``out_of``, the largest on the output layer's."""
    names = [f"h{i + 1}" for i in flat]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    it, its = ("it", "its") if len(names) == 1 else ("them", "their")
    if act == "relu":
        return (
            f"{who} {'is' if len(names) == 1 else 'are'} switched off: {its} sum is negative, where ReLU is flat at "
            f"zero, so no blame passes back through {it} and the knobs into {it} get none."
        )
    return (
        f"{who} {'sits' if len(names) == 1 else 'sit'} on a flat end of the {act}, where a nudge to {its} sum "
        f"barely moves {its} output: blame passing back through {it} shrinks to almost nothing, at most "
        f"{fmt.graph_number(into, signed=False)} on a knob into {it}, against up to "
        f"{fmt.graph_number(out_of, signed=False)} on a knob of the output layer."
    )


def nudge_note(e: float, off: str) -> str:
    """Why the nudge test's promise broke, once ``off`` (the shown miss) is large: the step was long."""
    return (
        f"A nudge of {e:g} is too long a step for the promise: the gradient is the slope at this exact point, "
        f"and the loss curves away from it over the step, so gradient × e is off by {off}. Smaller nudges keep "
        "closer to it. It is why a learning rate that is too big overshoots."
    )
