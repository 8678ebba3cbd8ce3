"""A row of choices (a segmented control, pills) that cannot fit on one line becomes a column.

Left to wrap, a row breaks wherever the column's edge falls: Gradient descent's four landscapes read
"House prices / Mountains Ravine / Plateau" at 1280 px, a row of one, two and one, and a segmented
control's joined edges broke with it. So each row is either whole or a column of choices, one a
line, all one width. CSS cannot measure the row it would need, so the server estimates it from the
options' words (``row_rem``) and a container query on the widget switches at that width (``stack_css``).
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from playground.content.controls import APP

# Advance widths of Streamlit's font (Source Sans, regular) for the printable ASCII characters, " " to
# "~", in thousandths of its size, as Chromium's canvas measures them (``measureText``). Any other
# character is taken as wide as a capital.
_ADVANCES = (
    200, 289, 426, 497, 497, 824, 609, 249, 303, 303, 418, 497, 249, 311, 249, 350,
    497, 497, 497, 497, 497, 497, 497, 497, 497, 497, 249, 249, 497, 497, 497, 425,
    847, 543, 588, 571, 615, 527, 494, 617, 652, 263, 479, 579, 486, 727, 647, 664,
    566, 664, 569, 534, 536, 645, 515, 786, 513, 476, 539, 303, 350, 303, 497, 500,
    542, 504, 553, 456, 555, 496, 292, 504, 544, 246, 247, 495, 255, 829, 547, 542,
    555, 555, 347, 419, 338, 544, 467, 719, 446, 467, 425, 303, 241, 303, 497,
)  # fmt: skip
_EM = {chr(32 + i): advance / 1000 for i, advance in enumerate(_ADVANCES)}
_OTHER_EM = 0.66

# Streamlit's own measures of its choices, in rem: a label's size (presenter mode enlarges it),
# each choice's side padding and border, and the gap between pills (a segmented control's choices
# share their borders instead).
LABEL_REM = 0.875
PRESENTER_LABEL_REM = 1.45
_PADDING_REM = {"segmented": 1.0, "pills": 0.75}
_BORDER_REM = 1 / 17  # 1 px at the app's 17 px rem (baseFontSize in .streamlit/config.toml)
_GAP_REM = {"segmented": -1 / 17, "pills": 0.25}
# A row estimated a little short would wrap after all; one a little long stacks a row that would
# just have fit, which still reads well. So err long, by about a pixel in a hundred.
_SLACK = 1.01


def text_em(text: str) -> float:
    """The width of ``text`` in Streamlit's font, in ems."""
    return sum(_EM.get(ch, _OTHER_EM) for ch in text)


def row_rem(labels: Sequence[str], kind: str, label_rem: float = LABEL_REM) -> float:
    """The width, in rem, the choices ``labels`` need side by side on one line."""
    each = 2 * (_PADDING_REM[kind] + _BORDER_REM)
    return _SLACK * (sum(text_em(label) * label_rem + each for label in labels) + _GAP_REM[kind] * (len(labels) - 1))


def stack_css(key: str, labels: Sequence[str], kind: str, label_rem: float = LABEL_REM) -> str:
    """CSS that turns the widget ``key``'s choices into a column, one a line and all one width, once
    its column is narrower than they need side by side. Stacked, a segmented control's choices part,
    each with its whole border and rounded corners (Streamlit hides the edge a selected choice shares)."""
    scope = f".st-key-{key}"
    return f"""<style>
{scope} {{ container-type: inline-size; width: 100%; }}  /* Streamlit sizes it to its content */
@container (max-width: {row_rem(labels, kind, label_rem):.2f}rem) {{
  {scope} div:has(> button[data-variant]) {{ flex-direction: column; flex-wrap: nowrap; gap: 0.25rem; }}
  {scope} button[data-variant] {{ width: 100%; margin: 0; border-radius: 0.5rem; }}
  /* Streamlit's own border for a choice: its text colour at 20 % */
  {scope} button[data-variant]:not([data-selected]) {{ border-color: rgba(17, 17, 17, 0.2) !important; }}
}}
</style>"""


def stack_when_narrow(key: str, labels: Sequence[str], kind: str) -> None:
    """Draw the CSS of ``stack_css`` for this run's mode (Streamlit keeps a style-only block out of the
    page's flow)."""
    presenting = bool(st.session_state.get(APP.key("present")))
    st.html(stack_css(key, labels, kind, PRESENTER_LABEL_REM if presenting else LABEL_REM))


def pick_many(label: str, options: Sequence[str], key: str) -> list[str]:
    """Pills to pick any number of ``options`` from, one to a line where their row would not fit."""
    picked = st.pills(label, options, selection_mode="multi", key=key)
    stack_when_narrow(key, options, "pills")
    return picked
