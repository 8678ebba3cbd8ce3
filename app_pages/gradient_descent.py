import functools

import streamlit as st

from playground import ui
from playground.charts import descent as descent_charts
from playground.content.controls import GRADIENT_DESCENT as PAGE
from playground.content.controls import RATES
from playground.content.controls import SHORT_LANDSCAPE_NAMES as LAND_NAMES
from playground.content.descent import BAD, PLAYER_CAPTION, bowl_caption, valley_name, verdict
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
def walk(key: str, optimizer: str, start: tuple[float, float], lr: float, steps: int, *, noisy: bool, seed: int):
    return descent.run(LANDS[key], optimizer, start, lr, steps, noisy=noisy, seed=seed)


@st.cache_data(max_entries=128)
def safe_rates(key: str, optimizers: tuple[str, ...], start: tuple[float, float], lr: float):
    return descent.largest_stable_rates(LANDS[key], optimizers, start, lr, RATES)


MAP = "gd_map"  # the player's widget key: a click on the map arrives under it
mine = ui.your_data()
bowl = ui.kept("bowl", lambda: landscapes.line_bowl(mine)) if mine else None  # stands in for the houses'


def land_of(key: str) -> landscapes.Landscape:
    """The landscape ``key`` names; the learner's bowl (this session's, never cached) stands in for the houses'."""
    return bowl if bowl is not None and key == "house" else LANDS[key]


def start_where_clicked() -> None:
    """A click on the map starts the walk there: the two start sliders (and the link) follow."""
    land = land_of(st.session_state[PAGE.key("land")])
    for point in ui.clicked(MAP):
        where = descent_charts.start_fractions(land, point)
        if where is not None:
            st.session_state[PAGE.key("sx")], st.session_state[PAGE.key("sy")] = where


ui.header(PAGE)


@ui.section(PAGE, scenes=True)  # every scene sets this section's controls: moving into one reruns it alone
def walk_downhill() -> None:
    st.header("Walk downhill")
    controls, picture = st.columns([1, 2.4], gap="large")
    with controls:
        key = ui.control(PAGE, "land", format_func=lambda k: "Your data" if land_of(k) is bowl else LAND_NAMES[k])
        chosen = ui.control(PAGE, "opt")
        lr = ui.control(PAGE, "lr")
        steps = ui.control(PAGE, "steps")
        sx = ui.control(PAGE, "sx")
        sy = ui.control(PAGE, "sy")
        noisy = ui.control(PAGE, "noisy")
        seed = ui.control(PAGE, "seed") if noisy else 0
        blindfold = ui.control(PAGE, "blind")
        show_3d = ui.control(PAGE, "3d")
    land = land_of(key)
    start, own = land.at(sx, sy), land is bowl
    step = functools.partial(descent.run, land) if own else functools.partial(walk, key)  # own: walked afresh
    paths = {o: step(o, start, lr, steps, noisy=noisy, seed=seed) for o in chosen or ("gd",)}
    with picture:
        if not chosen:
            st.info("No optimizer picked, so plain gradient descent walks.", icon=":material/touch_app:")
        terrain = (
            ui.kept("ground", lambda: descent_charts.landscape(land, landscapes.grid(land, 64))) if own else ground(key)
        )
        player = descent_charts.descent_player(land, terrain, paths, blindfold=blindfold)
        if show_3d and blindfold:  # a 3D view would show what the blindfold hides
            st.info("Take the blindfold off to see the landscape in 3D.", icon=":material/visibility_off:")
        flat, solid = st.columns(2) if show_3d and not blindfold else (st.container(), None)
        if solid is not None:
            mesh = landscapes.grid(land, 40) if own else landscape_grid(key, 40)
            with solid:
                ui.chart(descent_charts.landscape_3d(land, mesh, paths), "Drag to turn the landscape.")
        with flat:
            ui.chart(player, PLAYER_CAPTION[solid is not None], key=MAP, on_click=start_where_clicked)
        if key == "house":
            ui.caption(bowl_caption(own))

    # Blindfolded, how each walk ended stays folded away until the learner has watched it.
    outcomes = st.expander("How each walk ended: open it after pressing Play") if blindfold else st.container()
    # one search for every walk that went wrong: the landscape is measured once a step for all of them
    bad = tuple(o for o, p in paths.items() if p.outcome in BAD)
    safer = descent.largest_stable_rates(land, bad, start, lr, RATES) if own else safe_rates(key, bad, start, lr)
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
    pair = {
        label: walk("mountains", "gd", mountains.at(*f), PAIR_RATE, 200, noisy=False, seed=0)
        for label, f in starts.items()
    }
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
