"""The words of a line's page, for the houses and for a learner's own columns."""

import numpy as np
import pytest

from playground.content.yourdata import HOUSES, column_format, slider_format, words
from playground.models import pricing
from playground.models.dataset import Pair, Quantity

PLAIN = pricing.price_houses(0, 50_000, 2.0)

MINE = words(Quantity("Price", "$"), Quantity("Conversion rate", "", "%"))


def test_the_houses_keep_their_own_words():
    assert words() is HOUSES
    assert HOUSES.weight_label == "Weight w: dollars per square foot"
    assert HOUSES.slope(182.4) == "$182 per sq ft" and HOUSES.weight(182.4) == "$182 per sq ft"


def test_a_learners_columns_name_every_label_and_carry_their_signs():
    assert MINE.weight_label == "Weight w: change in ` Conversion rate ` per $1 of ` Price `"
    assert MINE.bias_label == "Bias b: ` Conversion rate ` when ` Price ` is $0"
    assert MINE.y_amount(2.1412) == "2.141%" and MINE.weight(-0.0869) == "-0.0869%"
    assert MINE.labelled("Drift") == "Drift, per $1 of ` Price `"
    mine = pricing.price_pair(
        Pair(np.arange(10.0), np.arange(10.0) * 2, Quantity("Price", "$"), Quantity("r"), "t.csv"), 1.0, 2
    )
    assert "sq ft" not in MINE.intro and "house" not in MINE.fits_caption(mine, ["squared"]).lower()


def test_names_from_a_file_never_become_markdown():
    hostile = words(Quantity("**x** [a](http://e.com)"), Quantity("<b>y</b>"))
    for text in (hostile.weight_label, hostile.bias_label, hostile.intro, hostile.band_caption(PLAIN)):
        assert "` **x** [a](http://e.com) `" in text or "` <b>y</b> `" in text


@pytest.mark.parametrize("say", [HOUSES, MINE], ids=["houses", "yours"])
def test_the_asymmetric_caption_is_true_at_k_equal_to_one(say):
    assert "half" in say.asymmetric_caption(1.0) and "above most" not in say.asymmetric_caption(1.0)
    assert "above most" in say.asymmetric_caption(2.0)


@pytest.mark.parametrize(
    ("step", "top", "unit", "fmt"),
    [
        (0.002, 0.2, Quantity("a"), "%,.3f"),
        (0.2, 20.4, Quantity("a", "", "%"), "%,.1f%%"),
        (10_000, 1.1e6, Quantity("a", "$"), "$%,.0f"),
        (2.5, 500, Quantity("a"), "%,.1f"),
        (5e-10, 5e-8, Quantity("a"), "%.3e"),
        (5e11, 5e13, Quantity("a", "€"), "€%.3e"),
    ],
)
def test_a_sliders_readout_has_the_steps_decimals_and_the_columns_signs(step, top, unit, fmt):
    assert slider_format(step, top, unit) == fmt


def test_a_tables_column_shows_the_decimals_its_numbers_carry():
    assert column_format(Quantity("p", "$"), [51.99, 5.5, 3.0]) == "$%,.2f"
    assert column_format(Quantity("n"), [1200.0, 3.0]) == "%,.0f"
    assert column_format(Quantity("tiny"), [3e-9]) == "%.3e"


@pytest.mark.parametrize("mansions", [0, 1, 2, 4])
def test_the_fits_caption_says_what_the_mansions_do_to_the_lines_drawn(mansions):
    """It said "Squared error bends towards the mansions" with no mansion on the chart."""
    study = pricing.price_houses(mansions, 50_000, 2.0)
    three = HOUSES.fits_caption(study, ["squared", "absolute", "huber"])
    calm = HOUSES.fits_caption(study, ["absolute", "huber"])
    if not mansions:
        assert three == calm and "No mansions yet" in three and "bends" not in three
        assert "Add mansions" in HOUSES.band_caption(study)
        return
    them = "the mansion;" if mansions == 1 else "the mansions;"
    assert three == f"Squared error bends towards {them} absolute error and Huber barely move."
    assert calm.startswith("Absolute error and Huber barely move:") and "squared" not in calm.lower()
    assert HOUSES.fits_caption(study, ["squared"]) == f"Squared error bends towards {them[:-1]}."
    assert HOUSES.fits_caption(study, ["huber"]).startswith("Huber barely moves:")
    assert them[:-1] in HOUSES.band_caption(study)


def test_a_line_the_mansions_pull_by_ten_dollars_a_foot_or_more_is_said_to_bend():
    study = pricing.price_houses(4, 200_000, 10.0)
    for kind, moved in study.moved.items():
        bends = "bends towards" in HOUSES.fits_caption(study, [kind])
        assert bends == (abs(moved) >= 10), (kind, moved)


def test_the_dirty_data_caption_says_what_the_wrong_prices_did_to_the_line():
    """At 0 % it said "Wrong prices pull the dashed line flatter" over two identical lines."""
    assert HOUSES.dirty_caption(0.0, 182.0, 182.0).startswith("No wrong prices yet")
    assert "flatter" in HOUSES.dirty_caption(0.2, 182.0, 142.0)
    assert "steeper" in HOUSES.dirty_caption(0.2, 182.0, 200.0)
    assert "barely move" in HOUSES.dirty_caption(0.05, 182.0, 181.0)
    # a falling line that the wrong values pull towards level is flatter too, though its weight rises
    assert "flatter" in MINE.dirty_caption(0.2, -0.08, -0.05) and "` Price `" in MINE.dirty_caption(0.2, -0.08, -0.05)
