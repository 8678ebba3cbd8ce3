"""The frame every page shares: header, prose, charts with captions, the PM note, presenter mode."""

from __future__ import annotations

import sys
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import streamlit as st

from playground.content.controls import APP
from playground.content.pages import BY_SLUG
from playground.declare import PageSpec
from playground.terms import explain
from playground.ui import follow, owndata, tour
from playground.ui.controls import control
from playground.ui.plotly_chart import plotly_chart

PRESENT_KEY = APP.key("present")
PRESENTER_TYPE = 25 / 15  # chart type: 15 px becomes 25 px, the prose's own size (1.45rem of 17 px)
PRESENTER_GROWTH = 1.3  # chart height

# Presenter mode: type a projector can carry, prose hidden, charts larger. Every word and number
# in the main area, a control's label and value, a table's cells, a number box's digits, is at
# least body size (1.45rem), a quoted search or file name too; a slider's value, the number the room
# watches, is bold as well.
_PRESENTER_CSS = """
<style>
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] th,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] td,
[data-testid="stMain"] [data-testid="stCaptionContainer"],
[role="dialog"] [data-testid="stMarkdownContainer"] p,
[role="dialog"] code,
[data-testid="stMain"] p code,
[data-testid="stMain"] [data-testid="stWidgetLabel"] p,
[data-testid="stMain"] input,
[data-testid="stMain"] [data-baseweb="select"] *,
[data-testid="stMain"] [data-testid="stFileUploaderDropzone"] span { font-size: 1.45rem; line-height: 1.45; }
[data-testid="stMain"] h1 { font-size: 3.2rem; }
[data-testid="stMain"] h2 { font-size: 2.3rem; }
[data-testid="stMain"] h3 { font-size: 1.9rem; }
[data-testid="stMain"] h4 { font-size: 1.7rem; }
[data-testid="stMain"] [data-testid="stSlider"] [data-testid="stWidgetLabel"] { margin-bottom: 0.9rem; }
[data-testid="stMain"] [data-testid="stSliderThumbValue"] { top: auto; bottom: 100%; }
[data-testid="stMain"] [data-testid="stSliderThumbValue"] p { font-size: 1.45rem; font-weight: 700; line-height: 1.2; }
[data-testid="stMain"] .tip { font-size: 1.45rem; }
[data-testid="stMainBlockContainer"] { padding-left: 2rem; padding-right: 2rem; max-width: none; }
[data-testid="stMain"] [data-testid="stMetricValue"] div,
[data-testid="stMain"] [data-testid="stMetricValue"] p { font-size: min(2.6rem, 22cqi); }
</style>
"""


# Every page: the title starts near the top of the screen, not below Streamlit's empty 6rem band.
# No number or label is cut to "…" in a narrow column (a 1024 px laptop, a half-screen window):
# labels (a toggle's, a metric's, an option's) wrap, and a metric's value wraps at its spaces and
# shrinks with its column, so "$233,836" fits a column a quarter of a 1024 px window wide. On a
# phone a table's cells wrap, so its last column (Loss functions' cost to the business) stays on screen.
# The tour's bar (what to say, Next) stays at the top of the screen while the page scrolls under it.
# A glossary term in the app's text (``playground.terms``) is underlined with dots; hovered, tapped or
# reached with Tab, its explanation opens under its line, as wide as the text's column allows.
_PAGE_CSS = """
<style>
[data-testid="stMarkdownContainer"]:has(.term) { position: relative; }
/* Streamlit greys a caption with opacity, which a tip inside could not undo (it would show the chart
   through it): the same grey as a colour instead (#111111 at 60 % on white) */
[data-testid="stCaptionContainer"]:has(.term) { opacity: 1; color: #707070; }
.term { text-decoration: underline dotted 1.5px; text-underline-offset: 0.2em; cursor: help; }
.term:focus-visible { outline: 2px solid #005585; outline-offset: 2px; border-radius: 2px; }
.term > .tip {
  display: none; position: absolute; left: 0; z-index: 1001; width: max-content; max-width: min(30rem, 100%);
  margin-top: 0.25rem; padding: 0.55rem 0.75rem; background: #FFFFFF; color: #111111;
  border: 1px solid rgba(49, 51, 63, 0.3); border-radius: 0.5rem; box-shadow: 0 6px 18px rgba(0, 0, 0, 0.16);
  font-size: 0.95rem; font-weight: 400; font-style: normal; line-height: 1.45; white-space: normal;
}
.term:is(:hover, :focus) > .tip { display: block; }
.tips-hushed .term > .tip { display: none; }
[data-testid="stSidebar"] [data-testid="stElementContainer"]:has(script) { display: none; }  /* Escape's listener */
[data-testid="stMainBlockContainer"] { padding-top: 2rem; }
[data-testid="stMain"] .stMarkdownEllipsis,
[data-testid="stMain"] .stMarkdownEllipsis p,
[data-testid="stMain"] [data-testid="stButtonGroup"] button,
[data-testid="stMain"] [data-testid="stButtonGroup"] button * { white-space: normal; overflow-wrap: break-word; }
[data-testid="stMain"] [data-testid="stButtonGroup"] button { height: auto; }
[data-testid="stMain"] [data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMain"] [data-testid="stMetricValue"] .stMarkdownEllipsis { font-size: min(2.25rem, 22cqi); }
[data-testid="stLayoutWrapper"]:has(> .st-key-tour_bar) {
  position: sticky; top: 3.75rem; z-index: 990; background: #FFFFFF;  /* below Streamlit's 3.75rem header */
}
@media (max-width: 640px) {
  [data-testid="stMain"] [data-testid="stMarkdownContainer"] :is(th, td) {
    padding: 0.3rem 0.35rem; font-size: 0.85rem; hyphens: auto;
  }
}
</style>
"""


