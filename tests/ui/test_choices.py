"""A row of choices switches to a column at the width its words need (the browser tests watch the result)."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from playground.ui import choices

REM = 17  # .streamlit/config.toml's baseFontSize


def test_wider_words_and_more_choices_need_a_wider_row():
    assert choices.text_em("Mountains") > choices.text_em("Ravine") > choices.text_em("relu")
    assert choices.text_em("WWW") > choices.text_em("iii")
    assert choices.text_em("×") > 0  # a character the table lacks still takes room
    few = choices.row_rem(["Mountains", "Ravine"], "segmented")
    assert choices.row_rem(["Mountains", "Ravine", "Plateau"], "segmented") > few
    assert choices.row_rem(["Mountains", "Ravine!"], "segmented") > few


@pytest.mark.parametrize(
    ("labels", "kind", "chromium_px"),
    [  # one row, measured in Chromium at 17 px to the rem (each figure a fixed, unwrapped row)
        (["House prices", "Mountains", "Ravine", "Plateau"], "segmented", 374.8),
        (["Gradient descent", "Momentum", "RMSProp", "Adam"], "pills", 393.6),
        (["1k", "10k", "100k", "1M"], "segmented", 225.6),
        (["Squared", "Absolute", "Huber", "Asymmetric"], "pills", 342.3),
    ],
)
def test_the_estimate_errs_long_but_by_less_than_two_percent(labels, kind, chromium_px):
    """Short, a row would still wrap; far too long, a row that fits would stack for nothing."""
    estimate = choices.row_rem(labels, kind) * REM
    assert chromium_px <= estimate <= 1.02 * chromium_px


def test_presenter_mode_grows_the_words_not_the_padding():
    labels = ["64", "784", "50,176", "150,528"]
    normal = choices.row_rem(labels, "segmented")
    large = choices.row_rem(labels, "segmented", choices.PRESENTER_LABEL_REM)
    text = sum(choices.text_em(label) for label in labels)
    grown = text * (choices.PRESENTER_LABEL_REM - choices.LABEL_REM)
    assert large - normal == pytest.approx(grown, rel=0.02)


def test_the_switch_is_scoped_to_its_widget_and_set_at_the_rows_width():
    css = choices.stack_css("gd_land", ["House prices", "Mountains"], "segmented")
    (width,) = re.findall(r"@container \(max-width: ([\d.]+)rem\)", css)
    assert float(width) == pytest.approx(choices.row_rem(["House prices", "Mountains"], "segmented"), abs=0.01)
    rules = [line for line in css.splitlines() if "{" in line and "@" not in line and "<" not in line]
    assert rules and all(line.strip().startswith(".st-key-gd_land") for line in rules)


def _script():
    from playground import declare
    from playground.ui import controls

    page = declare.PageSpec(
        "test",
        "t",
        (
            declare.select("land", "Landscape", ("House prices", "Mountains"), "Mountains"),
            declare.multi("opt", "Optimizers", ("Adam", "Momentum"), ("Adam",)),
        ),
    )
    controls.start_run()
    for c in page.controls:
        controls.control(page, c.name)


@pytest.mark.parametrize("present", [False, True])
def test_each_row_of_choices_brings_its_own_switch_sized_for_the_mode(present):
    at = AppTest.from_function(_script, default_timeout=30)
    if present:
        at.session_state["app_present"] = True
    at.run()
    styles = "".join(h.proto.body for h in at.get("html"))
    rem = choices.PRESENTER_LABEL_REM if present else choices.LABEL_REM
    for key, labels, kind in (
        ("t_land", ["House prices", "Mountains"], "segmented"),
        ("t_opt", ["Adam", "Momentum"], "pills"),
    ):
        assert choices.stack_css(key, labels, kind, rem) in styles
