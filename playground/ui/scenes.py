"""Scenes: named setups a presenter applies with one click.

A scene sets the listed controls and puts every other control of the page back to its
default, so the same scene always looks the same. The link follows, because the controls
publish their new values when they are drawn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from playground.ui.controls import link_name


@dataclass(frozen=True)
class Scene:
    name: str
    hint: str
    values: Mapping[str, Any] = field(default_factory=dict)


def apply(prefix: str, values: Mapping[str, Any]) -> None:
    """Reset the page's controls, then set ``values`` (link names -> values)."""
    for key in [k for k in st.session_state if k.startswith(f"{prefix}_")]:
        del st.session_state[key]
        if link_name(key) in st.query_params:
            del st.query_params[link_name(key)]
    for name, value in values.items():
        st.session_state[f"{prefix}_{name}"] = value


def scene_buttons(prefix: str, scenes: tuple[Scene, ...]) -> None:
    """A row of buttons, one per scene; the hint shows on hover."""
    st.markdown("**Scenes** · one click sets up a story")
    row = st.container(horizontal=True)
    for scene in scenes:
        row.button(
            scene.name,
            key=f"scene-{prefix}-{scene.name}",
            help=scene.hint,
            icon=":material/movie:",
            on_click=apply,
            args=(prefix, scene.values),
        )