# Escape puts an open explanation away without moving the pointer or the focus (WCAG 1.4.13); the
# next move of the pointer, or the next word reached, may open one again. Listened for once per tab.
_ESCAPE_HUSHES_TIPS = """<script>
const doc = window.parent.document;
if (!doc.documentElement.dataset.tipsHush) {
  doc.documentElement.dataset.tipsHush = "1";
  const hush = (on) => doc.body.classList.toggle("tips-hushed", on);
  doc.addEventListener("keydown", (e) => { if (e.key === "Escape") hush(true); });
  doc.addEventListener("pointermove", () => hush(false));
  doc.addEventListener("focusin", () => hush(false));
}
</script>"""


def presenter_toggle() -> bool:
    """The sidebar switch for presenter mode, kept in the link as ``present=1``."""
    with st.sidebar:
        on = control(APP, "present")
        st.html(_ESCAPE_HUSHES_TIPS, unsafe_allow_javascript=True)  # not in the page: no script among its words
    st.html(_PAGE_CSS + (_PRESENTER_CSS if on else ""))
    # The room sees the page, not the menu: turning presenter mode on (or opening a link with it)
    # folds the sidebar away; its arrow at the top left brings it back.
    st.set_page_config(initial_sidebar_state="collapsed" if on else "auto")
    return on


def presenting() -> bool:
    return bool(st.session_state.get(PRESENT_KEY, False))


def text(markdown: str) -> None:
    """The app's own text, each glossary term explained where it stands (hover, tap or Tab)."""
    st.markdown(explain(markdown), unsafe_allow_html=True)


def caption(markdown: str, *, into: Any = st) -> None:
    """A caption in the app's own words, its glossary terms explained where they stand; ``into`` a column."""
    into.caption(explain(markdown), unsafe_allow_html=True)


def prose(markdown: str) -> None:
    """Explanatory text; hidden in presenter mode, where the presenter says it."""
    if not presenting():
        text(markdown)


def header(page: PageSpec, *, intro: str | None = None) -> None:
    """Title, the key takeaway in a box, and the page's intro (``intro`` words it for other data)."""
    info = BY_SLUG[page.slug]
    st.title(info.title)
    if presenting():
        with st.container(horizontal=True):
            if tour.NAME not in st.query_params:  # on a tour, its bar leads the way
                tour.start_button()
            follow.button()
    tour.bar(page)
    if info.learns_on_your_data:
        owndata.banner(page.slug)
    with st.container(border=True):
        text(f":material/lightbulb: **Key takeaway.** {info.takeaway}")
    if intro or info.intro:
        prose(intro or info.intro)


def why_it_matters(page: PageSpec) -> None:
    """The note for a product manager, kept in presenter mode: it is the point of the page."""
    st.info(f"**Why this matters for you.** {BY_SLUG[page.slug].why_it_matters}", icon=":material/work:")


