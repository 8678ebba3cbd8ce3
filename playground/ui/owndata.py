"""The learner's own data, kept in their session only, and the banner of every page that uses it.

An upload becomes two columns (a ``Pair``, made by ``playground.tables``) held in
``st.session_state``: one viewer's own, gone with the session, never written to disk, never
logged, never put in a link. The link only says that a page was showing uploaded data
(``data=yours``), so a shared link opens on the houses with a notice that says why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from playground import format as fmt
from playground.content.yourdata import slider_format
from playground.quote import quote
from playground.ui.controls import CLAIMED, notify

PAIR = "_own_pair"  # the Pair the pages learn on; absent while they show the houses
KEPT = "_own_kept"  # name -> (the data's fingerprint, what was made from it): this session's only
LINK_NAME, LINK_VALUE = "data", "yours"


def in_use() -> Any | None:
    """The learner's data if they chose some, else None (the houses)."""
    return st.session_state.get(PAIR)


def use(pair: Any) -> None:
    st.session_state[PAIR] = pair


def forget() -> None:
    """Back to the houses."""
    st.session_state.pop(PAIR, None)
    st.session_state.pop(KEPT, None)


def kept(name: str, make: Callable[[], Any]) -> Any:
    """What ``make`` builds from the learner's data, built once per upload and kept in this session
    only: Streamlit's shared cache would keep it for every viewer."""
    pair, store = in_use(), st.session_state.setdefault(KEPT, {})
    fingerprint = pair.fingerprint if pair is not None else None
    if name not in store or store[name][0] != fingerprint:
        store[name] = (fingerprint, make())
    return store[name][1]


def describe(pair: Any) -> str:
    """One line naming the data as Markdown, the learner's names quoted as text."""
    return (
        f"{quote(pair.y_is.name)} predicted from {quote(pair.x_is.name)}, "
        f"{fmt.plural(len(pair), 'row')} from {quote(pair.source)}"
    )


def current() -> Any | None:
    """On a page that can learn on the learner's data: that data, or None for the houses. Keeps
    ``data=yours`` in the link while it is shown; a link saying so without data gets a notice."""
    st.session_state.setdefault(CLAIMED, set()).add(LINK_NAME)
    pair = in_use()
    asked = st.query_params.get(LINK_NAME)
    if pair is None:
        if asked is not None:
            if asked == LINK_VALUE:
                notify(
                    "This link was made on uploaded data. An upload stays in the browser session that "
                    "read it (it is gone once the app restarts) and never travels in a link, so this page "
                    "shows the houses. Upload the table again on **Your data** to use it."
                )
            else:
                notify(f"The link's **{LINK_NAME}** value {quote(asked)} was ignored: it can only say `{LINK_VALUE}`.")
            del st.query_params[LINK_NAME]
        return None
    if asked != LINK_VALUE:
        st.query_params[LINK_NAME] = LINK_VALUE
    return pair


def banner(slug: str) -> None:
    """Whose data the page shows, with the way back to the houses; nothing while it shows the houses."""
    pair = in_use()
    if pair is None:
        return
    with st.container(border=True, horizontal=True, vertical_alignment="center"):
        st.markdown(f":material/table_chart: **Your data:** {describe(pair)}.", width="stretch")
        st.button("Back to the houses", key=f"houses-{slug}", on_click=forget, icon=":material/home:")


def knob(label: str, knob: Any, key: str, unit: Any) -> float:
    """A slider for one knob on the learner's data (``knob``: a ``dataset.Knob``), its readout in
    ``unit``'s signs (a ``dataset.Quantity``).

    Not in the link, which never carries uploaded data; ``key`` should name the data (its
    fingerprint), so new data starts from its own default."""
    if key not in st.session_state:
        st.session_state[key] = knob.default
    readout = slider_format(knob.step, max(abs(knob.low), abs(knob.high)), unit)
    return st.slider(label, knob.low, knob.high, step=knob.step, key=key, format=readout)
