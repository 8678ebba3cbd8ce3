import numpy as np
import streamlit as st

from playground import format as fmt
from playground import ui
from playground.charts import nn as nn_charts
from playground.content import network as says
from playground.content.controls import BACKPROPAGATION as PAGE
from playground.models import digits, nn

LOSS = "squared_error"
BROKEN = 0.1  # the nudge test's miss, relative to the change, past which the page says why


ui.header(PAGE)
ui.scene_buttons(PAGE)


@ui.section(PAGE)
def one_training_example() -> None:
    st.header("Step through one training example")
    stage = ui.control(PAGE, "stage")
    controls, picture = st.columns([1, 2.4], gap="large")
    with controls:
        x1 = ui.control(PAGE, "x1")
        x2 = ui.control(PAGE, "x2")
        target = ui.control(PAGE, "target")
        act = ui.control(PAGE, "act")
        hidden = ui.control(PAGE, "hidden")
        seed = ui.control(PAGE, "seed")
    params = nn.init((2, hidden, 1), np.random.default_rng(seed))
    X, y = np.array([[x1, x2]]), np.array([[target]])
    out = nn.forward(params, X, act, LOSS)
    grads = nn.backward(params, out, y, act, LOSS)
    snap = nn.snapshot(params, X, y, act, LOSS, stage=says.BACKPROP_STEPS.index(stage))
    with picture:
        ui.chart(
            nn_charts.computation_graph(snap),
            says.BACKPROP_SAYS[stage],
        )

    st.header("Blame per parameter")
    names = nn.parameter_names((2, hidden, 1))
    flat = np.concatenate([grads[k].ravel() for k in params])
    known = nn.blame_known(snap, list(names))
    words = (
        "Positive blame: raising that knob would raise the loss, so training will lower it; negative, the reverse."
        if known.all()
        else "The blame arrives layer by layer as the backward pass runs: step backwards above to fill in the rest."
        if known.any()
        else "No blame yet: the forward pass and the loss come first. Step backwards above to see it arrive."
    )
    stuck = nn.flat_neurons(out, act)
    if stuck.size and snap.weight_grads[0] is not None:  # the blame has reached the first layer's knobs
        words += " " + says.flat_note(act, stuck, *nn.blame_around(grads, stuck))
    ui.chart(nn_charts.blame([nn.parameter_label(n) for n in names], flat, known), words)

    st.header("The nudge test")
    ui.prose(
        "A gradient is a promise: move a knob by a small amount e and the loss moves by about gradient × e. Test it."
    )
    left, right = st.columns([1, 2], gap="large")
    with left:
        chosen = ui.control(PAGE, "param", options=names)
        e = ui.control(PAGE, "nudge")
    key, index = names[chosen]
    predicted, actual = nn.nudge_test(params, key, index, e, X, y, act, LOSS)
    scored = snap.loss is not None  # both numbers are changes of the loss, which the diagram shows as "?" till then
    reached = known[list(names).index(chosen)]  # the prediction needs this knob's blame, as the chart above does
    with right:  # two numbers a row: four significant figures need the room
        a, b = st.columns(2)
        promise = "The loss's change the gradient promises: gradient × e."
        measured = "The loss's change, measured by a new forward pass and loss with the knob nudged."
        a.metric("Predicted change", fmt.significant(predicted, signed=True) if reached else "not yet", help=promise)
        b.metric("Actual change", fmt.significant(actual, signed=True) if scored else "not yet", help=measured)
        off = abs(actual - predicted) / abs(actual) if actual else 0.0
        miss = f"{off:.1%}" if reached else "not yet"
        a.metric("Off by", miss, help="Grows with the nudge: the gradient is the slope at this exact point.")
        if not scored:
            ui.caption("Both are changes in the loss, and the loss comes after the forward pass: step on above.")
        elif not reached:
            ui.caption(
                "The prediction needs this knob's blame, and the backward pass has not reached it yet: step "
                "backwards above. The actual change needs only a new forward pass and loss, one knob at a time."
            )
        elif off > BROKEN:
            ui.caption(says.nudge_note(e, miss))


one_training_example()

st.header("Why training costs more than answering")
forward_cost, training_cost = nn.multiply_adds(digits.WIDTHS), nn.training_multiply_adds(digits.WIDTHS)
ui.chart(
    nn_charts.cost_bars(
        ["Answer one digit (forward)", "Learn from one digit (forward + backward)"],
        [forward_cost, training_cost],
        log=False,
    ),
    f"Counted for the digits network: learning from a digit takes {training_cost / forward_cost:.1f} times the "
    "multiply-adds of answering it. The backward pass works out each weight's blame (one multiply-add per "
    "weight) and passes blame back to the layer before (one more per weight, except into the input). For big, "
    f"deep networks the usual rule of thumb is about {nn.TRAINING_RULE_OF_THUMB} times.",
)

ui.why_it_matters(PAGE)
ui.terms("Backpropagation", "Gradient", "Neuron", "Layer", "Activation", "Inference")