def table(columns: dict[str, list[str]]) -> None:
    """A small table of already formatted text, as Markdown: far cheaper per rerun than a dataframe."""
    header = "| " + " | ".join(columns) + " |"
    rule = "|" + "|".join(" --- " for _ in columns) + "|"
    rows = ["| " + " | ".join(cells) + " |" for cells in zip(*columns.values(), strict=True)]
    st.markdown("\n".join([header, rule, *rows]))


def for_projector(spec: dict[str, Any]) -> dict[str, Any]:
    """The chart in presenter mode, a new dict (the old one untouched): every font larger (the
    layout's and the traces' own, a player's step readout), the plot taller with its points and
    strokes grown alike (a house's dot, a line's width), and every length that
    holds words grown with the type: the margins above and below the plot (a title, a player), the
    space between stacked panels (a panel's tick labels and axis title), the pad before tick labels,
    the player's drop under its axis and an arrow's gap to a box. Grown with the plot instead, they
    let larger words run into each other."""

    def grow(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            if key.endswith("font") and "size" in value:
                return {**value, "size": round(value["size"] * PRESENTER_TYPE)}
            for mark, length in (("marker", "size"), ("line", "width")):  # a point, a stroke: seen across a room
                if key == mark and isinstance(value.get(length), int | float):
                    value = {**value, length: round(value[length] * PRESENTER_GROWTH, 1)}
            if key == "pad":
                return {side: round(px * PRESENTER_TYPE) for side, px in value.items()}
            return {k: grow(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [grow(v) for v in value]
        if key in ("standoff", "startstandoff"):  # an arrow's gap to the centre of a box of words
            return round(value * PRESENTER_TYPE)
        return value

    layout = grow(spec["layout"])
    margin = layout.get("margin", {})
    plot = layout["height"] - margin.get("t", 0) - margin.get("b", 0)
    grown = {side: round(margin[side] * PRESENTER_TYPE) for side in ("t", "b", "pad") if side in margin}
    layout["margin"] = {**margin, **grown}  # "pad": between the plot and its tick labels
    layout["height"] = round(plot * PRESENTER_GROWTH) + grown.get("t", 0) + grown.get("b", 0)
    _widen_gaps(layout)
    return {**spec, "data": grow(spec["data"]), "layout": layout}


def _widen_gaps(layout: dict[str, Any]) -> None:
    """Stacked panels (y axes with domains): each gap between them keeps its pixels times the type
    growth in a plot grown by ``PRESENTER_GROWTH``; the panels share what is left as before."""
    axes = sorted(
        (k for k in layout if k.startswith("yaxis") and "domain" in layout[k]), key=lambda k: layout[k]["domain"]
    )
    spans = [layout[k]["domain"] for k in axes]
    gaps = [upper[0] - lower[1] for lower, upper in pairwise(spans)]
    if not gaps:
        return
    grown = [gap * PRESENTER_TYPE / PRESENTER_GROWTH for gap in gaps]
    squeeze = (spans[-1][1] - spans[0][0] - sum(grown)) / (spans[-1][1] - spans[0][0] - sum(gaps))
    at = spans[0][0]
    for key, (low, high), gap in zip(axes, spans, [*grown, 0.0], strict=True):
        layout[key] = {**layout[key], "domain": [at, at + (high - low) * squeeze]}
        at = layout[key]["domain"][1] + gap


def chart(
    spec: dict[str, Any], words: str, *, key: str | None = None, on_click: Callable[[], None] | None = None
) -> None:
    """Draw a chart (a builder's dict) full width, with a one-line caption saying what to notice.

    The one place a chart reaches the page; in presenter mode it is drawn for a projector. A chart
    keeps its place from run to run under ``key``, by default the page line that draws it (a line
    that draws several charts in one run names each). With ``on_click`` (and a ``key``), clicking
    a point runs it before the next run, the clicked points in ``clicked(key)``.
    """
    caller = sys._getframe(1)
    key = key or f"chart-{Path(caller.f_code.co_filename).stem}-{caller.f_lineno}"
    plotly_chart(for_projector(spec) if presenting() else spec, key=key, alt=words, on_click=on_click)
    caption(words)
