"""Your data: a learner's own table, uploaded or pasted, and the pages that then learn on it."""

import tomllib

import numpy as np
import pytest

from playground import tables
from playground.models import linear
from tests.apptest import ROOT, charts, metric, open_page, plain
from tests.test_tables import csv

PAGE = "app_pages/your_data.py"
PARAMETERS = "app_pages/parameters.py"
SAMPLE = (ROOT / "data" / "conversion.csv").read_bytes()
HOUSE_WEIGHT = "Weight w: dollars per square foot"


def upload(raw: bytes, name: str = "mine.csv"):
    at = open_page(PAGE)
    at.file_uploader(key="own_file").set_value((name, raw, "text/csv")).run()
    assert not at.exception
    return at


def on_parameters(at):
    at.switch_page(PARAMETERS).run()
    assert not at.exception
    return at


def own_slider(at, knob: str):
    return next(s for s in at.slider if s.key and s.key.startswith(f"own_{knob}_"))


def shows_houses(at) -> bool:
    return any(s.label == HOUSE_WEIGHT for s in at.slider) and not any("Your data:" in m.value for m in at.markdown)


def test_the_page_opens_on_the_houses_with_a_sample_to_download():
    at = open_page(PAGE)
    assert not at.exception
    assert at.file_uploader(key="own_file").label == f"A CSV file, up to {tables.MAX_UPLOAD_MB} MB"
    assert any("show the houses" in i.value for i in at.info)
    assert shows_houses(on_parameters(at))


def test_the_upload_limit_the_control_states_is_the_servers():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == tables.MAX_UPLOAD_MB


def test_an_uploaded_table_is_previewed_and_parameters_learns_its_least_squares_line():
    at = upload(SAMPLE, "conversion.csv")
    assert [s.value for s in at.selectbox] == ["Price", "Conversion rate"]
    assert any("Product page" in c.value and "Left out as text" in c.value for c in at.caption)
    assert len(charts(at)) == 1
    at = on_parameters(at)
    assert any("Your data:" in m.value and "conversion.csv" in m.value for m in at.markdown)
    assert own_slider(at, "w").label == "Weight w: change in ` Conversion rate ` per $1 of ` Price `"
    assert dict(at.query_params) == {"data": "yours"}  # the link says whose data, never the data
    rows = next(t for t in plain(charts(at)[0])["data"] if t["name"] == "Your rows")
    table = tables.read(SAMPLE, "conversion.csv")
    price, rate = table.columns["Price"].values, table.columns["Conversion rate"].values
    np.testing.assert_allclose(rows["x"], price, rtol=1e-6)
    np.testing.assert_allclose(rows["y"], rate, rtol=1e-6)
    at.toggle(key="par_best").set_value(True).run()
    w, b = np.polyfit(price, rate, 1)
    knobs = next(m.value for m in at.markdown if m.value.startswith("Machine's knobs"))
    assert f"w = {w:.3g}%" in knobs and f"b = {b:.4g}%" in knobs
    best = next(t for t in plain(charts(at)[0])["data"] if t["name"] == "Machine's best line")
    np.testing.assert_allclose(best["y"], w * np.asarray(best["x"]) + b, rtol=1e-5)
    assert metric(at, "Machine's typical miss") == f"{np.sqrt(np.mean((w * price + b - rate) ** 2)):.4g}%"


def test_turning_a_knob_on_your_data_scores_your_line_on_your_rows():
    at = on_parameters(upload(SAMPLE))
    own_slider(at, "w").set_value(-0.1).run()
    own_slider(at, "b").set_value(12.0).run()
    table = tables.read(SAMPLE, "conversion.csv")
    fit = linear.score(table.columns["Price"].values, table.columns["Conversion rate"].values, -0.1, 12.0)
    assert metric(at, "Your typical miss") == f"{fit.rmse:.4g}%"
    line = next(t for t in plain(charts(at)[0])["data"] if t["name"] == "Your line")
    np.testing.assert_allclose(line["y"], -0.1 * np.asarray(line["x"]) + 12.0, rtol=1e-5)
    assert dict(at.query_params) == {"data": "yours"}


