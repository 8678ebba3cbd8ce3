import itertools

import numpy as np
import streamlit as st

from playground import format as fmt
from playground import ui
from playground.charts import network as network_charts
from playground.charts import regression
from playground.content.controls import PARAMETERS as PAGE
from playground.content.facts import LANGUAGE_MODELS
from playground.models import houses, linear, network


@st.cache_data(max_entries=1)
def house_data() -> tuple[houses.Houses, linear.LineFit]:
    data = houses.load()
    return data, linear.fit_least_squares(data.size, data.price)


@st.cache_data(max_entries=64)
def dirty_fits(share: float, seed: int) -> tuple[linear.Corruption, linear.LineFit]:
    data, _ = house_data()
    dirty = linear.corrupt_labels(data.price, share, np.random.default_rng(seed))
    return dirty, linear.fit_least_squares(data.size, dirty.price)


data, best = house_data()

ui.header(PAGE)
ui.scene_buttons(PAGE)


@ui.section(PAGE)
def twist_the_knobs() -> None:
    st.header("Twist the knobs")
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        w = ui.control(PAGE, "w")
        b = ui.control(PAGE, "b")
        show_best = ui.control(PAGE, "best")
    yours = linear.score(data.size, data.price, w, b)
    with picture:
        ui.chart(
            regression.line_fit(data.size, data.price, yours, best if show_best else None),
            "Each grey stroke is one house's miss. The loss averages their squares, so long strokes dominate.",
        )
        # while a knob is dragged, the line and its misses follow it in the browser; on release, all of this reruns
        ui.follow_drag(PAGE.key("w"), PAGE.key("b"), line="Your line", houses="Houses sold", misses="Your misses")
    miss, loss, best_miss, best_knobs = st.columns(4)
    miss.metric("Your typical miss", fmt.dollars(yours.rmse), help="The square root of the loss: a miss in dollars.")
    loss.metric(
        "Loss (mean squared error)",
        fmt.count(yours.mse),
        help="The average of the squared misses, in dollars squared: a number training pushes down, too big to "
        "read as money. Its square root is the typical miss beside it.",
    )
    if show_best:
        gap = f"{fmt.dollars(best.rmse - yours.rmse)} vs yours"
        best_miss.metric("Machine's typical miss", fmt.dollars(best.rmse), delta=gap, delta_color="inverse")
        best_knobs.markdown(f"Machine's knobs:  \n**w = ${best.w:,.1f}** per sq ft  \n**b = {fmt.dollars(best.b)}**")
    ui.prose(
        "No setting of two knobs makes every miss zero: houses of the same size sell for different "
        "prices. The best the line can do is make the misses as small as possible **on average**, "
        "and that best setting is exactly what training searches for."
    )


twist_the_knobs()


@ui.section(PAGE)
def knobs_between_neurons() -> None:
    st.header("Knobs between neurons")
    ui.prose(
        "A neural network is the same idea, many times over. Each line below is one weight; each "
        "neuron also has a bias. Widen the layers and count how fast the knobs multiply."
    )
    shape, drawing = st.columns([1, 2], gap="large")
    with shape:
        inputs = ui.control(PAGE, "inputs")
        hidden1 = ui.control(PAGE, "hidden1")
        hidden2 = ui.control(PAGE, "hidden2")
        outputs = ui.control(PAGE, "outputs")
        seed = ui.control(PAGE, "seed")
        widths = network.layout(inputs, (hidden1, hidden2), outputs)
        st.metric("Knobs in this network", f"{network.count_parameters(widths):,}")
        st.caption(
            " + ".join(
                f"{n_in}×{n_out} weights + {fmt.plural(n_out, 'bias', 'biases')}"
                for n_in, n_out in itertools.pairwise(widths)
            )
        )
    with drawing:
        ui.chart(
            network_charts.network_diagram(widths, network.random_weights(widths, np.random.default_rng(seed))),
            "Blue lines push the next neuron up, red ones push it down; thicker means a stronger knob.",
        )
    labels = ["Your network", "This page's house line", *(name for name, _ in LANGUAGE_MODELS)]
    counts = [network.count_parameters(widths), 2, *(n for _, n in LANGUAGE_MODELS)]
    ui.chart(
        network_charts.parameter_counts(labels, counts),
        "Each grid step is ten times more knobs. Large language models have billions, all set by training.",
    )


knobs_between_neurons()


@ui.section(PAGE)
def dirty_data() -> None:
    st.header("Dirty data turns the knobs the wrong way")
    ui.prose(
        "Training moves the knobs towards whatever the data says. If some prices were attached to "
        "the wrong houses, the knobs faithfully learn that mistake."
    )
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        dirty_pct = ui.control(PAGE, "dirty")
        rows_seed = ui.control(PAGE, "rows")
        dirty, dirty_fit = dirty_fits(dirty_pct / 100, rows_seed)
        clean_w, dirty_w = st.columns(2)
        clean_w.metric("w from clean data", f"{fmt.dollars(best.w)} per sq ft")
        dirty_w.metric("w from dirty data", f"{fmt.dollars(dirty_fit.w)} per sq ft")
        st.metric(
            "Drift",
            f"{fmt.dollars(dirty_fit.w - best.w, signed=True)} per sq ft",
            help="Dirty weight minus clean weight.",
        )
    with picture:
        ui.chart(
            regression.dirty_fit(data.size, dirty, best, dirty_fit),
            "Wrong prices pull the dashed line flatter: the model learns that size matters less than it does.",
        )


dirty_data()

ui.why_it_matters(PAGE)
ui.terms("Parameter", "Weight", "Bias", "Loss", "Fine-tuning")
