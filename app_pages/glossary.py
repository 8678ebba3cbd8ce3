import streamlit as st

from playground import ui
from playground.content.controls import GLOSSARY as PAGE
from playground.content.glossary import TERMS, search
from playground.content.pages import BY_SLUG

ui.header(PAGE)
query = ui.control(PAGE, "q")
found = search(query)
st.caption(f"{len(found)} of {len(TERMS)} terms" + (f" matching {ui.quote(query)}" if query else ""))
if not found:
    st.info("No term matches that. Try a shorter word, or clear the search.", icon=":material/search_off:")
for term in found:
    with st.container(border=True):
        st.markdown(f"**{term.name}**. {term.explanation}")
        if term.analogy:
            st.caption(term.analogy)
        page = BY_SLUG[term.page]
        st.page_link(page.file, label=f"See it on {page.title}", icon=page.icon)