def test_a_pasted_table_works_like_an_upload():
    at = open_page(PAGE)
    at.text_area(key="own_paste").input("ad spend;signups\n" + "\n".join(f"{i},5;{3 * i}" for i in range(1, 30))).run()
    assert not at.exception and not at.error
    at = on_parameters(at)
    assert own_slider(at, "w").label.startswith("Weight w: change in ` signups `")


BAD = {
    "empty": (b"", "The file is empty"),
    "excel": (b"PK\x03\x04" + bytes(100), "Excel workbook"),
    "image": (b"\x89PNG\r\n\x1a\n" + bytes(100), "image (PNG)"),
    "one column": (csv("x", *map(str, range(20))), "Only one column was found"),
    "no numbers": (csv("a,b", *(f"n{i},c{i}" for i in range(20))), "No column holds numbers"),
    "constant input": (csv("x,y", *(f"4,{i}" for i in range(20))), "in every row"),
    "two rows": (csv("x,y", "1,2", "3,4"), "Only 2 rows"),
}


@pytest.mark.parametrize("case", BAD)
def test_a_table_that_cannot_be_used_gets_its_reason_and_the_pages_keep_the_houses(case):
    raw, reason = BAD[case]
    at = upload(raw)
    assert any(reason in e.value for e in at.error), [e.value for e in at.error]
    assert any("keep showing the houses" in c.value for c in at.caption)
    assert shows_houses(on_parameters(at))


def test_a_bad_upload_after_a_good_one_keeps_the_good_one():
    at = upload(SAMPLE)
    at.file_uploader(key="own_file").set_value(("broken.csv", b"\x89PNG\r\n", "image/png")).run()
    assert any("image (PNG)" in e.value for e in at.error)
    assert any("your earlier data" in c.value for c in at.caption)
    assert not shows_houses(on_parameters(at))


def test_picking_the_same_column_twice_says_so_and_changes_nothing():
    at = upload(SAMPLE)
    at.selectbox[1].set_value("Price").run()
    assert any("two different columns" in e.value for e in at.error)


@pytest.mark.parametrize("scale", [1e-9, 1e12])
def test_extreme_magnitudes_fit_and_draw_with_readable_numbers(scale):
    x = np.linspace(1, 40, 30) * scale
    y = 2 * x + 5 * scale + np.sin(np.arange(30)) * scale
    raw = ("x,y\n" + "\n".join(f"{float(a)!r},{float(b)!r}" for a, b in zip(x, y, strict=True))).encode()
    at = on_parameters(upload(raw))
    at.toggle(key="par_best").set_value(True).run()
    assert not at.exception
    drawn = plain(charts(at)[0])
    rows = next(t for t in drawn["data"] if t["name"] == "Your rows")
    np.testing.assert_allclose(rows["x"], x, rtol=1e-6)
    low, high = drawn["layout"]["yaxis"]["range"]
    assert low < y.min() and y.max() < high
    w, b = np.polyfit(x, y, 1)
    best = next(t for t in drawn["data"] if t["name"] == "Machine's best line")
    np.testing.assert_allclose(best["y"], w * np.asarray(best["x"], float) + b, rtol=1e-5)
    for m in at.metric:
        assert "nan" not in m.value.lower() and len(m.value) < 40, m.value


def test_back_to_the_houses_clears_the_data_and_the_link():
    at = on_parameters(upload(SAMPLE))
    at.button(key="houses-parameters").click().run()
    assert shows_houses(at) and "data" not in at.query_params


