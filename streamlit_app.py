"""Entry point: page config, the navigation over every page, the shared sidebar."""

from pathlib import Path

import streamlit as st

from playground.content.controls import SPECS
from playground.content.pages import ALL_PAGES
from playground.ui import controls
from playground.ui.page import presenter_toggle
from playground.ui.scenes import bring_into_view
from playground.ui.server import rerun_whole_after_a_reconnect, tune_process

# The tab's icon ships with the app: a ":material/..." icon would be fetched from Google's font server.
ICON = Path(__file__).resolve().parent / "playground" / "assets" / "icon.png"
st.set_page_config(page_title="How Models Learn", page_icon=ICON, layout="wide")
controls.start_run()

sections: dict[str, list] = {}
for info in ALL_PAGES:
    page = st.Page(info.file, title=info.title, icon=info.icon, url_path=info.slug, default=info.slug == "home")
    sections.setdefault(info.section, []).append(page)
current = st.navigation(sections)
if current.url_path in SPECS:  # reached from the sidebar, say: the page as the learner left it
    controls.restore(SPECS[current.url_path])

presenting = presenter_toggle()
st.sidebar.caption(
    ":material/link: Every control lives in the address bar: copy the link to reopen exactly this setup."
)
notice_box = st.container()
current.run()
controls.finish_run(notice_box)
bring_into_view()
rerun_whole_after_a_reconnect()
tune_process()  # once per server process, after the first page has imported what it needs
