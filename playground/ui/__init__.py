"""The Streamlit parts every page shares; pages import them as ``from playground import ui``."""

from playground.ui.controls import log_slider, multi, number, select, slider, text, toggle
from playground.ui.glossary import terms
from playground.ui.page import chart, header, prose, table, why_it_matters
from playground.ui.quote import quote
from playground.ui.scenes import Scene, scene_buttons

__all__ = [
    "Scene",
    "chart",
    "header",
    "log_slider",
    "multi",
    "number",
    "prose",
    "quote",
    "scene_buttons",
    "select",
    "slider",
    "table",
    "terms",
    "text",
    "toggle",
    "why_it_matters",
]
