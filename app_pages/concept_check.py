import streamlit as st

from playground import ui
from playground.content.controls import CONCEPT_CHECK as PAGE
from playground.content.pages import BY_SLUG
from playground.content.quiz import QUESTIONS, check, said, shuffled

state = st.session_state
state.setdefault("quiz_at", 0)  # the question on screen; the answers stay out of the link on purpose
state.setdefault("quiz_attempt", 0)
state.setdefault("quiz_marks", {})
state.setdefault("quiz_given", {})  # what was answered, for the review at the end


def go(step: int) -> None:
    state["quiz_at"] = min(max(state["quiz_at"] + step, 0), len(QUESTIONS))


def mark(q, widget_key: str) -> None:
    state["quiz_given"][q.key] = state.get(widget_key)
    state["quiz_marks"][q.key] = check(q, state["quiz_given"][q.key])


def restart() -> None:
    state["quiz_at"], state["quiz_marks"], state["quiz_given"] = 0, {}, {}
    state["quiz_attempt"] += 1  # a new attempt shows the options in a new order
    for key in [k for k in state if str(k).startswith("quiz_answer_")]:
        del state[key]


ui.header(PAGE)
at, attempt, marks = state["quiz_at"], state["quiz_attempt"], state["quiz_marks"]
st.progress(min(at, len(QUESTIONS)) / len(QUESTIONS), text=f"{min(at + 1, len(QUESTIONS))} of {len(QUESTIONS)}")

if at < len(QUESTIONS):
    q = QUESTIONS[at]
    st.subheader(q.prompt)
    widget_key = f"quiz_answer_{attempt}_{q.key}"
    options = shuffled(q, attempt)
    if q.kind == "order":
        response = ui.put_in_order("Click the steps in order, first to last", options, widget_key)
    elif q.kind == "multiple":
        response = ui.pick_many("Pick every one that is true", options, widget_key)
    elif q.kind == "single":
        response = st.radio("Pick one", options, index=None, key=widget_key)
    else:
        response = st.number_input("Your answer", min_value=0, step=1, value=None, key=widget_key)
    row = st.container(horizontal=True)
    row.button(
        "Check",
        icon=":material/task_alt:",
        type="primary",
        on_click=mark,
        args=(q, widget_key),
        disabled=response in (None, []) or (q.kind == "order" and len(response) < len(options)),
    )
    row.button("Back", icon=":material/arrow_back:", on_click=go, args=(-1,), disabled=at == 0)
    row.button("Next", icon=":material/arrow_forward:", on_click=go, args=(1,), disabled=q.key not in marks)
    if q.key in marks:
        (st.success if marks[q.key] else st.error)(("Right. " if marks[q.key] else "Not quite. ") + q.explanation)
        page = BY_SLUG[q.page]
        st.page_link(page.file, label=f"Revisit: {page.title}", icon=page.icon)
else:
    score = sum(marks.get(q.key, False) for q in QUESTIONS)
    st.metric("Your score", f"{score} of {len(QUESTIONS)}")
    missed = [q for q in QUESTIONS if not marks.get(q.key, False)]
    if missed:
        st.subheader("What you missed")
        for q in missed:
            with st.container(border=True):
                st.markdown(f"**{q.prompt}**")
                st.markdown(
                    f":material/close: You said: {said(q, state['quiz_given'].get(q.key))}  \n"
                    f":material/check: Right: **{said(q, q.answer)}**"
                )
                st.caption(q.explanation)
                page = BY_SLUG[q.page]
                st.page_link(page.file, label=f"Revisit: {page.title}", icon=page.icon)
    else:
        st.success("All ten. You can explain how models learn.", icon=":material/celebration:")
    st.button("Start again", icon=":material/restart_alt:", on_click=restart, type="primary")
