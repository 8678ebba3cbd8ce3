import streamlit as st

from playground import ui
from playground.charts import descent as descent_charts
from playground.content.controls import GRADIENT_DESCENT as PAGE
from playground.content.controls import RATES
from playground.content.descent import BAD, valley_name, verdict
from playground.models import descent, landscapes

LANDS = landscapes.LANDSCAPES
PAIR_RATE = 0.2  # the two-starts demo's fixed rate: large enough to arrive, small enough to settle


@st.cache_data(max_entries=16)
def landscape_grid(key: str, n: int = 64):
    return landscapes.grid(LANDS[key], n)


@st.cache_data(max_entries=8)
def ground(key: str):
    """The landscape's picture and contour lines, built once per landscape and shared."""
    return descent_charts.landscape(LANDS[key], landscape_grid(key))


@st.cache_data(max_entries=512)
def walk(key: str, optimizer: str, start: tuple[float, float], lr: float, steps: int, noisy: bool, seed: int):
    return descent.run(LANDS[key], optimizer, start, lr, steps, noisy=noisy, seed=seed)


@st.cache_data(max_entries=128)
def safe_rates(key: str, optimizers: tuple[str, ...], start: tuple[float, float], lr: float):
    return descent.largest_stable_rates(LANDS[key], optimizers, start, lr, RATES)


MAP = "gd_map"  # the player's widget key: a click on the map arrives under it


def start_where_clicked() -> None:
    """A click on the map starts the walk there: the two start sliders (and the link) follow."""
    land = LANDS[st.session_state[PAGE.key("land")]]
    for point in st.session_state[MAP].selection.points:
        where = descent_charts.start_fractions(land, point)
        if where is not None:
            st.session_state[PAGE.key("sx")], st.session_state[PAGE.key("sy")] = where


ui.header(PAGE)
ui.scene_buttons(PAGE)


@ui.section(PAGE)
def walk_downhill() -> None:
    st.header("Walk downhill")
    controls, picture = st.columns([1, 2.4], gap="large")
    with controls:
        key = ui.control(PAGE, "land")
        chosen = ui.control(PAGE, "opt")
        lr = ui.control(PAGE, "lr")
        steps = ui.control(PAGE, "steps")
        sx = ui.control(PAGE, "sx")
        sy = ui.control(PAGE, "sy")
        noisy = ui.control(PAGE, "noisy")
        seed = ui.control(PAGE, "seed") if noisy else 0
        blindfold = ui.control(PAGE, "blind")
        show_3d = ui.control(PAGE, "3d")
    land = LANDS[key]
    start = land.at(sx, sy)
    paths = {o: walk(key, o, start, lr, steps, noisy, seed) for o in chosen or ("gd",)}
    with picture:
        if not chosen:
            st.info("No optimizer picked, so plain gradient descent walks.", icon=":material/touch_app:")
        player = descent_charts.descent_player(land, ground(key), paths, blindfold=blindfold)
        if show_3d and not blindfold:
            flat, solid = st.columns(2)
            with solid:
                ui.chart(
                    descent_charts.landscape_3d(land, landscape_grid(key, 40), paths), "Drag to turn the landscape."
                )
            with flat:
                ui.chart(
                    player,
                    "Press Play, or drag the step slider. Click the map to start there.",
                    key=MAP,
                    on_click=start_where_clicked,
                )
        else:
            if show_3d:  # a 3D view would show what the blindfold hides
                st.info("Take the blindfold off to see the landscape in 3D.", icon=":material/visibility_off:")
            ui.chart(
                player,
                "Press Play, or drag the step slider. Top: the map seen from above (click it to start the walk "
                "there). Below: loss per step.",
                key=MAP,
                on_click=start_where_clicked,
            )
        if key == "house":
            st.caption(
                "Each point of the house-price bowl is one line through the houses: its weight (left to right) "
                "and bias (bottom to top). The height is that line's loss, its mean squared miss."
            )

    # Blindfolded, how each walk ended stays folded away until the learner has watched it.
    outcomes = st.expander("How each walk ended: open it after pressing Play") if blindfold else st.container()
    # one search for every walk that went wrong: the landscape is measured once a step for all of them
    safer = safe_rates(key, tuple(o for o, p in paths.items() if p.outcome in BAD), start, lr)
    for path in paths.values():
        said = verdict(path, land, steps, safer.get(path.optimizer))
        show = {"bad": outcomes.error, "good": outcomes.success, "note": outcomes.info}[said.tone]
        show(said.text, icon={"bad": ":material/warning:", "good": ":material/flag:"}.get(said.tone, ":material/info:"))


walk_downhill()

st.header("Two starts, two valleys")
ui.prose(
    "On the mountain range, where you start decides where you end. Both walkers below use plain "
    f"gradient descent with a learning rate of {PAIR_RATE}; only their starting points differ."
)


@ui.section(PAGE)
def two_starts() -> None:
    left, right = st.columns([1, 2.4], gap="large")
    with left:
        ax = ui.control(PAGE, "ax")
        ay = ui.control(PAGE, "ay")
        bx = ui.control(PAGE, "bx")
        by = ui.control(PAGE, "by")
    mountains = LANDS["mountains"]
    starts = {"First start": (ax, ay), "Second start": (bx, by)}
    pair = {label: walk("mountains", "gd", mountains.at(*f), PAIR_RATE, 200, False, 0) for label, f in starts.items()}
    with left:
        for label, path in pair.items():
            where = valley_name(mountains, path.valley) if path.valley is not None else "no valley yet"
            st.metric(
                f"{label}: final loss", f"{path.losses[-1]:.3g}", delta=where, delta_color="off", delta_arrow="off"
            )
    with right:
        ui.chart(
            descent_charts.two_starts(mountains, ground("mountains"), pair),
            "Each walker only ever goes downhill from where it stands, so each ends in the valley it started above.",
        )


two_starts()

ui.why_it_matters(PAGE)
ui.terms("Gradient", "Learning rate", "Local minimum", "Convergence", "Optimizer", "Momentum")
