import numpy as np
import streamlit as st

from playground import format as fmt
from playground import ui
from playground.charts import regression
from playground.charts.loop import training_loop
from playground.content.controls import MAX_STAGE
from playground.content.controls import TRAINING_LOOP as PAGE
from playground.content.exercises import SCRAMBLED, check_order
from playground.content.loop import INITIALIZE, STAGES
from playground.models import houses, linear, training

BATCH, LR = 20, 0.05


def iteration(seed: int, number: int) -> training.Iteration:
    """Iteration ``number`` (0-based) of the walk for this shuffle seed: its start is replayed, a few ms at most."""
    data = houses.load()
    start = {"w": np.array(0.0), "b": np.array(0.0)}
    return training.iterations(
        start,
        data.size / 1_000,
        data.price / 100_000,
        loss_and_grads=training.line_model()[0],
        batch_size=BATCH,
        count=number + 1,
        lr=LR,
        seed=seed,
    )[-1]


def advance(stages: int) -> None:
    st.session_state[PAGE.key("step")] = (
        0 if stages < 0 else min(st.session_state.get(PAGE.key("step"), 0) + stages, MAX_STAGE)
    )


ui.header(PAGE)
ui.scene_buttons(PAGE)

st.header("Walk the loop")
data = houses.load()
buttons = st.container(horizontal=True)
buttons.button("Next stage", icon=":material/skip_next:", on_click=advance, args=(1,), type="primary")
buttons.button("Run 10 iterations", icon=":material/fast_forward:", on_click=advance, args=(40,))
buttons.button("Run 100 iterations", icon=":material/double_arrow:", on_click=advance, args=(400,))
buttons.button("Start over", icon=":material/restart_alt:", on_click=advance, args=(-1,))
controls, picture = st.columns([1, 1.6], gap="large")
with controls:
    step = ui.control(PAGE, "step")
    seed = ui.control(PAGE, "seed")
done, stage = divmod(max(step - 1, 0), 4)
name = INITIALIZE[0] if step == 0 else STAGES[stage][0]
now = iteration(seed, min(done, MAX_STAGE // 4 - 1))
per_epoch = training.iterations_per_epoch(len(data.size), BATCH)
with controls:
    counters = st.columns(2)
    counters[0].metric("Iteration", f"{done + (step > 0)}", help="One iteration is one batch through all four stages.")
    counters[1].metric(
        "Epoch", f"{done // per_epoch + 1}", help=f"{per_epoch} iterations make one pass over the 200 houses."
    )
    if step == MAX_STAGE:
        st.info(
            f"The walk ends here, after {MAX_STAGE // 4} iterations: the knobs settled long ago. "
            "Press Start over, or pick another shuffle seed.",
            icon=":material/flag:",
        )
with picture:
    ui.chart(training_loop(INITIALIZE, STAGES, highlight=name), f"Now: {name}. {dict([INITIALIZE, *STAGES])[name]}")
params = now.after if stage == 3 and step > 0 else now.before
w, b = float(params["w"]) * 100, float(params["b"]) * 100_000  # to $ per sq ft and $
shown = now.batch if step > 0 else np.arange(len(data.size))  # this iteration's batch, or all houses
fit = linear.score(data.size[shown], data.price[shown], w, b)
loss_known, grads_known = step > 0 and stage >= 1, step > 0 and stage >= 2
cols = st.columns(4)
cols[0].metric("Knobs", f"w ${w:,.0f}/sq ft", delta=f"b {fmt.dollars(b)}", delta_color="off", delta_arrow="off")
cols[1].metric("Typical miss on this batch", fmt.dollars(np.sqrt(now.loss) * 100_000) if loss_known else "not yet")
cols[2].metric("Blame on w", f"{float(now.grads['w']):+.3f}" if grads_known else "not yet")
cols[3].metric("Blame on b", f"{float(now.grads['b']):+.3f}" if grads_known else "not yet")
ui.chart(
    regression.line_fit(data.size[shown], data.price[shown], fit),
    "This iteration's batch of 20 houses and the current line; after the update, the line moves.",
)

st.header("Put the steps in order")
answer = st.multiselect(
    "Click the four steps of one iteration in the order they happen",
    SCRAMBLED,
    key="loop_answer",
    max_selections=4,
)
if st.button("Check my order", icon=":material/task_alt:"):
    right, feedback = check_order(answer)
    (st.success if right else st.error)(feedback)

ui.why_it_matters(PAGE)
ui.terms("Training loop", "Iteration", "Epoch", "Gradient", "Parameter")
