"""Put steps in order: numbered slots, filled by clicking the steps one after another.

A multiselect offered "Select all" as its first choice and "Choose options" as its prompt, and
showed the order only as chips; here the learner sees the slots they are filling, clicks a step
to put it in the next slot (its button stays where it was, greyed out), and can take the last one
back or start over. The order so far lives in ``st.session_state[key]`` (a list), where the page's
checker reads it.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st


def _place(key: str, step: str) -> None:
    st.session_state[key] = [*st.session_state.get(key, []), step]


def _take_back(key: str) -> None:
    st.session_state[key] = st.session_state.get(key, [])[:-1]


def _clear(key: str) -> None:
    st.session_state[key] = []


def put_in_order(label: str, steps: Sequence[str], key: str) -> list[str]:
    """Draw the slots and the steps left to place; the order placed so far."""
    placed = [s for s in st.session_state.get(key, []) if s in steps][: len(steps)]
    st.markdown(f"**{label}**")
    slots = st.columns(len(steps), border=True)
    for i, slot in enumerate(slots):
        if i < len(placed):
            slot.markdown(f"**{i + 1}.** {placed[i]}")
        else:
            slot.markdown(f"**{i + 1}.** {'_click a step below_' if i == len(placed) else '…'}")
    # every step keeps its button and its place, a placed one greyed out with a tick: nothing slides under
    # the pointer (the steps left slid left; the last click lifted the undo row to where it had clicked)
    row = st.container(horizontal=True)
    for i, step in enumerate(steps):
        done = step in placed
        row.button(
            step,
            key=f"{key}-step-{i}",
            on_click=_place,
            args=(key, step),
            icon=":material/check:" if done else ":material/add:",
            disabled=done,
            help="Placed" if done else None,
        )
    undo_row = st.container(horizontal=True)
    for label, name, undo, icon in (
        ("Take the last one back", "back", _take_back, ":material/undo:"),
        ("Start over", "clear", _clear, ":material/restart_alt:"),
    ):
        undo_row.button(label, key=f"{key}-{name}", on_click=undo, args=(key,), icon=icon, disabled=not placed)
    return placed
