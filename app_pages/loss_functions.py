import numpy as np
import streamlit as st

from playground import format as fmt
from playground import ui
from playground.charts import losses as loss_charts
from playground.charts import regression
from playground.content.controls import LOSS_FUNCTIONS as PAGE
from playground.content.pricing import business_note, business_table
from playground.content.yourdata import words
from playground.models import dataset, linear, losses, pricing

UNIT = 10_000  # penalties are drawn so that a $10k miss costs 1 under squared and absolute error
ERRORS = np.linspace(-300_000, 300_000, 121)
PROBABILITIES = np.linspace(0.01, 1.0, 100)
NAMES = losses.NAMES


@st.cache_data(max_entries=256)
def line(kind: str, mansions: int, delta: float, k: float) -> linear.LossFit:
    return pricing.line(kind, mansions, delta, k)


mine = ui.your_data()
say = words(mine.x_is, mine.y_is) if mine else words()
on = regression.frame(mine) if mine else regression.HOUSES

ui.header(PAGE)
ui.scene_buttons(PAGE)


def study_of_fits(delta: float, k: float) -> pricing.Priced:
    """Every loss's line: through the houses (and as many mansions as asked), or through the learner's
    rows with Huber's threshold in their units."""
    if not mine:
        return pricing.price_houses(ui.control(PAGE, "mansions"), delta, k, line=line)
    own = ui.knob(say.huber_label, dataset.huber_knob(mine), f"own_delta_{mine.fingerprint}", mine.y_is)
    return pricing.price_pair(mine, own, k)


@ui.section(PAGE)
def one_prediction() -> None:
    st.header("One prediction, scored four ways")
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        pred = ui.control(PAGE, "pred")
        actual = ui.control(PAGE, "actual")
        delta = ui.control(PAGE, "delta")
        k = ui.control(PAGE, "k")
    error = pred - actual
    scored = {c: float(p[0]) for c, p in losses.all_penalties(np.array([error]), delta=delta, k=k, unit=UNIT).items()}
    with picture:
        ui.chart(
            loss_charts.loss_curves(ERRORS, losses.all_penalties(ERRORS, delta=delta, k=k, unit=UNIT), error, scored),
            "Near zero the losses agree; far out, squared error shoots up and leaves the chart while the others "
            "grow in a straight line.",
        )
    side = "too low" if error < 0 else "too high" if error > 0 else "exactly right"
    ui.text(
        f"**Error: {fmt.dollars(error, signed=True)}** (the prediction is {side}). Penalty under each loss, "
        f"counting a {fmt.dollars_short(UNIT)} miss as 1:"
    )
    ui.table({NAMES[c]: [fmt.amount(scored[c])] for c in losses.LOSSES})
    if abs(error) > UNIT:
        times = abs(error) / UNIT
        ui.caption(
            f"This miss is {fmt.amount(times)} times a {fmt.dollars_short(UNIT)} miss. Absolute error charges it "
            f"{fmt.amount(scored['absolute'])} times as much; squared error charges it "
            f"{fmt.amount(scored['squared'])} times as much, because squaring multiplies a big miss by itself."
        )
    if say.one_prediction_note:
        st.info(say.one_prediction_note, icon=":material/home:")


one_prediction()

st.header("Same data, different mistakes")
ui.prose(say.fits_intro)


@ui.section(PAGE)
def same_data_different_mistakes() -> None:
    delta, k = ui.drawn(PAGE, "delta"), ui.drawn(PAGE, "k")
    chosen = ui.control(PAGE, "fits")
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        study = study_of_fits(delta, k)
    fits = {kind: study.fits[kind] for kind in chosen}
    shown = mine.drawn() if mine else slice(None)  # a long table draws a sample; every number uses every row
    with controls:
        for kind, fit in fits.items():
            moved = study.moved[kind]
            st.metric(
                say.weight_of(NAMES[kind]),
                say.weight(fit.w) if mine else fmt.dollars(fit.w),
                delta=f"{fmt.dollars(moved, signed=True)} from the mansions" if study.mansion.any() else None,
                delta_color="off",
                delta_arrow="auto" if abs(moved) >= 0.5 else "off",  # under 50 cents shows as +$0: no arrow
            )
    points = (study.size[shown], study.price[shown], study.mansion[shown])
    drawn = say.sampled(len(points[0]), len(study.size))
    with picture:
        if not chosen:
            st.info("Pick at least one loss to fit a line with it.", icon=":material/touch_app:")
        else:
            ui.chart(loss_charts.fits_by_loss(*points, fits, on=on), say.fits_caption(study, chosen) + drawn)
    if chosen:
        misses = {kind: study.misses[kind] for kind in chosen}
        ui.chart(loss_charts.misses_by_loss(study.bands, misses, on=on, reach=study.reach), say.band_caption(study))

    with st.container(key=PAGE.anchor("business")):  # where "Under-pricing costs 3×" brings the page
        st.header("The business decides")
        ui.prose(say.business_intro(k))
    pair_of_fits = {c: study.fits[c] for c in ("squared", "asymmetric")}
    ui.chart(loss_charts.fits_by_loss(*points, pair_of_fits, on=on), say.asymmetric_caption(k) + drawn)
    ui.table(business_table(study, k, say))
    ui.caption(business_note(k, len(study.size), say))


same_data_different_mistakes()

st.header("Confident and wrong")
ui.prose(
    "For yes/no questions (is this transaction fraud?) the model gives a probability. Cross-entropy "
    "scores it by the probability it gave the right answer, and it is merciless with confident mistakes."
)


@ui.section(PAGE)
def confident_and_wrong() -> None:
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        p = ui.control(PAGE, "p")
        ce = float(losses.binary_cross_entropy(np.array([1.0]), np.array([p]))[0])
        sq = float(losses.penalty("squared", np.array([p - 1.0]))[0])
        st.metric("Cross-entropy penalty", f"{ce:.2f}")
        st.metric("Squared-error penalty", f"{sq:.2f}")
    with picture:
        ce_curve = losses.binary_cross_entropy(np.ones_like(PROBABILITIES), PROBABILITIES)
        ui.chart(
            loss_charts.confidence_curves(PROBABILITIES, ce_curve, losses.penalty("squared", PROBABILITIES - 1), p),
            "Squared error never charges more than 1; cross-entropy keeps climbing as a wrong answer gets more "
            "confident.",
        )


confident_and_wrong()

ui.why_it_matters(PAGE)
ui.terms("Loss function", "Error", "Outlier", "Huber loss", "Asymmetric loss", "Cross-entropy")
