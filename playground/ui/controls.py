"""Link-bound controls: one call draws a widget whose value lives in the page link.

Each page declares its controls once (``playground.declare.PageSpec``); ``control(PAGE, "w")``
draws one. A widget key is ``<prefix>_<name>`` (``par_w``); the link shows ``name`` (``?w=150``). Values equal
to the default are left out of the link. The first time a control is drawn in a session it
takes its value from the link; a value the link cannot supply (malformed, NaN, out of range,
not an option) falls back to the default and a notice names it, quoting the link's text
inertly (``quote``): a link is anybody's words and must never become Markdown on the page.
Notices and the names claimed in this run live in ``st.session_state`` (one viewer's own),
never in module globals.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from playground import link
from playground.declare import Control, PageSpec
from playground.quote import quote
from playground.terms import help_for
from playground.ui import choices, reruns
from playground.ui.scenes import KEPT, ROW

NOTICES = "_link_notices"
CLAIMED = "_link_claimed"
DECLARED = "_link_declared"  # every control of the pages drawn this run, shown or hidden: name -> Control
ARRIVED = "_link_arrived"  # the link's setting names when this run began
PINNED = "_link_pinned"  # controls whose default changed: name -> (value as text, is it the default, page's names)
# Streamlit's own link settings, never ours to reject.
RESERVED = frozenset({"embed", "embed_options"})


def notify(message: str) -> None:
    """Queue a notice for the top of this run's page."""
    st.session_state.setdefault(NOTICES, []).append(message)


def _earlier(page: PageSpec, name: str) -> bool:
    """Whether ``name``'s old default applies: the link arrived carrying this page's settings
    and leaves ``name`` out, as links did before its default changed."""
    if name not in page.earlier or name in st.query_params:
        return False
    arrived = st.session_state.get(ARRIVED, frozenset())
    return any(c.name in arrived for c in page.controls)


def restore(page: PageSpec) -> None:
    """Bring back what the learner left on ``page`` earlier in this visit, when the page is reached
    without a setup of its own in the link (the sidebar, a glossary "See them on" or "Revisit" link). A link
    naming any of the page's settings is a setup someone chose, and opens as it says. Call once a
    run, after ``start_run``, before the page draws."""
    arrived = st.session_state.get(ARRIVED, frozenset())
    if any(c.name in arrived for c in page.controls):
        return
    kept = st.session_state.get(KEPT, {})
    for c in page.controls:
        key = page.key(c.name)
        if key not in st.session_state and key in kept and c.spec.valid(kept[key]):
            st.session_state[key] = kept[key]


def _bind(page: PageSpec, name: str, key: str, label: str, spec: link.Spec) -> None:
    st.session_state.setdefault(CLAIMED, set()).add(name)
    state = st.session_state
    if key not in state:
        raw = st.query_params.get_all(name)
        value, reason = (page.earlier[name], None) if _earlier(page, name) else link.read(spec, raw)
        if reason:
            notify(
                f"The link's **{name}** value {quote(raw[-1])} ({label}) was ignored: {reason}. "
                f"Using the default, {spec.to_text(spec.default)}."
            )
        elif link.changed(spec, raw, value):
            notify(
                f"The link's **{name}** value {quote(raw[-1])} ({label}) is not one this control can take; "
                f"it was set to the nearest, {spec.to_text(value)}."
            )
        state[key] = spec.widget_value(value)
    elif not spec.valid(state[key]):
        # the learner's own click narrowed the options (fewer neurons, fewer knobs): no link is to blame
        state[key] = spec.widget_value(spec.default)


def _publish(name: str, key: str, spec: link.Spec, *, pinned: bool = False) -> Any:
    value = st.session_state[key]
    if spec.same(value, spec.default):
        if name in st.query_params and not pinned:  # a pinned default is settled in settle_link
            del st.query_params[name]
    else:
        text = spec.to_text(value)
        if st.query_params.get(name) != text:
            st.query_params[name] = text
    return value


def _stack_when_narrow(c: Control, spec: Any, key: str, kind: str) -> None:
    labels = [(c.format_func or str)(option) for option in spec.options]
    choices.stack_when_narrow(key, labels, kind)


