"""Glossary terms one click away: a button per term that opens its plain-English explanation."""

from __future__ import annotations

import streamlit as st

from playground.content.glossary import TERMS, entry


def terms(*names: str) -> None:
    """A row of term buttons; each opens the term's explanation in a popover."""
    missing = [n for n in names if n.lower() not in TERMS]
    if missing:
        raise ValueError(f"not in the glossary: {missing}")
    st.markdown("**Words on this page** · click one for a plain-English explanation")
    row = st.container(horizontal=True)
    for name in names:
        term = TERMS[name.lower()]
        with row.popover(term.name, icon=":material/menu_book:"):
            st.markdown(entry(term))
