"""Sections: a part of a page that reruns on its own when one of its controls moves.

A Streamlit rerun redraws the whole page, and the browser redraws every chart whose data
changed. A section is a Streamlit fragment: moving a control inside it reruns only its own
code, and only its own elements travel to the browser, so the picture answers sooner.

What else a move changes reruns beside it, named by fragment key (``playground.ui.reruns``):
the sections that read the control (with ``drawn``), and the scene row when the move enters or
leaves a scene. A click on a scene reruns the whole page, as it puts every control back to its
default; so does a button in a section that moves a control into or out of a scene (the
section's own run notices it). After a section's own run it settles the link as a whole run
does: a control whose default changed (``PageSpec.earlier``) stays named in a link that
carries the page's settings. Everything it keeps lives in ``st.session_state``: one viewer's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from playground.declare import PageSpec
from playground.ui import reruns
from playground.ui.controls import settle_link
from playground.ui.scenes import ROW, SHOWN, current, row


def _row_is_behind(page: PageSpec) -> bool:
    """Whether the page's scene row marks another scene than its controls now show."""
    if page.prefix not in st.session_state.get(ROW, {}):
        return False
    active = page.active_scene(current(page))
    return (active.name if active else None) != st.session_state.get(SHOWN, {}).get(page.prefix)


def _alone() -> bool:
    """Whether this run redraws fragments only, not the whole page."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def section(page: PageSpec, *, scenes: bool = False) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Draw a function's part of the page as a section: ``@section(PAGE)`` over ``def fits(): ...``,
    then call ``fits()`` where it belongs. With ``scenes`` the section begins with the page's scene row."""

    def wrap(draw: Callable[[], None]) -> Callable[[], None]:
        key = f"{page.prefix}-{draw.__name__}"

        @st.fragment(key=key)
        def rerun() -> None:
            alone = _alone()
            if alone and not scenes and _row_is_behind(page):
                st.rerun(scope="app")
            st.session_state[reruns.SECTION] = key
            try:
                if scenes:
                    row(page)
                draw()
            finally:
                del st.session_state[reruns.SECTION]
            if alone:
                settle_link()

        def whole() -> None:
            if scenes:
                st.session_state.setdefault(ROW, {})[page.prefix] = key
            rerun()

        return whole

    return wrap


def drawn(page: PageSpec, name: str) -> Any:
    """The value of control ``name``, drawn by an earlier section of the page, for a later part of
    the page that reads it: a move of it then reruns the reader too."""
    if page.key(name) not in st.session_state:
        raise ValueError(f"{page.slug}: {name!r} is read before the section that draws it")
    reruns.read(page, name)
    return st.session_state[page.key(name)]