def _draw(c: Control, spec: Any, key: str, on_change: dict[str, Any]) -> None:
    """The Streamlit widget for a control; its value is already in session state under ``key``.
    A technical control (a seed) sits in a folded "Advanced" box of its own."""
    if c.advanced:
        with st.expander("Advanced", icon=":material/tune:"):
            _draw(dataclasses.replace(c, advanced=False), spec, key, on_change)
        return
    common = {"key": key, "help": help_for(c.label, c.help), **on_change}
    if c.kind in ("slider", "number"):
        widget = st.slider if c.kind == "slider" else st.number_input
        extra = {"format": c.format} if c.kind == "slider" else {}
        widget(c.label, spec.low, spec.high, step=spec.step, **common, **extra)
    elif c.kind == "log_slider":
        st.select_slider(c.label, options=spec.options, format_func=c.format_func, **common)
    elif c.kind == "select" and len(spec.options) <= 5:
        # Rows wrap: in a column Streamlit would otherwise keep one row and hide what does not fit.
        st.segmented_control(c.label, spec.options, format_func=c.format_func, required=True, wrap=True, **common)
        _stack_when_narrow(c, spec, key, "segmented")
    elif c.kind == "select":
        st.selectbox(c.label, spec.options, format_func=c.format_func, **common)
    elif c.kind == "multi":
        st.pills(c.label, spec.options, selection_mode="multi", format_func=c.format_func, wrap=True, **common)
        _stack_when_narrow(c, spec, key, "pills")
    elif c.kind == "text":
        st.text_input(c.label, key=key, placeholder=c.placeholder, max_chars=spec.max_length, **on_change)
    else:
        st.toggle(c.label, **common)


def control(
    page: PageSpec,
    name: str,
    *,
    options: Sequence[Any] | None = None,
    label: str | None = None,
    help: str | None = None,
    format_func: Callable[[Any], str] | None = None,
) -> Any:
    """Draw the page's declared control ``name`` and return its value, kept in the link.

    ``options`` narrows a choice to the options that exist right now (a network's knobs, say).
    A multiple choice comes back in the options' order. ``label``, ``help`` and ``format_func``
    word it for the data on show; the link's values stay the same.
    """
    c = page.control(name)
    if label is not None:
        c = dataclasses.replace(c, label=label)
    if help is not None:
        c = dataclasses.replace(c, help=help)
    if format_func is not None:
        c = dataclasses.replace(c, format_func=format_func)
    spec = c.spec
    if options is not None:
        options = tuple(options)
        spec = link.Choice(options, spec.default if spec.default in options else options[0])
    key = page.key(name)
    st.session_state.setdefault(DECLARED, {}).update((control.name, control) for control in page.controls)
    _bind(page, name, key, c.label, spec)
    _draw(c, spec, key, reruns.on_change(page, name))
    value = _publish(name, key, spec, pinned=name in page.earlier)
    st.session_state.setdefault(KEPT, {})[key] = st.session_state[key]
    if name in page.earlier:
        names = frozenset(c.name for c in page.controls)
        st.session_state[PINNED][name] = (spec.to_text(value), spec.same(value, spec.default), names)
    return [o for o in spec.options if o in value] if c.kind == "multi" else value


def start_run() -> None:
    """Forget the last run's notices and claimed names; call once at the top of the app."""
    st.session_state[NOTICES] = []
    st.session_state[CLAIMED] = set(RESERVED)
    st.session_state[DECLARED] = {}
    st.session_state[PINNED] = {}
    st.session_state.pop(ROW, None)  # each page's run draws its scene row afresh, or has none
    st.session_state[ARRIVED] = frozenset(st.query_params)


def settle_link() -> None:
    """End every run, a section's own included, by sending the browser the link whole.

    A control whose default changed is named in any link that carries other settings of its page,
    even at today's default: left out, an old link's reader would take the old one.

    Then the whole link goes out, changed or not. A run starts from the link the browser sent
    with the move, and in a fast burst of keys that can be older than the last run's own word
    still on its way: the slider back at its default, the browser not yet told of the value the
    run before wrote. Writing only what differs would then send nothing, and the late word would
    leave the address bar naming a value the slider no longer shows. The last run's word is last.
    """
    pinned = st.session_state.get(PINNED, {})
    for name, (text, is_default, names) in pinned.items():
        if any(n in st.query_params for n in names - pinned.keys()):
            if st.query_params.get(name) != text:
                st.query_params[name] = text
        elif is_default and name in st.query_params:
            del st.query_params[name]
    st.query_params.from_dict({name: st.query_params.get_all(name) for name in st.query_params})


def finish_run(notice_box: Any) -> None:
    """Drop link names no control claimed, then show this run's notices in ``notice_box``.

    A control of the page that is hidden right now (the noise seed while noisy gradients are off)
    keeps its value in the link without a word: when it shows again, it comes back from there."""
    claimed = st.session_state.get(CLAIMED, set(RESERVED))
    hidden = {n: c for n, c in st.session_state.get(DECLARED, {}).items() if n not in claimed}
    for name, c in hidden.items():
        if name in st.query_params:
            raw = st.query_params.get_all(name)
            _, reason = link.read(c.spec, raw)
            if reason:
                notify(f"The link's **{name}** value {quote(raw[-1])} ({c.label}) was ignored: {reason}.")
                del st.query_params[name]
    for name in [n for n in st.query_params if n not in claimed and n not in hidden]:
        notify(f"The link's setting {quote(name)} means nothing on this page and was ignored.")
        del st.query_params[name]
    settle_link()
    notices = st.session_state.get(NOTICES, [])
    if notices:
        notice_box.warning(
            "\n\n".join(notices) + "\n\nEverything else in the link was applied.",
            icon=":material/link_off:",
        )
