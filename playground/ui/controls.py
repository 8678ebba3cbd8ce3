"""Link-bound controls: one call draws a widget whose value lives in the page link.

A widget key is ``<page>_<name>`` (``par_w``); the link shows ``name`` (``?w=150``). Values equal
to the default are left out of the link. The first time a control is drawn in a session it
takes its value from the link; a value the link cannot supply (malformed, NaN, out of range,
not an option) falls back to the default and a notice names it, quoting the link's text
inertly (``quote``): a link is anybody's words and must never become Markdown on the page.
Notices and the names claimed in this run live in ``st.session_state`` (one viewer's own),
never in module globals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from playground.ui import link
from playground.ui.quote import quote

NOTICES = "_link_notices"
CLAIMED = "_link_claimed"
# Streamlit's own link settings, never ours to reject.
RESERVED = frozenset({"embed", "embed_options"})


def link_name(key: str) -> str:
    """``par_w`` -> ``w``: the name a widget key has in the link."""
    prefix, sep, name = key.partition("_")
    if not (prefix and sep and name):
        raise ValueError(f"a control key must look like '<page>_<name>', got {key!r}")
    return name


def notify(message: str) -> None:
    """Queue a notice for the top of this run's page."""
    st.session_state.setdefault(NOTICES, []).append(message)


def _bind(key: str, label: str, spec: link.Spec) -> None:
    name = link_name(key)
    st.session_state.setdefault(CLAIMED, set()).add(name)
    state = st.session_state
    if key not in state:
        raw = st.query_params.get_all(name)
        value, reason = link.read(spec, raw)
        if reason:
            notify(
                f"The link's **{name}** value {quote(raw[-1])} ({label}) was ignored: {reason}. "
                f"Using the default, {spec.to_text(spec.default)}."
            )
        state[key] = spec.widget_value(value)
    elif not spec.valid(state[key]):
        notify(f"**{label}** had an unusable value and was reset to {spec.to_text(spec.default)}.")
        state[key] = spec.widget_value(spec.default)


def _publish(key: str, spec: link.Spec) -> Any:
    name = link_name(key)
    value = st.session_state[key]
    if spec.same(value, spec.default):
        if name in st.query_params:
            del st.query_params[name]
    else:
        text = spec.to_text(value)
        if st.query_params.get(name) != text:
            st.query_params[name] = text
    return value


def slider(
    key: str,
    label: str,
    low: float,
    high: float,
    default: float,
    step: float,
    *,
    format: str | None = None,
    help: str | None = None,
) -> float:
    """A number slider; whole numbers when low, high, step and default are all ints."""
    spec = link.Range(low, high, step, default)
    _bind(key, label, spec)
    st.slider(label, low, high, step=step, key=key, format=format, help=help)
    return _publish(key, spec)


def number(
    key: str, label: str, low: float, high: float, default: float, step: float, *, help: str | None = None
) -> float:
    """A typed number box with +/- buttons."""
    spec = link.Range(low, high, step, default)
    _bind(key, label, spec)
    st.number_input(label, low, high, step=step, key=key, help=help)
    return _publish(key, spec)


def log_slider(
    key: str,
    label: str,
    options: Sequence[float],
    default: float,
    *,
    format_func: Callable[[Any], str] = link.format_number,
    help: str | None = None,
) -> float:
    """A slider over positive values spaced evenly on a log scale (e.g. learning rates)."""
    spec = link.Choice(tuple(options), default)
    _bind(key, label, spec)
    st.select_slider(label, options=spec.options, key=key, format_func=format_func, help=help)
    return _publish(key, spec)


def select(
    key: str,
    label: str,
    options: Sequence[Any],
    default: Any,
    *,
    format_func: Callable[[Any], str] = str,
    help: str | None = None,
) -> Any:
    """One option: a segmented button row for up to five, a dropdown for more.

    Rows wrap: in a column Streamlit would otherwise keep one row and hide what does not fit.
    """
    spec = link.Choice(tuple(options), default)
    _bind(key, label, spec)
    if len(spec.options) <= 5:
        st.segmented_control(label, spec.options, key=key, format_func=format_func, help=help, required=True, wrap=True)
    else:
        st.selectbox(label, spec.options, key=key, format_func=format_func, help=help)
    return _publish(key, spec)


def multi(
    key: str,
    label: str,
    options: Sequence[str],
    default: Sequence[str],
    *,
    format_func: Callable[[Any], str] = str,
    help: str | None = None,
) -> list[str]:
    """Any number of options at once, shown as pills; returned in the options' order."""
    spec = link.Choices(tuple(options), tuple(default))
    _bind(key, label, spec)
    st.pills(label, spec.options, selection_mode="multi", key=key, format_func=format_func, help=help, wrap=True)
    return [o for o in spec.options if o in _publish(key, spec)]


def text(key: str, label: str, default: str = "", *, placeholder: str = "", max_length: int = 60) -> str:
    """A one-line text box, such as a search."""
    spec = link.Text(default, max_length)
    _bind(key, label, spec)
    st.text_input(label, key=key, placeholder=placeholder, max_chars=max_length)
    return _publish(key, spec)


def toggle(key: str, label: str, default: bool = False, *, help: str | None = None) -> bool:
    """An on/off switch; the link says 1 or 0."""
    spec = link.Switch(default)
    _bind(key, label, spec)
    st.toggle(label, key=key, help=help)
    return _publish(key, spec)


def start_run() -> None:
    """Forget the last run's notices and claimed names; call once at the top of the app."""
    st.session_state[NOTICES] = []
    st.session_state[CLAIMED] = set(RESERVED)


def finish_run(notice_box: Any) -> None:
    """Drop link names no control claimed, then show this run's notices in ``notice_box``."""
    claimed = st.session_state.get(CLAIMED, set(RESERVED))
    for name in [n for n in st.query_params if n not in claimed]:
        notify(f"The link's setting {quote(name)} means nothing on this page and was ignored.")
        del st.query_params[name]
    notices = st.session_state.get(NOTICES, [])
    if notices:
        notice_box.warning(
            "\n\n".join(notices) + "\n\nEverything else in the link was applied.",
            icon=":material/link_off:",
        )
