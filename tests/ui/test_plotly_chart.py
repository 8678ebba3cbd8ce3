"""The app's own chart element: its Plotly.js, its identity from run to run, its data."""

import json

import pytest

from playground.charts.theme import TEMPLATE
from playground.content.pages import ALL_PAGES
from playground.ui import plotly_chart
from tests.apptest import TEXT_ONLY, chart_elements, charts, open_page, said

CHARTED = [info for info in ALL_PAGES if info.slug not in TEXT_ONLY]
# Home and The training loop have charts but no slider: their charts change with buttons.
SLIDING = [info for info in CHARTED if info.slug not in {"home", "training_loop"}]


def test_the_app_serves_the_plotly_js_its_plotly_package_ships():
    assert plotly_chart.SERVED.read_bytes() == plotly_chart.SHIPPED.read_bytes()


def test_a_stale_or_missing_copy_of_plotly_js_is_replaced_whole(tmp_path, monkeypatch):
    served = tmp_path / "static" / "plotly.min.js"
    monkeypatch.setattr(plotly_chart, "SERVED", served)
    plotly_chart.serve_plotly_js()  # missing: written
    assert served.read_bytes() == plotly_chart.SHIPPED.read_bytes()
    served.write_text("/* an older Plotly.js */")
    plotly_chart.serve_plotly_js()  # stale: replaced
    assert served.read_bytes() == plotly_chart.SHIPPED.read_bytes()
    assert [p.name for p in served.parent.iterdir()] == ["plotly.min.js"]  # no half-written file left behind


def _first_control(at):
    """A control to move, and the value to move it to."""
    if at.slider:
        s = at.slider[0]
        return s, (s.min if s.value != s.min else s.max)
    if at.select_slider:
        s = at.select_slider[0]
        return s, (s.options[0] if s.value != s.options[0] else s.options[-1])
    return None, None


@pytest.mark.parametrize("info", SLIDING, ids=lambda i: i.slug)
def test_a_chart_keeps_its_identity_when_a_control_changes_what_it_shows(info):
    """A chart is redrawn in place (one Plotly.react) rather than thrown away and drawn anew,
    which Streamlit does to an element whose identity changes with its data."""
    at = open_page(info.file)
    before = {el.proto.id: json.loads(el.proto.json)["spec"] for el in chart_elements(at)}
    assert len(set(before)) == len(before) > 0
    widget, value = _first_control(at)
    widget.set_value(value).run()
    assert not at.exception
    after = {el.proto.id: json.loads(el.proto.json)["spec"] for el in chart_elements(at)}
    assert set(after) & set(before)  # the charts still on the page kept their identity
    changed = [key for key in set(after) & set(before) if after[key] != before[key]]
    assert changed, f"moving {widget.key} changed no chart on {info.slug}"


def test_a_charts_data_is_its_figure_its_caption_and_its_room():
    at = open_page("app_pages/parameters.py")
    first = json.loads(chart_elements(at)[0].proto.json)
    figure = charts(at)[0]
    assert first["alt"] in said(at, "caption")  # the caption is the chart's accessible name
    assert first["height"] == figure["layout"]["height"]
    assert figure["layout"]["template"] == TEMPLATE
    assert first["clickable"] is False


def test_a_figure_with_values_json_cannot_write_reaches_the_browser_as_strict_json(monkeypatch):
    """A diverged walk holds NaN and infinity: JSON has no words for them (the browser's JSON.parse
    refuses Python's NaN), so what the element is handed says null there."""
    sent = []
    monkeypatch.setattr(plotly_chart, "_element", lambda **mounted: sent.append(mounted["data"]))
    spec = {"data": [{"y": [1.0, float("nan"), float("inf")]}], "layout": {"height": 300}}
    plotly_chart.plotly_chart(spec, key="k", alt="a walk that blew up")

    def refuse(word):
        raise ValueError(f"not JSON: {word}")

    figure = json.loads(sent[0]["spec"], parse_constant=refuse)
    assert figure["data"][0]["y"] == [1.0, None, None]
