"""Scenes: named setups a presenter applies with one click.

A scene sets the controls it names and puts every other control of the page back to its
default, so the same scene always looks the same. The link follows, because the controls
publish their new values when they are drawn. Scenes are declared with the page's controls
(``playground.declare``), which refuses a scene naming a control the page does not have.
"""

from __future__ import annotations

import streamlit as st

from playground.declare import PageSpec, Scene


def apply(page: PageSpec, scene: Scene) -> None:
    """Reset the page's controls, then set the scene's values."""
    for control in page.controls:
        st.session_state.pop(page.key(control.name), None)
        if control.name in st.query_params:
            del st.query_params[control.name]
    st.session_state.update(page.scene_state(scene))


def scene_buttons(page: PageSpec) -> None:
    """A row of buttons, one per scene; the hint shows on hover."""
    st.markdown("**Scenes** · one click sets up a story")
    row = st.container(horizontal=True)
    for scene in page.scenes:
        row.button(
            scene.name,
            key=f"scene-{page.prefix}-{scene.name}",
            help=scene.hint,
            icon=":material/movie:",
            on_click=apply,
            args=(page, scene),
        )