def test_a_shared_link_made_on_uploaded_data_opens_the_houses_and_says_why():
    at = open_page(PARAMETERS, data="yours", w="150")
    assert shows_houses(at)
    notice = " ".join(w.value for w in at.warning)
    assert "uploaded data" in notice and "never travels in a link" in notice
    assert "data" not in at.query_params and at.query_params["w"] == "150"
    junk = open_page(PARAMETERS, data="<script>")
    assert "` <script> `" in " ".join(w.value for w in junk.warning)


def test_a_long_table_is_drawn_as_a_sample_but_every_number_uses_every_row():
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 100, 10_000)
    y = 2 * x + rng.normal(0, 10, x.size)
    raw = ("x,y\n" + "\n".join(f"{a:.4f},{b:.4f}" for a, b in zip(x, y, strict=True))).encode()
    at = upload(raw)
    assert any("10,000 usable rows" in c.value and f"{tables.MAX_ROWS:,} of them" in c.value for c in at.caption)
    at = on_parameters(at)
    rows = next(t for t in plain(charts(at)[0])["data"] if t["name"] == "Your rows")
    assert len(rows["x"]) == 200
    assert any(f"Drawn: 200 of your {tables.MAX_ROWS:,} rows" in c.value for c in at.caption)
    used = tables.pair(tables.read(raw, "t.csv"), "x", "y")
    own_slider(at, "w").set_value(2.0).run()
    b = own_slider(at, "b").value
    assert metric(at, "Your typical miss") == f"{linear.score(used.x, used.y, 2.0, b).rmse:.4g}"


def line_of(at, chart: int, name: str) -> tuple[float, float]:
    """The slope and intercept of the line trace ``name`` in chart number ``chart``."""
    trace = next(t for t in plain(charts(at)[chart])["data"] if t["name"] == name)
    (x0, x1), (y0, y1) = np.asarray(trace["x"], float), np.asarray(trace["y"], float)
    return (y1 - y0) / (x1 - x0), y0 - (y1 - y0) / (x1 - x0) * x0


def test_loss_functions_fits_every_loss_on_your_rows_with_hubers_threshold_in_their_units():
    at = upload(SAMPLE)
    at.switch_page("app_pages/loss_functions.py").run()
    assert not at.exception
    assert not any(s.key == "loss_mansions" for s in at.slider)  # outliers are whatever the data holds
    assert any("the sections below learn on your rows" in i.value for i in at.info)
    table = tables.read(SAMPLE, "conversion.csv")
    x, y = table.columns["Price"].values, table.columns["Conversion rate"].values
    w, b = np.polyfit(x, y, 1)
    assert line_of(at, 1, "Squared error line") == pytest.approx((w, b), rel=1e-4)
    delta = next(s for s in at.slider if s.key.startswith("own_delta_"))
    assert delta.label == "Huber: misses of ` Conversion rate ` above this count as large"
    for value in (delta.value, 0.3):
        delta.set_value(value).run()
        delta = next(s for s in at.slider if s.key.startswith("own_delta_"))
        huber = linear.fit_under_loss(x, y, "huber", delta=value)
        assert line_of(at, 1, "Huber line") == pytest.approx((huber.w, huber.b), rel=1e-4)
        absolute = linear.fit_under_loss(x, y, "absolute")
        assert line_of(at, 1, "Absolute error line") == pytest.approx((absolute.w, absolute.b), rel=1e-4)
    assert metric(at, "Squared error: w, per $1 of ` Price `") == f"{w:.4g}%"
    business = next(m.value for m in at.markdown if m.value.startswith("| Line fitted with"))
    assert "Rows predicted too low" in business and "Houses" not in business
    assert dict(at.query_params) == {"data": "yours"}


