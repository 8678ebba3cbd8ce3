"""The tour bar: where a presenter is in the chapter's deck, what to say, and the way on.

The step lives in the link (``tour=12``), so a tour can be shared and reopened at any step.
Next and Previous answer a presentation clicker's Page Down and Page Up; arriving at a step that
is a scene sets the scene up, once.
"""

from __future__ import annotations

import streamlit as st

from playground import link
from playground.content.controls import SPECS
from playground.content.pages import BY_SLUG
from playground.content.tour import STEPS
from playground.declare import PageSpec
from playground.quote import quote
from playground.ui import controls, scenes

NAME = "tour"
_SPEC = link.Range(1, len(STEPS), 1, 1)
_SET_UP = "_tour_set_up"  # the step whose scene this visit has already set up


def _go(step: int) -> None:
    """To step ``step`` (1-based), on its page, in presenter mode."""
    target = STEPS[step - 1]
    st.switch_page(BY_SLUG[target.slug].file, query_params={NAME: str(step), "present": "1"})


def start_button() -> None:
    if st.button("Tour the chapter", icon=":material/slideshow:", key="tour_start", help=_START_HELP):
        _go(1)


def bar(page: PageSpec) -> None:
    """The tour's bar under the title, when the link is on a step of this page."""
    if NAME not in st.query_params:
        return
    st.session_state.setdefault(controls.CLAIMED, set()).add(NAME)
    raw = st.query_params.get_all(NAME)
    step, reason = link.read(_SPEC, raw)
    if reason or STEPS[step - 1].slug != page.slug:
        del st.query_params[NAME]
        controls.notify(f"The link's **{NAME}** value {quote(raw[-1])} is not a step of this page's tour.")
        return
    here = STEPS[step - 1]
    arriving = st.session_state.get(_SET_UP) != step
    st.session_state[_SET_UP] = step
    if arriving and here.scene:  # reruns; that run brings the section the scene changed into view
        scenes.apply(SPECS[page.slug], here.scene)
    elif arriving:  # a page opens at its top, whatever the last page's scroll or the clicker's Page Down did
        st.html(_TO_TOP.format(step=step), unsafe_allow_javascript=True)
    with st.container(border=True, key="tour_bar"):  # stays in view as the page scrolls (ui/page.py)
        st.markdown(f":material/slideshow: **Tour** · step {step} of {len(STEPS)} · {here.title}")
        st.markdown(f"*{here.note}*")
        row = st.container(horizontal=True)
        back = row.button("Previous", icon=":material/arrow_back:", shortcut="PageUp", disabled=step == 1)
        on = row.button(
            "Next", icon=":material/arrow_forward:", shortcut="PageDown", type="primary", disabled=step == len(STEPS)
        )
        if row.button("End the tour", icon=":material/close:", key="tour_end"):
            del st.query_params[NAME]
            st.rerun()
    if back or on:
        _go(step + (1 if on else -1))


# Our own constant (the step is a number): no outside text reaches it.
_TO_TOP = """<span data-tour-step="{step}"></span>
<script>window.parent.document.querySelector('[data-testid="stMain"]')?.scrollTo({{top: 0}});</script>"""
_START_HELP = "Walk the chapter as a deck: every page in order and each of its scenes, with a line to say."
