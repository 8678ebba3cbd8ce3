import streamlit as st

from playground import format as fmt
from playground import ui
from playground.charts import regression
from playground.charts.loop import training_loop
from playground.content.controls import MAX_STAGE
from playground.content.controls import TRAINING_LOOP as PAGE
from playground.content.exercises import SCRAMBLED, check_order
from playground.content.fitting import RMS_HELP
from playground.content.loop import INITIALIZE, STAGES, batch_caption
from playground.models import houses, linear, training


def advance(stages: int) -> None:
    st.session_state[PAGE.key("step")] = (
        0 if stages < 0 else min(st.session_state.get(PAGE.key("step"), 0) + stages, MAX_STAGE)
    )


ui.header(PAGE)
ui.scene_buttons(PAGE)


@ui.section(PAGE)
def walk_the_loop() -> None:
    st.header("Walk the loop")
    data = houses.load()
    buttons = st.container(horizontal=True, key=PAGE.anchor("walk"))  # where the scenes bring the page
    buttons.button("Next stage", icon=":material/skip_next:", on_click=advance, args=(1,), type="primary")
    buttons.button("Run 10 iterations", icon=":material/fast_forward:", on_click=advance, args=(40,))
    buttons.button("Run 100 iterations", icon=":material/double_arrow:", on_click=advance, args=(400,))
    buttons.button("Start over", icon=":material/restart_alt:", on_click=advance, args=(-1,))
    # one screen from the buttons down: a press shows its effect without a scroll, the loop beside the line
    where, iterations, epochs, advanced = st.columns([1.3, 1, 1, 1.3], vertical_alignment="bottom")
    with where:
        step = ui.control(PAGE, "step")
    with advanced:
        seed = ui.control(PAGE, "seed")
    now = training.loop_state(seed, step)
    name = INITIALIZE[0] if now.stage is None else STAGES[now.stage][0]
    started = now.stage is not None
    iterations.metric(
        "Iteration",
        f"{now.iterations}" if started else "0",
        help="One iteration is one batch through all four stages.",
    )
    epochs.metric(
        "Epoch",
        f"{now.epoch}" if started else "0",  # nothing has run: no "Epoch 1" yet
        help=f"{now.per_epoch} iterations make one pass over the {len(data.size)} houses.",
    )
    if step == MAX_STAGE:
        st.info(
            f"The walk ends here, after {MAX_STAGE // 4} iterations: the knobs settled long ago. "
            "Press Start over, or pick another shuffle seed.",
            icon=":material/flag:",
        )
    cols = st.columns(4)
    cols[0].metric(
        "Knobs w and b", f"${now.w:,.0f}/sq ft", delta=f"b = {fmt.dollars(now.b)}", delta_color="off", delta_arrow="off"
    )
    cols[1].metric(
        "Typical miss",
        "not yet" if now.miss is None else fmt.dollars(now.miss),
        help=f"On this batch. {RMS_HELP}",
    )
    cols[2].metric("Blame on w", "not yet" if now.grads is None else f"{now.grads['w']:+.3f}")
    cols[3].metric("Blame on b", "not yet" if now.grads is None else f"{now.grads['b']:+.3f}")
    updated = now.stage == len(STAGES) - 1  # the update stage: the line has just moved
    before = training.loop_state(seed, step - 1) if updated else None
    loop, line = st.columns(2, gap="large")
    with loop:
        ui.chart(
            training_loop(INITIALIZE, STAGES, highlight=name, height=320),  # with its words, as tall as the line
            f"Now: {name}. {dict([INITIALIZE, *STAGES])[name]}",
        )
    with line:
        ui.chart(
            regression.batch_fit(
                data.size,
                data.price,
                now.shown,
                linear.score(data.size, data.price, now.w, now.b),
                linear.score(data.size, data.price, before.w, before.b) if before else None,
                batch_name="This batch" if started else "Houses sold",
                marks="none" if not started else "predictions" if now.stage == 0 else "misses",
            ),
            batch_caption(now.stage, len(data.size), len(now.shown)),
        )


walk_the_loop()


@ui.section(PAGE)
def put_in_order() -> None:
    st.header("Put the steps in order")
    answer = ui.put_in_order("Click the four steps of one iteration in the order they happen", SCRAMBLED, "loop_answer")
    if len(answer) == len(SCRAMBLED):  # marked as soon as the last slot is filled, right under it
        right, feedback = check_order(answer)
        (st.success if right else st.error)(feedback)


put_in_order()

ui.why_it_matters(PAGE)
ui.terms("Training loop", "Iteration", "Epoch", "Gradient", "Parameter")