def test_gradient_descent_walks_the_bowl_of_your_rows_down_to_their_least_squares_line():
    from playground.models import landscapes

    at = upload(SAMPLE)
    at.switch_page("app_pages/gradient_descent.py").run()
    assert not at.exception
    table = tables.read(SAMPLE, "conversion.csv")
    pair = tables.pair(table, "Price", "Conversion rate")
    w, b = np.polyfit(pair.x, pair.y, 1)
    player = plain(charts(at)[0])
    bowl = landscapes.line_bowl(pair)
    floor = next(t for t in player["data"] if t["name"] == "Valley floor")
    assert bowl.units.line_in_dollars(floor["x"][0], floor["y"][0]) == pytest.approx((w, b), rel=1e-6)
    walk = next(t for t in player["data"] if t["name"] == "Gradient descent")
    assert bowl.units.line_in_dollars(walk["x"][-1], walk["y"][-1]) == pytest.approx((w, b), rel=2e-2)
    ended = bowl.units.line_in_dollars(walk["x"][-1], walk["y"][-1])  # the verdict speaks of where the walk ended
    typical = np.sqrt(np.mean((ended[0] * pair.x + ended[1] - pair.y) ** 2))
    (said,) = [s.value for s in at.success if "misses a typical row by" in s.value]
    assert float(said.split("misses a typical row by ")[1].split("%")[0]) == pytest.approx(typical, rel=1e-3)
    assert "Conversion rate per $1 of Price" in player["layout"]["xaxis"]["title"]["text"]
    assert all(text.endswith("%") for text in player["layout"]["yaxis"]["ticktext"])
    at.button(key="houses-gradient_descent").click().run()  # back to the houses: the house bowl again
    assert "sq ft" in plain(charts(at)[0])["data"][1]["hovertemplate"]


def test_overfitting_splits_your_rows_and_every_curve_is_a_direct_least_squares_solve():
    from numpy.polynomial import polynomial

    at = upload(SAMPLE)
    at.switch_page("app_pages/overfitting.py").run()
    assert not at.exception
    assert not any(s.key in ("ovf_noise", "ovf_n") for s in at.slider)  # the market's knobs: not the learner's
    rows = next(s for s in at.slider if s.key.startswith("own_n_"))
    assert (rows.label, rows.max) == ("Training rows", 90)  # 120 rows, a quarter kept back as new data
    table = tables.read(SAMPLE, "conversion.csv")
    price, rate = table.columns["Price"].values, table.columns["Conversion rate"].values
    order = np.random.default_rng(0).permutation(120)
    train = order[: rows.value]
    fit = plain(charts(at)[0])
    model = next(t for t in fit["data"] if t["name"] == "The model")
    direct = polynomial.polyfit(price[train], rate[train], 3)
    np.testing.assert_allclose(model["y"], polynomial.polyval(np.asarray(model["x"], float), direct), rtol=1e-4)
    np.testing.assert_allclose(sorted(next(t for t in fit["data"] if t["name"] == "Training rows")["x"]),
                               sorted(price[train]), rtol=1e-6)  # fmt: skip
    assert not any(t["name"] == "The real pattern" for t in fit["data"])  # nobody knows it for their rows
    (verdict,) = [v.value for v in [*at.success, *at.warning, *at.info] if v.value.startswith("**Good fit.**")]
    assert "new rows" in verdict and "best any degree does on them" in verdict and "house" not in verdict
    at.slider(key="ovf_degree").set_value(12).run()
    assert any(w.value.startswith("**Overfitting.**") for w in at.warning)


MESSY = {
    "currency, thousands and percent": (
        csv("Price,Visitors,Rate", *(f'"${i},250.50","{i},000",{i}.5%' for i in range(1, 21))),
        None,
    ),
    "semicolons and decimal commas": (
        "Größe;Preis\n".encode() + "\n".join(f"{i},5;{i * 3},25 €" for i in range(1, 21)).encode(),
        "decimals with a comma",
    ),
    "byte-order mark": (b"\xef\xbb\xbf" + csv("a,b", *(f"{i},{i * i}" for i in range(20))), None),
    "Latin-1": ("Größe,Preis\n".encode("latin-1") + csv(*(f"{i},{2 * i + 1}" for i in range(20))), "Latin-1"),
    "missing, NaN and infinite values": (
        csv(
            "x,y",
            *(f"{i},{'' if i % 5 == 0 else 'NaN' if i % 7 == 0 else 'inf' if i % 9 == 0 else i}" for i in range(40)),
        ),
        "rows dropped for",
    ),
    "duplicate column names": (csv("a,a,b", *(f"{i},{-i},{2 * i}" for i in range(20))), "Two columns are called"),
}


