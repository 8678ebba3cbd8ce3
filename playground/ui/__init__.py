"""The Streamlit parts every page shares; pages import them as ``from playground import ui``."""

from playground.quote import quote
from playground.ui.choices import pick_many
from playground.ui.controls import control
from playground.ui.glossary import terms
from playground.ui.live import follow_drag
from playground.ui.ordering import put_in_order
from playground.ui.owndata import current as your_data
from playground.ui.owndata import kept, knob
from playground.ui.page import caption, chart, header, prose, table, text, why_it_matters
from playground.ui.plotly_chart import clicked
from playground.ui.scenes import scene_buttons
from playground.ui.sections import drawn, section

__all__ = [
    "caption",
    "chart",
    "clicked",
    "control",
    "drawn",
    "follow_drag",
    "header",
    "kept",
    "knob",
    "pick_many",
    "prose",
    "put_in_order",
    "quote",
    "scene_buttons",
    "section",
    "table",
    "terms",
    "text",
    "why_it_matters",
    "your_data",
]
