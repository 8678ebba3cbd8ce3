"""What a control's move reruns: its own section, the sections that read it, and the scene row.

A section (``playground.ui.sections``) is a Streamlit fragment: moving one of its controls
reruns its own code only. Some moves change what other parts of the page show: a control that a
later section reads (``sections.drawn``), and a move into or out of a scene, which the scene row must
mark. The control's ``on_change`` callback names those parts by their fragment keys
(``st.rerun([...])``), so the rest of the page is neither rerun nor sent again. The whole page
reruns only when the page reads the control outside any section. All of it lives in
``st.session_state``: one viewer's own.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from playground.declare import PageSpec
from playground.ui.scenes import ROW, SHOWN, current

SECTION = "_reruns_section"  # the fragment key of the section drawing now
# Set by a harness that takes one run's elements for the whole page (AppTest, which also runs the
# whole page on every change unless a callback names parts): a move then reruns the whole page.
WHOLE = "_reruns_whole"
READERS = "_reruns_readers"  # (page prefix, control name) -> keys of the sections reading it ("" for the page)


def on_change(page: PageSpec, name: str) -> dict[str, Any]:
    """The widget arguments that route a move of control ``name``; none outside a section."""
    section = st.session_state.get(SECTION)
    return {"on_change": _route, "args": (page, name, section)} if section else {}


def read(page: PageSpec, name: str) -> None:
    """Note that the section drawing now (or the page itself, outside any) reads control ``name``."""
    section = st.session_state.get(SECTION)
    st.session_state.setdefault(READERS, {}).setdefault((page.prefix, name), set()).add(section or "")


def _route(page: PageSpec, name: str, own: str) -> None:
    """Rerun section ``own``, where ``name`` moved, with what else its move changes."""
    if st.session_state.get(WHOLE):
        return
    targets = {own}
    targets |= st.session_state.get(READERS, {}).get((page.prefix, name), set())
    row = st.session_state.get(ROW, {}).get(page.prefix)  # None: no scene row on the page this visit
    active = page.active_scene(current(page))
    scene = active.name if active else None
    if row and scene != st.session_state.get(SHOWN, {}).get(page.prefix):
        targets.add(row)
        st.session_state.setdefault(SHOWN, {})[page.prefix] = scene  # the row marks it; the section's check agrees
    if "" in targets:
        st.rerun()
    if targets != {own}:
        try:
            st.rerun(sorted(targets))
        except StreamlitAPIException:  # a section that is gone (the code changed under the session)
            st.rerun()