@pytest.mark.parametrize("case", MESSY)
def test_a_messy_but_usable_table_is_read_with_a_note_and_every_page_learns_on_it(case):
    raw, note = MESSY[case]
    at = upload(raw)
    assert not at.error, [e.value for e in at.error]
    if note:
        assert any(note in c.value for c in at.caption), [c.value for c in at.caption]
    for page in ("parameters", "loss_functions", "gradient_descent", "overfitting"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, (page, at.exception)
        assert any("Your data:" in m.value for m in at.markdown), page


def test_a_million_rows_are_read_sampled_and_said_and_the_pages_answer():
    x = np.arange(1_000_000, dtype=float)
    raw = ("x,y\n" + "\n".join(f"{v:.0f},{3 * v + 7:.0f}" for v in x)).encode()
    at = upload(raw, "big.csv")
    assert any("1,000,000 usable rows" in c.value for c in at.caption)
    at = on_parameters(at)
    at.toggle(key="par_best").set_value(True).run()
    knobs = next(m.value for m in at.markdown if m.value.startswith("Machine's knobs"))
    assert "w = 3 " in knobs and "b = 7" in knobs  # the sample of 2,000 rows lies on the same exact line


def test_every_page_that_reads_your_data_says_so_in_its_banner_and_on_the_your_data_page():
    from playground.content.pages import ALL_PAGES

    for info in ALL_PAGES:
        reads = "ui.your_data()" in (ROOT / info.file).read_text()
        assert reads is info.learns_on_your_data, info.slug
    listed = {link.label for link in upload(SAMPLE).get("page_link")}
    assert {info.title for info in ALL_PAGES if info.learns_on_your_data} <= listed


def test_a_long_exam_is_drawn_as_a_sample_on_overfitting():
    rng = np.random.default_rng(8)
    x = rng.uniform(0, 10, 3_000)
    raw = ("x,y\n" + "\n".join(f"{a:.4f},{np.sin(a) + rng.normal(0, 0.2):.4f}" for a in x)).encode()
    at = upload(raw)
    at.switch_page("app_pages/overfitting.py").run()
    validation = next(t for t in plain(charts(at)[0])["data"] if t["name"].startswith("Validation"))
    assert len(validation["x"]) == 200
    assert any("Drawn: 200 of the 500 validation rows" in c.value for c in at.caption)


def test_new_data_gets_its_own_bowl_and_back_to_the_houses_forgets_it():
    from playground.models import landscapes

    at = upload(SAMPLE)
    at.switch_page("app_pages/gradient_descent.py").run()
    first = next(t for t in plain(charts(at)[0])["data"] if t["name"] == "Valley floor")
    other = csv("a,b", *(f"{i},{50 - 2 * i + (i % 3)}" for i in range(30)))
    at.switch_page(PAGE).run()
    at.file_uploader(key="own_file").set_value(("other.csv", other, "text/csv")).run()
    at.switch_page("app_pages/gradient_descent.py").run()
    second = next(t for t in plain(charts(at)[0])["data"] if t["name"] == "Valley floor")
    pair = tables.pair(tables.read(other, "other.csv"), "a", "b")
    bowl = landscapes.line_bowl(pair)
    assert (second["x"][0], second["y"][0]) == pytest.approx(bowl.minima[0], rel=1e-5)
    assert (first["x"][0], first["y"][0]) != pytest.approx(bowl.minima[0], rel=1e-3)
    at.button(key="houses-gradient_descent").click().run()
    assert "_own_kept" not in at.session_state
