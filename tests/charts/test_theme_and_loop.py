import pytest

from playground.charts import loop, theme
from playground.content.loop import INITIALIZE, STAGES


@pytest.mark.parametrize(
    ("n", "text"),
    [(2, "2"), (1250, "1,250"), (1.5e9, "1.5 billion"), (175e9, "175 billion"), (2.5e6, "2.5 million")],
)
def test_human_count(n, text):
    assert theme.human_count(n) == text


@pytest.mark.parametrize(
    ("n", "text"), [(54.7e9, "54.7B"), (2.5e6, "2.5M"), (999, "999"), (3e12, "3T"), (10_000, "10k")]
)
def test_human_count_short(n, text):
    assert theme.human_count(n, short=True) == text


@pytest.mark.parametrize(
    ("value", "signed", "text"),
    [
        (45125.4, False, "$45,125"),
        (-40.2, True, "-$40"),
        (3, True, "+$3"),
        (-0.2, True, "+$0"),
        (-1e6, False, "-$1,000,000"),
    ],
)
def test_dollars(value, signed, text):
    assert theme.dollars(value, signed=signed) == text


def test_presenter_charts_are_taller_with_larger_type_everywhere():
    normal = loop.training_loop(INITIALIZE, STAGES)
    with theme.sizing(presenter=True):
        big = loop.training_loop(INITIALIZE, STAGES)
    assert big.layout.height == round(normal.layout.height * theme.PRESENTER_GROWTH)
    for fig, size in ((normal, theme.FONT_SIZE), (big, theme.PRESENTER_FONT_SIZE)):
        assert fig.layout.font.size == fig.layout.legend.font.size == size
        assert fig.layout.xaxis.tickfont.size == fig.layout.yaxis.title.font.size == size
        assert {a.font.size for a in fig.layout.annotations} == {size}
    boxes = [a for a in big.layout.annotations if a.text.startswith("<b>")]
    assert {a.font.color for a in boxes} == {"white"}  # sizing keeps each box's own colour


def test_sizing_ends_with_its_block():
    with theme.sizing(presenter=True):
        pass
    assert loop.training_loop(INITIALIZE, STAGES).layout.font.size == theme.FONT_SIZE


def test_training_loop_boxes_in_order_with_arrows_closing_the_cycle():
    fig = loop.training_loop(INITIALIZE, STAGES)
    boxes = [a for a in fig.layout.annotations if a.text.startswith("<b>")]
    assert [b.text for b in boxes] == [f"<b>{name}</b>" for name, _ in (INITIALIZE, *STAGES)]
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    # one arrow in from "Initialize", then one per stage back round to the first
    assert len(arrows) == 1 + len(STAGES)
    first = boxes[1]
    assert (arrows[-1].x, arrows[-1].y) == (first.x, first.y)


def test_training_loop_highlights_the_stage_asked_for():
    fig = loop.training_loop(INITIALIZE, STAGES, highlight="Loss")
    colours = {a.text: a.bgcolor for a in fig.layout.annotations if a.text.startswith("<b>")}
    assert colours["<b>Loss</b>"] == theme.VERMILLION
    assert colours["<b>Update</b>"] == theme.BLUE


def test_training_loop_needs_four_stages():
    with pytest.raises(ValueError, match="4 stages"):
        loop.training_loop(INITIALIZE, STAGES[:3])


@pytest.mark.parametrize(
    ("dollars", "text"),
    [(950, "$950"), (64_300, "$64.3k"), (1_620_000, "$1.62M"), (1.6e9, "$1.6B"), (-19_500, "-$19.5k")],
)
def test_money(dollars, text):
    assert theme.money(dollars) == text


@pytest.mark.parametrize(
    ("dollars", "text"), [(12.5, "$12.50"), (0.35, "$0.35"), (0.0000329, "$0.000033"), (0, "$0.00")]
)
def test_price(dollars, text):
    assert theme.price(dollars) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.06, "under a second"),
        (1, "1 second"),
        (40, "40 seconds"),
        (720, "12 minutes"),
        (3_600, "1 hour"),
        (12_600, "3.5 hours"),
        (181_440, "2.1 days"),
        (8.64e7, "1,000 days"),
    ],
)
def test_duration(seconds, text):
    assert theme.duration(seconds) == text
