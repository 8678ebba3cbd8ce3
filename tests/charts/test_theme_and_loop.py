import numpy as np
import pytest

from playground.charts import loop, theme
from playground.content.loop import INITIALIZE, STAGES
from playground.ui.page import PRESENTER_GROWTH, PRESENTER_TYPE, for_projector
from tests.apptest import plain


def test_presenter_charts_are_taller_with_type_the_size_of_the_prose_everywhere():
    """Chart words were 22 px on a projector, beside prose of 25 px (1.45rem of 17 px)."""
    normal = loop.training_loop(INITIALIZE, STAGES)
    big = for_projector(normal)
    assert _plot_height(big) == pytest.approx(_plot_height(normal) * PRESENTER_GROWTH, abs=1)
    for fig, size in ((normal, theme.FONT_SIZE), (big, 25)):
        assert fig["layout"]["font"]["size"] == fig["layout"]["legend"]["font"]["size"] == size
        assert fig["layout"]["xaxis"]["tickfont"]["size"] == fig["layout"]["yaxis"]["title"]["font"]["size"] == size
        assert {a["font"]["size"] for a in fig["layout"]["annotations"]} == {size}
    boxes = [a for a in big["layout"]["annotations"] if a["text"].startswith("<b>")]
    assert {a["font"]["color"] for a in boxes} == {"white"}  # sizing keeps each box's own colour
    for was, now in zip(normal["layout"]["annotations"], big["layout"]["annotations"], strict=True):
        if not was.get("showarrow"):
            continue
        assert now["standoff"] == round(was["standoff"] * PRESENTER_TYPE)  # to the larger boxes' sides
        assert now["startstandoff"] == round(was["startstandoff"] * PRESENTER_TYPE)


def test_a_titled_chart_keeps_its_title_inside_on_a_projector():
    """Forward pass's "Truth: 0" rose past the chart's top edge: its type grew, its margin did not."""
    from playground.charts import nn
    from playground.ui.page import PRESENTER_TYPE

    normal = nn.digit_image(np.zeros(64), "Truth: 0")
    big = for_projector(normal)
    assert big["layout"]["margin"]["t"] == round(normal["layout"]["margin"]["t"] * PRESENTER_TYPE)
    title = big["layout"]["title"]  # hung from the chart's top edge: larger type grows downwards, inside
    assert (title["yref"], title["y"], title["yanchor"]) == ("container", 1, "top")
    title_size = big["layout"]["font"]["size"] * 1.4  # Plotly's title: 1.4 times the chart's type
    assert title["pad"]["t"] + title_size * 1.35 < big["layout"]["margin"]["t"]  # its line box fits above the plot


def _plot_height(fig) -> float:
    layout = fig["layout"]
    return layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]


def test_on_a_projector_the_room_words_need_grows_with_the_words():
    """Gradient descent on a projector: its type grew 1.67 times, the space holding it 1.3 times,
    so the map's axis title sat on the loss panel's top tick and "Step" beside Play. Now every
    length that holds words grows with them: the margins, the gap between the stacked panels, the
    space between the plot and its tick labels and the player's drop under its axis."""
    from playground.charts import descent as descent_charts
    from tests.charts.test_descent import GROUND, LAND, _paths

    normal = descent_charts.descent_player(LAND, GROUND, _paths(steps=30))
    big = for_projector(normal)

    def gap_px(fig) -> float:  # between the loss panel's top and the map's bottom
        layout = fig["layout"]
        return (layout["yaxis"]["domain"][0] - layout["yaxis2"]["domain"][1]) * _plot_height(fig)

    def share(fig) -> float:  # of the panels' height, the map's
        map_, loss = (fig["layout"][k]["domain"] for k in ("yaxis", "yaxis2"))
        return (map_[1] - map_[0]) / (map_[1] - map_[0] + loss[1] - loss[0])

    assert gap_px(big) == pytest.approx(gap_px(normal) * PRESENTER_TYPE, rel=0.01)
    assert share(big) == pytest.approx(share(normal))  # the panels keep their proportions
    assert big["layout"]["yaxis"]["domain"][1] == 1 and big["layout"]["yaxis2"]["domain"][0] == 0
    for side in ("t", "b", "pad"):
        assert big["layout"]["margin"][side] == round(normal["layout"]["margin"][side] * PRESENTER_TYPE)
    for control in ("updatemenus", "sliders"):
        was, now = normal["layout"][control][0]["pad"]["t"], big["layout"][control][0]["pad"]["t"]
        assert now == round(was * PRESENTER_TYPE)


def test_the_projector_view_leaves_the_chart_it_enlarged_untouched():
    normal = loop.training_loop(INITIALIZE, STAGES)
    for_projector(normal)
    assert normal["layout"]["font"]["size"] == normal["layout"]["annotations"][0]["font"]["size"] == theme.FONT_SIZE


