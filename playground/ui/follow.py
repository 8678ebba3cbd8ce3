"""Follow along: in presenter mode, a QR code of the page's current link, so the room opens the
same setup on their phones. Drawn here by segno as an SVG: no service is asked for it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

import segno
import streamlit as st

# Phones open the page as a learner reads it: presenter mode stays with the presenter.
_PRESENTER_ONLY = frozenset({"present"})


def shared_link(address: str, settings: Mapping[str, Sequence[str]]) -> str:
    """``address`` (the page, no query) with the page's ``settings`` from the link, less presenter mode."""
    pairs = [(name, value) for name, values in settings.items() if name not in _PRESENTER_ONLY for value in values]
    return address + ("?" + urlencode(pairs, safe=",") if pairs else "")


def qr_svg(text: str) -> str:
    """``text`` as a QR code, an inline SVG with a quiet zone, dark on white, large enough to scan
    from the back of a room when shown on a projector."""
    return segno.make(text, error="m").svg_inline(scale=13, dark="#111111", light="#FFFFFF", border=4)


@st.dialog("Follow along on your phone", width="large")
def _show(link: str) -> None:
    st.image(qr_svg(link), caption="QR code of this page's link", width="content")
    st.markdown("Point a phone's camera at the code: it opens this page, set up as it is now.")
    st.code(link, language=None, wrap_lines=True)  # the link as text, inert, to copy or read out


def button() -> None:
    """The presenter's "Follow along" button; it shows the current link's QR code in a dialog."""
    if st.button("Follow along", icon=":material/qr_code_2:", key="follow_along", help=_HELP):
        settings = {name: st.query_params.get_all(name) for name in st.query_params}
        _show(shared_link(st.context.url or "", settings))


_HELP = "Show a QR code of this page's link: the room opens the same setup on their phones."
