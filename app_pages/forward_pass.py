import numpy as np
import streamlit as st

from playground import ui
from playground.charts import nn as nn_charts
from playground.charts.theme import human_count, price
from playground.content import network as says
from playground.content.facts import LANGUAGE_MODELS
from playground.models import digits, nn

INPUT_SIZES = (64, 784, 50_176, 150_528)  # 8x8 digits, 28x28 digits, 224x224 grey, 224x224 colour
WIDTHS = (8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096)


@st.cache_data(max_entries=1)
def network():
    _, held_out = digits.split(digits.load())
    params = digits.load_weights()
    return params, held_out, digits.accuracy(params, held_out)


params, held_out, accuracy = network()
N = len(held_out.y)


def random_digit() -> None:
    st.session_state["fwd_pick"] = (st.session_state.get("fwd_pick", 0) * 7919 + 104_729) % N


SCENES = (
    ui.Scene("A clear digit", "A held-out digit the network has never seen, read cleanly.", {}),
    ui.Scene(
        "A smudged digit",
        "Heavy noise on the same digit: the network still answers, sometimes sure and wrong.",
        {"noise": 0.45, "layer": "Output"},
    ),
    ui.Scene(
        "Look inside", "Stop at the hidden layer: 32 neurons, each lit by some stroke.", {"layer": "Hidden layer"}
    ),
    ui.Scene(
        "A big model's bill",
        "A large image network: millions of multiply-adds per answer.",
        {"inputs": 150_528, "width": 4096, "depth": 8},
    ),
)

ui.header("forward_pass")
ui.scene_buttons("fwd", SCENES)

st.header("A digit flows through the network")
controls, image, layer_view = st.columns([1, 1, 1.6], gap="medium")
with controls:
    pick = ui.number("fwd_pick", f"Which held-out digit (0 to {N - 1})", 0, N - 1, 0, 1)
    st.button("Random digit", icon=":material/casino:", on_click=random_digit)
    noise = ui.slider("fwd_noise", "Smudge (pixel noise)", 0.0, 0.6, 0.0, 0.05)
pixels = digits.with_noise(held_out.X[pick], noise, np.random.default_rng(pick)) if noise else held_out.X[pick]
before = nn.fingerprint(params)
out = nn.forward(params, pixels[None, :])
after = nn.fingerprint(params)
probs = out.a[-1][0]
guess = int(probs.argmax())
with image:
    ui.chart(nn_charts.digit_image(pixels, f"Truth: {held_out.y[pick]}"), "What the network sees: 64 pixels.")
with layer_view:
    layer = ui.select("fwd_layer", "Step through the layers", says.LAYER_STEPS, "Input")
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
            st.markdown("The input is the vector **a₀** of 64 pixel values; there is no computation yet.")
        else:
            name, rule = (
                ("ReLU", "ReLU(z) = max(z, 0)") if step == 1 else ("softmax", "softmax turns scores into probabilities")
            )
            W = params[f"W{step}"]
            st.latex(rf"z_{step} = W_{step}\,a_{step - 1} + b_{step}, \qquad a_{step} = \mathrm{{{name}}}(z_{step})")
            first = ", ".join(f"{v:+.2f}" for v in out.z[step][0][:5])
            st.markdown(f"W{step} is {W.shape[1]} × {W.shape[0]}; {rule}. First scores: {first} …")
guess_col, truth_col, acc_col = st.columns(3)
guess_col.metric(
    "The network reads", f"{guess}", delta=f"{probs[guess]:.1%} sure", delta_color="off", delta_arrow="off"
)
truth_col.metric("The digit really is", f"{held_out.y[pick]}")
acc_col.metric("Right on held-out digits", f"{accuracy:.1%}", help=f"Over all {N} digits it never trained on.")

st.header("Nothing was learned")
same = st.columns(2)
same[0].metric("Weights fingerprint before", before)
same[1].metric("Weights fingerprint after", after)
ui.prose(
    "The fingerprint is a hash of every one of the network's "
    f"{nn.parameter_count(params):,} weights and biases. A forward pass reads them and changes none."
)

st.header("Learned knobs have no labels")
ui.chart(
    nn_charts.weight_mosaic(params["W1"]),
    "Each square is one hidden neuron's 64 incoming weights, laid out like the image: blue pulls up, red pushes down.",
)
ui.prose(
    "Some squares look a little like strokes; most resist a name. Training found them, and nobody "
    "can set one by hand to fix a single wrong answer."
)

st.header("The cost of a prediction")
size, shape = st.columns([1, 2], gap="large")
with size:
    inputs = ui.select("fwd_inputs", "Input size (numbers per example)", INPUT_SIZES, 64, format_func=human_count)
    width = ui.log_slider("fwd_width", "Neurons per hidden layer", WIDTHS, 32, format_func=str)
    depth = ui.slider("fwd_depth", "Hidden layers", 1, 12, 1, 1)
    yours = nn.multiply_adds((inputs, *([width] * depth), 10))
    seconds, per_million = nn.serving_cost(yours, says.CPU_MADDS_PER_SECOND, says.CPU_DOLLARS_PER_HOUR)
    st.metric("Multiply-adds per prediction", human_count(yours))
    st.metric("Time on one CPU core", f"{seconds * 1e3:.3g} ms")
    st.metric("Cost per million predictions", price(per_million))
with shape:
    labels = ["Your network", "The digits network", *(f"{name}, per word" for name, _ in LANGUAGE_MODELS)]
    counts = [yours, nn.multiply_adds(digits.WIDTHS), *(n for _, n in LANGUAGE_MODELS)]
    ui.chart(
        nn_charts.cost_bars(labels, counts),
        "A language model does about one multiply-add per parameter for every word it writes.",
    )
st.caption(
    f"Assumes one CPU core doing about {says.CPU_MADDS_PER_SECOND:.0e} multiply-adds a second at "
    f"${says.CPU_DOLLARS_PER_HOUR} an hour: rough, but the ratios between models hold."
)

ui.why_it_matters("forward_pass")
ui.terms("Forward pass", "Layer", "Neuron", "Activation", "Inference")
