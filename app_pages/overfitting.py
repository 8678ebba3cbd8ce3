import numpy as np
import streamlit as st

from playground import ui
from playground.charts import fitting as fit_charts
from playground.content.controls import OVERFITTING as PAGE
from playground.content.fitting import (
    ICONS,
    RMS_HELP,
    complexity_caption,
    data_size_caption,
    epoch_caption,
    fit_caption,
    intro_on_your_rows,
    least_miss,
    metric_captions,
    metrics_on_your_rows,
    miss,
    validation_drawn,
    verdict_sentence,
)
from playground.content.yourdata import words
from playground.models import dataset, fitting

SIZES = (10, 15, 20, 30, 50, 80, 120, 200, 300)
GRID = np.linspace(*fitting.X_RANGE, 800)  # fine enough to show a wild curve threading each house
EPOCHS = 10_000  # long enough that training on visibly hurts (over 200, validation rose 3 %)
KEPT = 160  # epochs drawn, log-spaced, plus the first and the best


@st.cache_data(max_entries=256)
def study(seed: int, n_train: int, noise: float, l2: float):
    s = fitting.sample(np.random.default_rng(seed), n_train, noise)
    return s, fitting.sweep(s, l2), fitting.train_by_descent(s, fitting.MAX_DEGREE, EPOCHS, l2, keep=KEPT)


@st.cache_data(max_entries=256)
def growing(seed: int, n_train: int, degree: int, noise: float, l2: float):
    exam = fitting.sample(np.random.default_rng(seed), n_train, noise)  # the houses the floor is measured on
    return fitting.learning_curve(seed, SIZES, degree, noise, l2, exam=exam)


def next_sample() -> None:
    st.session_state[PAGE.key("seed")] = (st.session_state.get(PAGE.key("seed"), 0) + 1) % 10_000


def own_study(pair: dataset.Pair, seed: int, n_train: int, l2: float):
    """The learner's rows split by ``seed``: this session's alone, never in the shared cache."""
    s = fitting.split(pair.x, pair.y, n_train, seed)
    return s, fitting.sweep(s, l2), fitting.train_by_descent(s, fitting.MAX_DEGREE, EPOCHS, l2, keep=KEPT)


mine = ui.your_data()
say = words(mine.x_is, mine.y_is) if mine else words()
on = fit_charts.reading(mine) if mine else fit_charts.HOUSES
pool = len(mine) - fitting.held_back(len(mine)) if mine else 0  # the learner's rows that may train

ui.header(PAGE, intro=intro_on_your_rows(say))
if not mine:  # the scenes set the houses' market
    ui.scene_buttons(PAGE)


# The controls below reshape nearly everything below them (the degree all but the training run):
# one section, so that a move reruns these and not the page's header, scene row and glossary.
@ui.section(PAGE)
def fit_and_its_consequences() -> None:
    st.header("The fit")
    controls, picture = st.columns([1, 2.2], gap="large")
    with controls:
        degree = ui.control(PAGE, "degree")
        if mine:
            rows = dataset.Knob(min(5, pool), pool, 1, min(20, pool))
            n_train, noise = int(ui.knob("Training rows", rows, f"own_n_{mine.fingerprint}", dataset.Quantity(""))), 0
        else:
            n_train, noise = ui.control(PAGE, "n"), ui.control(PAGE, "noise")
        l2 = ui.control(PAGE, "l2")
        split = {"label": "Split", "help": "Which rows train: each number is another split."}
        seed = ui.control(PAGE, "seed", **(split if mine else {}))
        what = "Put other rows in training" if mine else "Draw other houses from the same market."
        st.button("New split" if mine else "New sample", icon=":material/casino:", on_click=next_sample, help=what)
    s, sweep, history = own_study(mine, seed, n_train, l2) if mine else study(seed, n_train, noise, l2)
    model = fitting.fit(s.x_train, s.y_train, degree, l2, s.x_range)
    grid = np.linspace(*s.x_range, 800) if mine else GRID
    curve = model.predict(grid)
    with picture:
        truth = None if mine else fitting.truth(grid)
        drawn = validation_drawn(min(len(s.x_val), dataset.DRAWN), len(s.x_val))
        chart = fit_charts.fit_view(s, grid, curve, truth, on=on, most=dataset.DRAWN if mine else None)
        ui.chart(chart, fit_caption(fitting.leaves_market(s, curve), say) + drawn)
    train, val = float(sweep.train[degree]), float(sweep.val[degree])
    floor = sweep.lowest if mine else fitting.noise_floor(s)  # nobody knows the real pattern of a learner's rows
    verdicts = fitting.verdicts(sweep, floor)
    kind = verdicts[degree]
    callout = {"good fit": st.success, "underfit": st.info, "overfit": st.warning}[kind]
    callout(verdict_sentence(kind, train, val, floor, l2, say), icon=ICONS[kind])
    on_train, on_new, least = st.columns(3, vertical_alignment="bottom")  # a wrapped label: the numbers in line
    on_train.metric(f"Typical miss on training {say.rows}", miss(train, say), help=RMS_HELP)
    on_new.metric(f"Typical miss on new {say.rows}", miss(val, say), help=RMS_HELP)
    least_label, least_help = least_miss(say)
    least.metric(least_label, miss(floor, say), help=least_help)

    st.header("Error against complexity")
    ui.prose(f"Every degree from 0 to 15, fitted to the same training {say.rows} and tested on the same new ones.")
    ui.chart(fit_charts.complexity_curve(sweep, degree, verdicts, floor, on=on), complexity_caption(verdicts, say))

    st.header("Training too long")
    ui.prose(
        f"A degree-{fitting.MAX_DEGREE} model trained step by step with gradient descent on the same {say.rows}, "
        f"for {EPOCHS:,} epochs. In the first few tens it learns the broad pattern; with few {say.rows}, the "
        f"thousands after bend it towards individual ones. Each grid step along the bottom is ten times as many "
        "epochs."
    )
    ui.chart(fit_charts.epoch_curves(history, floor, on=on), epoch_caption(history, say))

    st.header("More data fixes overfitting")
    if mine:
        sizes = (*(n for n in SIZES if n < pool), pool)
        curve_of_data = fitting.rows_learning_curve(mine.x, mine.y, seed, sizes, degree, l2)
    else:
        curve_of_data = growing(seed, n_train, degree, noise, l2)
    ui.chart(
        fit_charts.data_size_curve(curve_of_data, floor, on=on, frame=sweep),
        data_size_caption(curve_of_data, floor, degree, say),
    )

    st.header("Three kinds of metrics")
    m = fitting.metrics(s.y_val, model.predict(s.x_val))
    if mine:  # what the business earns and how people act need to know what the learner's numbers mean
        st.info(metrics_on_your_rows(miss(m.rmse, say)), icon=":material/table_chart:")
    else:
        tech, business, decision = st.columns(3)
        tech.metric("Model metric: typical miss", miss(m.rmse), help="Technical quality, for the team. " + RMS_HELP)
        tech_says, business_says, decision_says = metric_captions(fitting.OVERRIDE_AT)
        ui.caption(tech_says, into=tech)
        business.metric("Business metric: priced within 10 %", f"{m.within_10pct:.0%}", help="What the product earns.")
        ui.caption(business_says, into=business)
        decision.metric("Decision metric: agent overrides", f"{m.override:.0%}", help="How people act on it.")
        ui.caption(decision_says, into=decision)


fit_and_its_consequences()

ui.why_it_matters(PAGE)
ui.terms("Overfitting", "Underfitting", "Validation set", "Generalisation", "Regularisation", "Epoch")
