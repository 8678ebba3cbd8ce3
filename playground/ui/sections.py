"""Sections: a part of a page that reruns on its own when one of its controls moves.

A Streamlit rerun redraws the whole page, and the browser redraws every chart whose data
changed. A section is a Streamlit fragment: moving a control inside it reruns only its own
code, and only its own elements travel to the browser, so the picture answers sooner.

Some moves must still redraw the whole page:
- a move that enters or leaves a scene, so that the scene row above says which scene is on,
  unless the section draws the scene row itself (``scenes=True``, for a page whose scenes set
  only that section's controls): then its own run marks the scene;
- a click on a scene, which puts every control of the page back to its default;
- a move of a control another section reads (``reaching``), such as a loss's k that a later
  chart uses.
A section compares these with what the last whole run drew, and asks for a whole run when they
differ. After a section's own run it settles the link as a whole run does: a control whose
default changed (``PageSpec.earlier``) stays named in a link that carries the page's settings.
Everything it keeps lives in ``st.session_state``: one viewer's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from playground.declare import PageSpec
from playground.ui.controls import settle_pinned
from playground.ui.scenes import FOCUS, current, scene_buttons

REACHING = "_sections_reaching"  # (page prefix, control name) of every control a section lets others read
DRAWN = "_sections_drawn"  # (page prefix, watched names) -> what the last whole run showed: (scene, their values)
SCENE_ROW = "_sections_scene_row"  # prefixes of the pages whose scene row a section draws


def _shown(page: PageSpec, reaching: tuple[str, ...]) -> tuple[Any, ...]:
    values = current(page)
    active = None if page.prefix in st.session_state.get(SCENE_ROW, ()) else page.active_scene(values)
    return (active.name if active else None, *(values[name] for name in reaching))


def _alone() -> bool:
    """Whether this run redraws fragments only, not the whole page."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def section(page: PageSpec, *reaching: str, scenes: bool = False) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Draw a function's part of the page as a section: ``@section(PAGE, "k")`` over ``def fits(): ...``,
    then call ``fits()`` where it belongs. ``reaching`` names its controls that other sections read;
    with ``scenes`` the section begins with the page's scene row."""
    for name in reaching:
        page.control(name)  # a misspelt name fails at once, not as a section that never reruns the page
    watched = tuple(reaching)

    def wrap(draw: Callable[[], None]) -> Callable[[], None]:
        @st.fragment
        def rerun() -> None:
            alone = _alone()
            drawn_then = st.session_state.get(DRAWN, {}).get((page.prefix, watched))
            if alone and (FOCUS in st.session_state or _shown(page, watched) != drawn_then):
                st.rerun(scope="app")
            if scenes:
                scene_buttons(page)
            draw()
            if alone:
                settle_pinned()

        def whole() -> None:
            if scenes:
                st.session_state.setdefault(SCENE_ROW, set()).add(page.prefix)
            st.session_state.setdefault(REACHING, set()).update((page.prefix, name) for name in reaching)
            st.session_state.setdefault(DRAWN, {})[page.prefix, watched] = _shown(page, watched)
            rerun()

        return whole

    return wrap


def drawn(page: PageSpec, name: str) -> Any:
    """The value of a control an earlier section of the page has drawn, for a later section that
    reads it. The drawing section must name it in ``reaching``, or a move of it would rerun that
    section alone and leave this one showing the old value: refused here, so every test of the
    page fails instead."""
    if (page.prefix, name) not in st.session_state.get(REACHING, set()):
        raise ValueError(
            f"{page.slug}: a section reads {name!r}, but the section drawing it does not name it in reaching"
        )
    return st.session_state[page.key(name)]
