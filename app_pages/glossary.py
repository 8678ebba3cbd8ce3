import streamlit as st

from playground import ui
from playground.content.controls import GLOSSARY as PAGE
from playground.content.glossary import TERMS, by_page, entry, search
from playground.content.pages import BY_SLUG

ui.header(PAGE)
query = ui.control(PAGE, "q")
found = search(query)
st.caption(f"{len(found)} of {len(TERMS)} terms" + (f" matching {ui.quote(query)}" if query else ""))
if not found:
    st.info("No term matches that. Try a shorter word, or clear the search.", icon=":material/search_off:")
for slug, terms in by_page(found):
    page = BY_SLUG[slug]
    with st.container(border=True):
        st.markdown(f"#### {page.icon} {page.title}\n\n" + "\n\n".join(entry(t) for t in terms), anchors=False)
        st.page_link(page.file, label=f"See {'it' if len(terms) == 1 else 'them'} on {page.title}", icon=page.icon)
