import itertools

import numpy as np
import streamlit as st

from playground import format as fmt
from playground import ui
from playground.charts import network as network_charts
from playground.charts import regression
from playground.content.controls import PARAMETERS as PAGE
from playground.content.facts import LANGUAGE_MODELS
from playground.content.yourdata import words
from playground.models import dataset, linear, network


@st.cache_data(max_entries=1)
def house_data() -> tuple[dataset.Pair, linear.LineFit]:
    data = dataset.house_pair()
    return data, linear.fit_least_squares(data.x, data.y)


def dirty_fits(data: dataset.Pair, share: float, seed: int) -> tuple[linear.Corruption, linear.LineFit]:
    dirty = linear.corrupt_labels(data.y, share, np.random.default_rng(seed))
    return dirty, linear.fit_least_squares(data.x, dirty.price)


mine = ui.your_data()
data, best = (mine, linear.fit_least_squares(mine.x, mine.y)) if mine else house_data()
say = words(mine.x_is, mine.y_is) if mine else words()
on = regression.frame(mine) if mine else regression.HOUSES
shown = data.drawn()  # a long table draws a sample, as fast as the houses; every number uses every row

ui.header(PAGE, intro=say.intro)
if not mine:  # the scenes are set in dollars and square feet
    ui.scene_buttons(PAGE)


def knobs() -> tuple[float, float]:
    """The line's two knobs: the link's, on the houses; on the learner's data, ranged to it."""
    if not mine:
        return ui.control(PAGE, "w"), ui.control(PAGE, "b")
    w, b = dataset.knobs(mine)
    keys = (f"own_w_{mine.fingerprint}", f"own_b_{mine.fingerprint}")
    return (
        ui.knob(say.weight_label, w, keys[0], mine.y_is),
        ui.knob(say.bias_label, b, keys[1], mine.y_is),
    )


@ui.section(PAGE)
def twist_the_knobs() -> None:
    st.header("Twist the knobs")
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        w, b = knobs()
        show_best = ui.control(PAGE, "best")
    yours = linear.score(data.x, data.y, w, b)
    with picture:
        ui.chart(
            regression.line_fit(data.x[shown], data.y[shown], yours, best if show_best else None, on=on),
            say.misses_caption + say.sampled(len(shown), len(data)),
        )
        # while a knob is dragged, the line and its misses follow it in the browser; on release, all of this reruns
        keys = (f"own_w_{mine.fingerprint}", f"own_b_{mine.fingerprint}") if mine else (PAGE.key("w"), PAGE.key("b"))
        ui.follow_drag(*keys, line="Your line", houses=on.points, misses="Your misses")
    # two numbers a row: in four columns at 1024 px "54.7 billion" broke over two lines
    miss, loss = st.columns(2)
    miss.metric("Your typical miss", say.y_amount(yours.rmse), help="The square root of the loss: a typical miss.")
    loss.metric("Loss (squared error)", say.loss_amount(yours.mse), help=say.loss_help)
    if show_best:
        gap = f"{say.y_amount(best.rmse - yours.rmse)} vs yours"
        best_miss, best_knobs = st.columns(2)  # the machine's miss under yours
        best_miss.metric("Machine's typical miss", say.y_amount(best.rmse), delta=gap, delta_color="inverse")
        best_knobs.markdown(f"Machine's knobs:  \n**w = {say.slope(best.w)}**  \n**b = {say.y_amount(best.b)}**")
    ui.prose(say.no_perfect_line)


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
        ui.caption(
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
    labels = ["Your network", "This page's line", *(name for name, _ in LANGUAGE_MODELS)]
    counts = [network.count_parameters(widths), 2, *(n for _, n in LANGUAGE_MODELS)]
    ui.chart(
        network_charts.parameter_counts(labels, counts),
        "Each grid step is ten times more knobs. Large language models have billions, all set by training.",
    )


knobs_between_neurons()


@ui.section(PAGE)
def dirty_data() -> None:
    st.header("Dirty data turns the knobs the wrong way")
    ui.prose(say.dirty_intro)
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        dirty_pct = ui.control(PAGE, "dirty", label=say.dirty_label)
        rows_seed = ui.control(PAGE, "rows")
        dirty, dirty_fit = dirty_fits(data, dirty_pct / 100, rows_seed)
        st.metric(say.labelled("w from clean data"), say.weight(best.w))  # one per row: "$182 per sq ft" needs it
        st.metric(say.labelled("w from dirty data"), say.weight(dirty_fit.w))
        drift = say.weight(dirty_fit.w - best.w, signed=True)
        st.metric(say.labelled("Drift"), drift, help="Dirty weight minus clean weight.")
    with picture:
        drawn = linear.Corruption(dirty.price[shown], dirty.corrupted[shown])
        ui.chart(
            regression.dirty_fit(data.x[shown], drawn, best, dirty_fit, on=on),
            say.dirty_caption(dirty_pct / 100, best.w, dirty_fit.w) + say.sampled(len(shown), len(data)),
        )


dirty_data()

ui.why_it_matters(PAGE)
ui.terms("Parameter", "Weight", "Bias", "Loss", "Fine-tuning")
