import numpy as np
import streamlit as st

from playground import ui
from playground.charts import fitting as fit_charts
from playground.content.controls import OVERFITTING as PAGE
from playground.content.fitting import (
    ICONS,
    complexity_caption,
    epoch_caption,
    fit_caption,
    miss,
    verdict_sentence,
)
from playground.models import fitting

SIZES = (10, 15, 20, 30, 50, 80, 120, 200, 300)
GRID = np.linspace(*fitting.X_RANGE, 800)  # fine enough to show a wild curve threading each house
EPOCHS = 200


@st.cache_data(max_entries=256)
def study(seed: int, n_train: int, noise: float, l2: float):
    s = fitting.sample(np.random.default_rng(seed), n_train, noise)
    return s, fitting.sweep(s, l2), fitting.train_by_descent(s, fitting.MAX_DEGREE, EPOCHS, l2)


@st.cache_data(max_entries=256)
def growing(seed: int, degree: int, noise: float, l2: float):
    return fitting.learning_curve(seed, SIZES, degree, noise, l2)


def next_sample() -> None:
    st.session_state[PAGE.key("seed")] = (st.session_state.get(PAGE.key("seed"), 0) + 1) % 10_000


ui.header(PAGE)
ui.scene_buttons(PAGE)

st.header("The fit")
controls, picture = st.columns([1, 2.2], gap="large")
with controls:
    degree = ui.control(PAGE, "degree")
    n_train = ui.control(PAGE, "n")
    noise = ui.control(PAGE, "noise")
    l2 = ui.control(PAGE, "l2")
    seed = ui.control(PAGE, "seed")
    st.button(
        "New sample", icon=":material/casino:", on_click=next_sample, help="Draw other houses from the same market."
    )
s, sweep, history = study(seed, n_train, noise, l2)
model = fitting.fit(s.x_train, s.y_train, degree, l2)
curve = model.predict(GRID)
with picture:
    ui.chart(
        fit_charts.fit_view(s, GRID, curve, fitting.truth(GRID)),
        fit_caption(fitting.leaves_market(s, curve)),
    )
train, val = float(sweep.train[degree]), float(sweep.val[degree])
floor = fitting.noise_floor(s)
verdicts = fitting.verdicts(sweep, floor)
kind = verdicts[degree]
callout = {"good fit": st.success, "underfit": st.info, "overfit": st.warning}[kind]
callout(verdict_sentence(kind, train, val, floor, l2), icon=ICONS[kind])
RMS_HELP = "The root mean square of the misses: a typical miss in which big misses count extra."
on_train, on_new, least = st.columns(3)
on_train.metric("Typical miss on training houses", miss(train), help=RMS_HELP)
on_new.metric("Typical miss on new houses", miss(val), help=RMS_HELP)
least.metric(
    "Least possible miss",
    miss(floor),
    help="How far the real pattern itself misses the new houses: the luck in each sale, which no model can predict.",
)

st.header("Error against complexity")
ui.prose("Every degree from 0 to 15, fitted to the same training houses and tested on the same new ones.")
ui.chart(
    fit_charts.complexity_curve(sweep, degree, verdicts, floor),
    complexity_caption(verdicts),
)

st.header("Training too long")
ui.prose(
    f"A degree-{fitting.MAX_DEGREE} model trained step by step with gradient descent on the same houses. "
    "Early on it learns the broad pattern; later it starts bending towards individual houses."
)
ui.chart(
    fit_charts.epoch_curves(history, floor),
    epoch_caption(history),
)

st.header("More data fixes it")
ui.chart(
    fit_charts.data_size_curve(growing(seed, degree, noise, l2), floor),
    f"Degree {degree} with more and more training houses: the gap between the two errors closes.",
)

st.header("Three kinds of metrics")
m = fitting.metrics(s.y_val, model.predict(s.x_val))
tech, business, decision = st.columns(3)
tech.metric("Model metric: typical miss", miss(m.rmse), help="Technical quality, for the team. " + RMS_HELP)
tech.caption(
    "How good the model is, for the team that builds it: its typical miss here; elsewhere precision, "
    "recall, latency (how fast it answers) and drift (how far the world has moved since training)."
)
business.metric("Business metric: priced within 10 %", f"{m.within_10pct:.0%}", help="What the product earns.")
business.caption(
    "What the model earns the business: here, listings priced close enough to sell well; elsewhere "
    "conversion, cost to serve, cycle time and retention."
)
decision.metric("Decision metric: agent overrides", f"{m.override:.0%}", help="How people act on it.")
decision.caption(
    f"How people act on it: here, how often an agent overrules a valuation off by more than "
    f"${fitting.OVERRIDE_AT:.0f}k; elsewhere how often incidents happen and how serious they are, and "
    "how well hard cases are escalated to a person."
)

ui.why_it_matters(PAGE)
ui.terms("Overfitting", "Underfitting", "Validation set", "Generalisation", "Regularisation", "Epoch")
