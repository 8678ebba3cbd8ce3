import numpy as np
import streamlit as st

from playground import format as fmt
from playground import ui
from playground.charts import nn as nn_charts
from playground.content import facts
from playground.content import network as says
from playground.content.controls import FORWARD_PASS as PAGE
from playground.content.facts import LANGUAGE_MODELS
from playground.models import digits, nn


@st.cache_data(max_entries=1)
def network():
    _, held_out = digits.split(digits.load())
    params = digits.load_weights()
    return params, held_out, digits.accuracy(params, held_out)


params, held_out, accuracy = network()
N = len(held_out.y)


def random_digit() -> None:
    st.session_state[PAGE.key("pick")] = digits.another(st.session_state.get(PAGE.key("pick"), 0), N)


ui.header(PAGE)
ui.scene_buttons(PAGE)


@ui.section(PAGE)
def a_digit_flows() -> None:
    st.header("A digit flows through the network")
    controls, image, layer_view = st.columns([1, 1, 1.6], gap="medium")
    with controls:
        pick = ui.control(PAGE, "pick")
        st.button("Random digit", icon=":material/casino:", on_click=random_digit)
        noise = ui.control(PAGE, "noise")
    pixels = digits.with_noise(held_out.X[pick], noise, np.random.default_rng(pick)) if noise else held_out.X[pick]
    before = {key: value.copy() for key, value in params.items()}
    out = nn.forward(params, pixels[None, :])
    changed = nn.changed_count(before, params)
    probs = out.a[-1][0]
    guess = int(probs.argmax())
    with image:
        ui.chart(nn_charts.digit_image(pixels, f"Truth: {held_out.y[pick]}"), "What the network sees: 64 pixels.")
    with layer_view:
        layer = ui.control(PAGE, "layer")
        step = says.LAYER_STEPS.index(layer)
        if step == 0:
            chart = nn_charts.activations(pixels, [str(i + 1) for i in range(64)], "Pixel value")
        elif step == 1:
            chart = nn_charts.activations(out.a[1][0], [f"h{i + 1}" for i in range(out.a[1].shape[1])], "Activation")
        else:
            chart = nn_charts.activations(probs, [str(d) for d in range(10)], "Probability", highlight=guess)
        ui.chart(chart, says.LAYER_SAYS[layer])
        with st.expander("Show the maths for this layer"):
            if step == 0:
                ui.text("The input is the vector **a₀** of 64 pixel values; there is no computation yet.")
            else:
                name, rule = (
                    ("ReLU", "ReLU(z) = max(z, 0)")
                    if step == 1
                    else ("softmax", "softmax turns scores into probabilities")
                )
                W = params[f"W{step}"]
                # one equation a line: side by side they ran out of the column, cut at "ReLU("
                st.latex(rf"z_{step} = W_{step}\,a_{step - 1} + b_{step}")
                st.latex(rf"a_{step} = \mathrm{{{name}}}(z_{step})")
                first = ", ".join(f"{v:+.2f}" for v in out.z[step][0][:5])
                ui.text(f"W{step} is {W.shape[1]} × {W.shape[0]}; {rule}. First scores: {first} …")
    guess_col, truth_col, acc_col = st.columns(3)
    guess_col.metric(
        "The network reads", f"{guess}", delta=f"{fmt.sure(probs[guess])} sure", delta_color="off", delta_arrow="off"
    )
    truth_col.metric("The digit really is", f"{held_out.y[pick]}")
    acc_col.metric(
        "Right on new digits", f"{accuracy:.1%}", help=f"Over all {N} held-out digits: it never trained on them."
    )

    st.header("Nothing was learned")
    st.metric(
        "Knobs changed by this prediction",
        f"{changed:,} of {nn.parameter_count(params):,}",
        help="Every weight and bias is copied before the forward pass and compared, number by number, after it.",
    )
    ui.prose("A forward pass reads every weight and bias of the network and changes none of them.")


a_digit_flows()

st.header("Learned knobs have no labels")
ui.chart(
    nn_charts.weight_mosaic(params["W1"]),
    "Each square is one hidden neuron's 64 incoming weights, laid out like the image: blue pulls up, red pushes down.",
)
ui.prose(
    "Some squares look a little like strokes; most resist a name. Training found them, and nobody "
    "can set one by hand to fix a single wrong answer. The same holds at any scale: a music service's "
    "recommender may seem to know what makes a song danceable, yet no knob in it is labelled "
    "*danceability* for a team to turn up. To change what a model does, change its data or its "
    "loss, and train again."
)

st.header("The cost of a prediction")


@ui.section(PAGE)
def cost_of_a_prediction() -> None:
    size, shape = st.columns([1, 2], gap="large")
    with size:
        inputs = ui.control(PAGE, "inputs")
        width = ui.control(PAGE, "width")
        depth = ui.control(PAGE, "depth")
        yours = nn.multiply_adds((inputs, *([width] * depth), 10))
        seconds, per_million = nn.serving_cost(yours, facts.CPU_MADDS_PER_SECOND, facts.CPU_DOLLARS_PER_HOUR)
        st.metric("Multiply-adds per prediction", fmt.count(yours))
        st.metric("Time on one CPU core", fmt.short_time(seconds))
        st.metric("Cost per million predictions", fmt.dollars_cents(per_million))
    with shape:
        labels = ["Your network", "The digits network", *(f"{name}, per word" for name, _ in LANGUAGE_MODELS)]
        counts = [yours, nn.multiply_adds(digits.WIDTHS), *(n for _, n in LANGUAGE_MODELS)]
        ui.chart(
            nn_charts.cost_bars(labels, counts),
            "A language model does about one multiply-add per parameter for every word it writes.",
        )
    ui.caption(
        f"Assumes one CPU core doing about {fmt.count(facts.CPU_MADDS_PER_SECOND)} multiply-adds a second at "
        f"{fmt.dollars_cents(facts.CPU_DOLLARS_PER_HOUR)} an hour: rough, but the ratios between models hold."
    )


cost_of_a_prediction()

ui.why_it_matters(PAGE)
ui.terms("Forward pass", "Layer", "Neuron", "Activation", "Inference")
