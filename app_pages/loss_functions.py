import numpy as np
import streamlit as st

from playground import format as fmt
from playground import ui
from playground.charts import losses as loss_charts
from playground.content.controls import LOSS_FUNCTIONS as PAGE
from playground.content.pricing import business_table
from playground.models import linear, losses, pricing

UNIT = 10_000  # penalties are drawn so that a $10k miss costs 1 under squared and absolute error
ERRORS = np.linspace(-300_000, 300_000, 121)
PROBABILITIES = np.linspace(0.01, 1.0, 100)
NAMES = losses.NAMES


@st.cache_data(max_entries=256)
def line(kind: str, mansions: int, delta: float, k: float) -> linear.LossFit:
    return pricing.line(kind, mansions, delta, k)


ui.header(PAGE)
ui.scene_buttons(PAGE)


@ui.section(PAGE, "delta", "k")
def one_prediction() -> None:
    st.header("One prediction, scored four ways")
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        pred = ui.control(PAGE, "pred")
        actual = ui.control(PAGE, "actual")
        delta = ui.control(PAGE, "delta")
        k = ui.control(PAGE, "k")
    error = pred - actual
    scored = losses.all_penalties(np.array([error]), delta=delta, k=k, unit=UNIT)
    with picture:
        ui.chart(
            loss_charts.loss_curves(ERRORS, losses.all_penalties(ERRORS, delta=delta, k=k, unit=UNIT), error),
            "Near zero the losses agree; far out, squared error shoots up and leaves the chart while the others "
            "grow in a straight line.",
        )
    side = "too low" if error < 0 else "too high" if error > 0 else "exactly right"
    st.markdown(
        f"**Error: {fmt.dollars(error, signed=True)}** (the prediction is {side}). Penalty under each loss, "
        f"counting a {fmt.dollars_short(UNIT)} miss as 1:"
    )
    ui.table({NAMES[c]: [f"{scored[c][0]:,.4g}"] for c in losses.LOSSES})
    if abs(error) > UNIT:
        times = abs(error) / UNIT
        st.caption(
            f"This miss is {times:.3g} times a {fmt.dollars_short(UNIT)} miss. Absolute error charges it "
            f"{scored['absolute'][0]:,.4g} times as much; squared error charges it {scored['squared'][0]:,.4g} times "
            "as much, because squaring multiplies a big miss by itself."
        )


one_prediction()

st.header("Same data, different mistakes")
ui.prose(
    "Each loss is now used to fit a line through all the houses. Add a few mansions that sold for "
    "far more than their size suggests, and watch which lines chase them."
)


@ui.section(PAGE)
def same_data_different_mistakes() -> None:
    delta, k = ui.drawn(PAGE, "delta"), ui.drawn(PAGE, "k")
    chosen = ui.control(PAGE, "fits")
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        mansions = ui.control(PAGE, "mansions")
    study = pricing.price_houses(mansions, delta, k, line=line)
    fits = {kind: study.fits[kind] for kind in chosen}
    with controls:
        for kind, fit in fits.items():
            moved = study.moved[kind]
            st.metric(
                f"{NAMES[kind]}: price per sq ft",
                fmt.dollars(fit.w),
                delta=f"{fmt.dollars(moved, signed=True)} from the mansions",
                delta_color="off",
                delta_arrow="auto" if abs(moved) >= 0.5 else "off",  # under 50 cents shows as +$0: no arrow
            )
    with picture:
        if not chosen:
            st.info("Pick at least one loss to fit a line with it.", icon=":material/touch_app:")
        else:
            ui.chart(
                loss_charts.fits_by_loss(study.size, study.price, study.mansion, fits),
                "Squared error bends towards the mansions; absolute error and Huber barely move.",
            )
    if chosen:
        ui.chart(
            loss_charts.misses_by_loss(study.bands, {kind: study.misses[kind] for kind in chosen}),
            "Average error on the ordinary houses, by size (above zero: priced too high). A line that chased the "
            "mansions over-prices large houses.",
        )

    st.header("The business decides")
    ui.prose(
        f"Suppose a house listed too cheaply loses the seller **{k:g} times** as much as one listed too "
        "high (it sells fast, below its value). Set **k** in the first section. The asymmetric loss builds "
        "that cost into training, and its line moves up to avoid the expensive mistake."
    )
    ui.chart(
        loss_charts.fits_by_loss(
            study.size, study.price, study.mansion, {c: study.fits[c] for c in ("squared", "asymmetric")}
        ),
        f"With k = {k:g} the asymmetric line sits above most houses: small over-pricing beats costly under-pricing.",
    )
    ui.table(business_table(study, k))


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
