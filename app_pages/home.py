import streamlit as st

from playground import ui
from playground.charts.loop import training_loop
from playground.content.controls import HOME as PAGE
from playground.content.loop import INITIALIZE, STAGES, TAUGHT_ON
from playground.content.pages import ALL_PAGES, BY_SLUG

ui.header(PAGE)
start = BY_SLUG["parameters"]
if st.button(f"Start here: {start.title}, the knobs a model learns", icon=":material/play_arrow:", type="primary"):
    st.switch_page(start.file)

st.subheader("The training loop")
ui.prose(
    "Training is one short loop run many times. The model makes predictions, a loss scores "
    "them, backpropagation works out which knobs caused the mistakes, and an update nudges "
    "those knobs. Then it goes round again, usually millions of times."
)
ui.chart(
    training_loop(INITIALIZE, STAGES, pages=TAUGHT_ON),
    "The knobs are set up once, then four stages repeat. Hover a box for what it does; click it for its page.",
)
ui.prose("\n".join(f"{i}. **{name}**: {hint}" for i, (name, hint) in enumerate((INITIALIZE, *STAGES), start=1)))

st.subheader("The pages")
for info in ALL_PAGES[1:]:
    with st.container(border=True):
        st.page_link(info.file, label=f"**{info.title}**", icon=info.icon)
        ui.text(info.takeaway)