def test_training_loop_boxes_in_order_with_arrows_closing_the_cycle():
    fig = plain(loop.training_loop(INITIALIZE, STAGES))
    boxes = [a for a in fig["layout"]["annotations"] if a["text"].startswith("<b>")]
    assert [b["text"] for b in boxes] == [f"<b>{name}</b>" for name, _ in (INITIALIZE, *STAGES)]
    arrows = [a for a in fig["layout"]["annotations"] if a.get("showarrow")]
    # one arrow in from "Initialize", then one per stage back round to the first
    assert len(arrows) == 1 + len(STAGES)
    first = boxes[1]
    assert (arrows[-1]["x"], arrows[-1]["y"]) == (first["x"], first["y"])


@pytest.mark.parametrize("now", [INITIALIZE[0], *(name for name, _ in STAGES)])
def test_training_loop_frames_the_stage_happening_now_in_red_and_every_boxs_words_read_at_seven_to_one(now):
    """The stage happening now stands out (a thick red frame), and no box's words fall under the 7:1
    chart words keep: white on red read at 3.9:1 and white on the blue boxes at 5.2:1."""
    annotations = plain(loop.training_loop(INITIALIZE, STAGES, highlight=now))["layout"]["annotations"]
    boxes = {a["text"]: a for a in annotations if a["text"].startswith("<b>")}
    framed = [text for text, a in boxes.items() if a["bordercolor"] == theme.YOURS]
    assert framed == [f"<b>{now}</b>"] and boxes[framed[0]]["borderwidth"] >= 3
    for a in boxes.values():
        assert _contrast(a["font"]["color"].replace("white", "#FFFFFF"), a["bgcolor"]) >= 7, a["text"]
        assert a["borderpad"] + a.get("borderwidth", 1) == 11  # every box the same size, framed or not


def test_training_loop_needs_four_stages():
    with pytest.raises(ValueError, match="4 stages"):
        plain(loop.training_loop(INITIALIZE, STAGES[:3]))


def test_training_loop_boxes_open_their_pages_only_when_given_and_in_the_same_tab():
    pages = {"Loss": "loss_functions"}
    fig = plain(loop.training_loop(INITIALIZE, STAGES, pages=pages))
    linked = [a for a in fig["layout"]["annotations"] if "href" in a["text"]]
    (box,) = linked
    assert box["text"] == '<a href="loss_functions" target="_self" style="color:white"><b>Loss</b></a>'
    assert box["hovertext"].endswith("Click to open its page.")
    assert not any("href" in a["text"] for a in plain(loop.training_loop(INITIALIZE, STAGES))["layout"]["annotations"])


def _contrast(a: str, b: str) -> float:
    """WCAG contrast of two #RRGGBB colours."""

    def luminance(colour: str) -> float:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_count_bars_numbers_read_at_seven_to_one_inside_or_beside_their_bars():
    """White numbers inside grey bars read at 3.4:1 ("1.5 billion" on GPT-2's bar)."""
    bar = plain(theme.count_bars(["Yours", "GPT-2", "GPT-3"], [21, 1.5e9, 1.75e11], "parameters"))["data"][0]
    assert bar["textposition"] == "auto"  # inside when the bar has room, else beside it in the chart's ink
    # The first is the learner's own, framed in its role colour (white on that red read at 3.9:1).
    assert bar["marker"]["line"]["color"][0] == theme.YOURS
    for ink, fill in zip(bar["insidetextfont"]["color"], bar["marker"]["color"], strict=True):
        assert _contrast(ink, fill) >= 7
    assert _contrast(theme.INK, "#FFFFFF") >= 7


def test_on_a_projector_points_and_strokes_grow_with_the_plot():
    """The training loop's batch dots stayed 8 px and its misses 1 px in a plot grown 1.3 times, at
    1,920 px wide: specks from the back of a room."""
    trace = {"type": "scatter", "mode": "markers", "marker": {"size": 8, "line": {"width": 2, "color": "white"}}}
    stroke = {"type": "scatter", "mode": "lines", "line": {"width": 3, "dash": "dot"}}
    normal = theme.figure([trace, stroke], height=300, shapes=[theme.vline(1.0, theme.BEST)])
    big = for_projector(normal)
    dots, line = big["data"]
    assert dots["marker"]["size"] == pytest.approx(8 * PRESENTER_GROWTH)
    assert dots["marker"]["line"]["width"] == pytest.approx(2 * PRESENTER_GROWTH)  # the dot's white ring too
    assert line["line"] == {"width": pytest.approx(3 * PRESENTER_GROWTH), "dash": "dot"}
    assert big["layout"]["shapes"][0]["line"]["width"] == pytest.approx(3 * PRESENTER_GROWTH)  # a marker line
    assert normal["data"][0]["marker"]["size"] == 8 and normal["layout"]["shapes"][0]["line"]["width"] == 3
