"""Scenes: named setups a presenter applies with one click.

A scene sets the controls it names and puts every other control of the page back to its
default, so the same scene always looks the same. The link follows, because the controls
publish their new values when they are drawn. Scenes are declared with the page's controls
(``playground.declare``), which refuses a scene naming a control the page does not have.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from playground import link
from playground.declare import PageSpec, Scene

FOCUS = "_scene_focus"  # the key of what a scene is about (the control it set, or a part it views), to bring into view
ROW = "_scene_row"  # page prefix -> key of the fragment that draws its scene row, on the pages whose run drew one
SHOWN = "_scene_shown"  # page prefix -> the name of the scene its row marks (None: no scene)
# Every control's last value in this visit, by widget key (written by ``controls``, which this module
# must not import). Streamlit forgets a widget's value once a run does not draw it (the learner went
# to the glossary); this is how a page comes back as it was left. A scene starts from nothing.
KEPT = "_link_kept"
CLICKS = "_scene_clicks"  # scene clicks so far: each click's scroll is a new element, so it runs again
# Brings the widget (or the part of the page a scene views) keyed in data-key (Streamlit gives it the
# class st-key-<key>) into view once it has been drawn, with the picture beside it: the row of columns
# holding it (its section's controls and chart) is put just under whatever stays on top of the page
# (Streamlit's header, the tour's bar), as long as the widget stays on screen; if not, the widget is
# centred in the room below them. (Centred alone, a section's chart could start under the tour's bar:
# Gradient descent's map lost its top.)
# Our own constant: no outside text reaches it.
SCROLL = """<span data-scroll-to="{key}" data-nonce="{nonce}"></span>
<script>
(function () {{
  const doc = window.parent.document, key = "st-key-{key}", started = performance.now();
  const main = () => doc.querySelector('[data-testid="stMain"]');
  // How far to scroll: 0 once the row (or the widget) is where it should be.
  function offset(el) {{
    const header = doc.querySelector('[data-testid="stHeader"]'), bar = doc.querySelector(".st-key-tour_bar");
    // the tour's bar sticks right under the header once the page scrolls: count its height, not its place
    const top = (header ? header.getBoundingClientRect().bottom : 0) + (bar ? bar.offsetHeight : 0) + 8;
    const room = window.parent.innerHeight - top, box = el.getBoundingClientRect();
    const row = (el.closest('[data-testid="stHorizontalBlock"]') || el).getBoundingClientRect();
    return box.bottom - row.top <= room ? row.top - top : (box.top + box.bottom) / 2 - (top + room / 2);
  }}
  // Once the scroll has come to rest, look again: what was still being drawn above the row when it
  // started (a bar of words that changed, a chart) may have moved it. At most twice, in two seconds.
  function settle(el, checks, last, still) {{
    const now = main().scrollTop;
    still = now === last ? still + 1 : 0;
    if (still < 3) return setTimeout(() => settle(el, checks, now, still), 60);
    el = doc.getElementsByClassName(key)[0] || el;  // the widget as drawn now
    const by = offset(el);
    if (Math.abs(by) > 3 && checks < 2 && performance.now() - started < 2000) {{
      main().scrollBy({{top: by}});
      return setTimeout(() => settle(el, checks + 1, null, 0), 60);
    }}
    doc.documentElement.dataset.sceneScroll = "{nonce}";  // done: a test waits for it, then for stillness
  }}
  (function look() {{
    const el = doc.getElementsByClassName(key)[0] || document.getElementsByClassName(key)[0];
    if (!el) {{ if (performance.now() - started < 5000) setTimeout(look, 50); return; }}
    main().scrollBy({{top: offset(el), behavior: "smooth"}});
    setTimeout(() => settle(el, 0, null, 0), 60);
  }})();
}})();
</script>"""


def apply(page: PageSpec, scene: Scene) -> None:
    """Reset the page's controls, then set the scene's values; ask for its section to come into view."""
    for control in page.controls:
        st.session_state.pop(page.key(control.name), None)
        st.session_state.get(KEPT, {}).pop(page.key(control.name), None)
        if control.name in st.query_params:
            del st.query_params[control.name]
    st.session_state.update(page.scene_state(scene))
    st.session_state[FOCUS] = page.focus(scene)
    st.session_state[CLICKS] = st.session_state.get(CLICKS, 0) + 1
    st.rerun()  # the whole page: the row is a fragment, and a scene resets every section


def current(page: PageSpec) -> dict[str, Any]:
    """Each control's value now: this session's, or before its first draw the link's."""
    values = {}
    for c in page.controls:
        key = page.key(c.name)
        if key in st.session_state:
            values[c.name] = st.session_state[key]
        else:
            values[c.name] = link.read(c.spec, st.query_params.get_all(c.name))[0]
    return values


def scene_buttons(page: PageSpec) -> None:
    """The page's scene row, drawn as a fragment of its own: a move that enters or leaves a scene
    reruns the row alone, beside the control's section (``playground.ui.reruns``)."""
    key = f"{page.prefix}-scenes"
    st.session_state.setdefault(ROW, {})[page.prefix] = key
    st.fragment(row, key=key)(page)


def row(page: PageSpec) -> None:
    """A row of buttons, one per scene, the one on screen highlighted; the hint shows on hover."""
    active = page.active_scene(current(page))
    st.session_state.setdefault(SHOWN, {})[page.prefix] = active.name if active else None
    st.markdown("**Scenes** · one click sets up a story" + (f" · now: *{active.name}*" if active else ""))
    buttons = st.container(horizontal=True)
    for scene in page.scenes:
        buttons.button(
            scene.name,
            key=f"scene-{page.prefix}-{scene.name}",
            help=scene.hint,
            icon=":material/check_circle:" if scene is active else ":material/movie:",
            type="primary" if scene is active else "secondary",
            on_click=apply,
            args=(page, scene),
        )


def bring_into_view() -> None:
    """After the page has drawn: scroll to the section the last scene changed (once per click)."""
    key = st.session_state.pop(FOCUS, "")
    if key and key.replace("_", "").isalnum():  # a declared widget key, never outside text
        st.html(SCROLL.format(key=key, nonce=st.session_state.get(CLICKS, 0)), unsafe_allow_javascript=True)
