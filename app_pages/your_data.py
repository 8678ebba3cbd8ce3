from pathlib import Path

import pandas as pd
import streamlit as st

from playground import tables, ui
from playground.charts import regression
from playground.content.controls import YOUR_DATA as PAGE
from playground.content.pages import ALL_PAGES
from playground.content.yourdata import column_format
from playground.models import linear
from playground.ui import owndata

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "conversion.csv"
READ = "_own_read"  # (what was read, the Table or the message saying why it could not be): this viewer's


def read(raw: bytes, source: str, ident: object) -> tables.Table | str:
    """The table in ``raw``, or why it cannot be used; read once per upload or pasted text."""
    held = st.session_state.get(READ)
    if held is None or held[0] != ident:
        with st.spinner("Reading the table…"):
            try:
                held = (ident, tables.read(raw, source))
            except tables.TableError as problem:
                held = (ident, str(problem))
        st.session_state[READ] = held
    return held[1]


def notes(lines: tuple[str, ...]) -> None:
    if lines:
        st.caption("  \n".join(f"· {line}" for line in lines))


ui.header(PAGE)
upload, paste = st.tabs(["Upload a CSV file", "Paste a table"])
with upload:
    file = st.file_uploader(
        f"A CSV file, up to {tables.MAX_UPLOAD_MB} MB",
        key="own_file",
        help="A header row, then one row per example. Commas, semicolons or tabs between cells; dollar, euro "
        "and percent signs and thousands separators are fine.",
    )
    st.download_button(
        "Download a sample CSV", SAMPLE.read_bytes(), "conversion.csv", "text/csv", icon=":material/download:"
    )
with paste:
    text = st.text_area(
        "Paste a table copied from a spreadsheet, header row first",
        key="own_paste",
        height=160,
        max_chars=200_000,
        placeholder="Price,Conversion rate\n$19.99,9.8%\n$24.99,9.1%\n…",
    )

if file is not None:
    found = read(file.getvalue(), file.name, file.file_id)
    if text.strip():
        st.caption("Reading the uploaded file; remove it to read the pasted table instead.")
elif text.strip():
    found = read(text.encode(), "a pasted table", hash(text))
else:
    found = None
    st.session_state.pop(READ, None)  # the table goes with the upload: only the chosen rows stay

kept = "your earlier data" if owndata.in_use() else "the houses"
if isinstance(found, str):
    st.error(found, icon=":material/error:")
    st.caption(f"Nothing changed: the pages keep showing {kept}.")
elif found is not None:
    names = found.names
    columns = "1 column" if len(names) == 1 else f"{len(names)} columns"
    st.caption(f"{ui.quote(found.source)}: {found.rows:,} rows read; {columns} of numbers to choose from.")
    pick_x, pick_y = st.columns(2)
    x = pick_x.selectbox("Learn from (the input)", names, index=0, key=f"own_x_{hash(tuple(names))}")
    y = pick_y.selectbox("Predict (the output)", names, index=len(names) - 1, key=f"own_y_{hash(tuple(names))}")
    try:
        pair = tables.pair(found, x, y)
    except tables.TableError as problem:
        st.error(str(problem), icon=":material/error:")
        st.caption(f"Nothing changed: the pages keep showing {kept}.")
        notes(found.notes)
    else:
        owndata.use(pair)
        notes(pair.notes)
        chart, rows = st.columns([2, 1], gap="large")
        with chart:
            best = linear.fit_least_squares(pair.x, pair.y)
            ui.chart(
                regression.preview(pair.x, pair.y, best, on=regression.frame(pair)),
                "Your rows and the straight line that misses them least: what the pages below will learn on.",
            )
        with rows:
            shown = {x: (pair.x, pair.x_is), y: (pair.y, pair.y_is)}
            st.dataframe(
                pd.DataFrame({name: values for name, (values, _) in shown.items()}),
                height=380,
                hide_index=True,
                column_config={
                    name: st.column_config.NumberColumn(format=column_format(q, values[:200].tolist()))
                    for name, (values, q) in shown.items()
                },
            )

pair = owndata.in_use()
if pair is None:
    st.info("The pages show the houses until a table is read here.", icon=":material/home:")
else:
    with st.container(border=True):
        st.markdown(f":material/check_circle: **In use:** {owndata.describe(pair)}.")
        st.button("Back to the houses", key="houses-your_data", on_click=owndata.forget, icon=":material/home:")
st.markdown("**Pages that learn on your data**")
for info in ALL_PAGES:
    if info.learns_on_your_data:
        st.page_link(info.file, label=info.title, icon=info.icon)
