import numpy as np
import pytest

from playground.charts import losses as loss_charts
from playground.charts import theme
from playground.models import linear, losses
from tests.apptest import plain

ERRORS = np.linspace(-300_000, 300_000, 121)


def _named(fig, name):
    return next(t for t in fig["data"] if t["name"] == name)


def _scored(error: float, **knobs) -> dict[str, float]:
    return {c: float(p[0]) for c, p in losses.all_penalties(np.array([error]), **knobs).items()}


KNOBS = {"delta": 50_000, "k": 2, "unit": 10_000}


def test_loss_curves_draw_each_loss_and_mark_the_current_error_on_it():
    curves = losses.all_penalties(ERRORS, **KNOBS)
    fig = plain(loss_charts.loss_curves(ERRORS, curves, -100_000, _scored(-100_000, **KNOBS)))
    for kind in losses.LOSSES:
        curve = _named(fig, losses.NAMES[kind])
        np.testing.assert_allclose(curve["y"], curves[kind], rtol=1e-6)
        assert curve["line"]["color"] == theme.LOSS_COLORS[kind]
        marker = _named(fig, f"{losses.NAMES[kind]}: this prediction")
        assert list(marker["x"]) == [-100_000] and marker["y"][0] == pytest.approx(_scored(-100_000, **KNOBS)[kind])
    assert fig["layout"]["xaxis"]["title"]["text"] == theme.AXIS["error"]
    assert fig["layout"]["yaxis"]["title"]["text"] == theme.AXIS["penalty"]


def test_the_penalty_charts_axes_hold_still_whatever_the_prediction():
    """The y axis followed the markers, so the curves seemed to change shape as the price moved."""
    ranges = set()
    for error in (-1_000_000, -250_000, -100_000, 0, 30_000, 290_000, 600_000):
        for k in (1, 10):
            knobs = {**KNOBS, "k": k}
            fig = plain(
                loss_charts.loss_curves(ERRORS, losses.all_penalties(ERRORS, **knobs), error, _scored(error, **knobs))
            )
            ranges.add((tuple(fig["layout"]["xaxis"]["range"]), tuple(fig["layout"]["yaxis"]["range"])))
    assert ranges == {((-300_000, 300_000), (0, loss_charts.PENALTY_TOP))}
    straight = losses.all_penalties(ERRORS, **{**KNOBS, "k": 10})
    assert max(straight["absolute"].max(), straight["asymmetric"].max()) < loss_charts.PENALTY_TOP  # on the chart


def test_a_penalty_above_the_chart_is_pinned_to_its_top_edge_with_its_real_value():
    """At -$250k squared error costs 625: its marker sat at the top but said nothing of its value."""
    fig = plain(
        loss_charts.loss_curves(ERRORS, losses.all_penalties(ERRORS, **KNOBS), -250_000, _scored(-250_000, **KNOBS))
    )
    squared, absolute = (_named(fig, f"{n}: this prediction") for n in ("Squared error", "Absolute error"))
    assert squared["marker"]["symbol"] == "triangle-up" and squared["y"][0] < loss_charts.PENALTY_TOP
    assert "Squared error: 625 (off the chart)" in squared["hovertemplate"]
    assert absolute["marker"]["symbol"] == "circle" and absolute["y"][0] == pytest.approx(25)


def test_a_miss_beyond_the_charts_side_is_named_not_drawn_where_it_is_not():
    """A $1M miss was drawn at the penalties of a $300k one: 900 for squared error, which charges 10,000."""
    fig = plain(
        loss_charts.loss_curves(ERRORS, losses.all_penalties(ERRORS, **KNOBS), -1_000_000, _scored(-1e6, **KNOBS))
    )
    markers = [t for t in fig["data"] if t["name"].endswith("this prediction")]
    assert len(markers) == 4 and all(len(t["x"]) == 0 for t in markers)
    (note,) = fig["layout"]["annotations"]
    assert "-$1,000,000" in note["text"] and "off the chart" in note["text"] and note["xanchor"] == "left"
    inside = plain(loss_charts.loss_curves(ERRORS, losses.all_penalties(ERRORS, **KNOBS), 0, _scored(0, **KNOBS)))
    assert not inside["layout"].get("annotations")


SIZE = np.array([1000.0, 2000.0, 3000.0, 3200.0])
PRICE = np.array([250_000.0, 420_000.0, 560_000.0, 2_400_000.0])
OUTLIER = np.array([False, False, False, True])


def test_fits_by_loss_pins_outliers_to_the_top_and_names_their_price():
    fits = {k: linear.fit_under_loss(SIZE, PRICE, k) for k in ("squared", "absolute")}
    fig = plain(loss_charts.fits_by_loss(SIZE, PRICE, OUTLIER, fits))
    mansion = _named(fig, "Mansion, off the chart:<br>sold for $2.4M")
    assert mansion["customdata"][0] == pytest.approx(2_400_000) and "text" not in mansion
    top = fig["layout"]["yaxis"]["range"][1]
    assert top < 2_400_000 and mansion["y"][0] < top
    houses = _named(fig, "Houses sold")
    assert len(houses["x"]) == 3
    line = _named(fig, "Squared error line")
    slope = (line["y"][1] - line["y"][0]) / (line["x"][1] - line["x"][0])
    assert slope == pytest.approx(fits["squared"].w, rel=1e-4)


def test_several_mansions_name_their_cheapest_and_dearest_price_in_the_legend():
    """Labels beside the triangles ran into each other ("$2.1M$2.4M"): the legend says it once."""
    size, price = np.append(SIZE, [3100.0, 3600.0]), np.append(PRICE, [2_100_000.0, 2_700_000.0])
    fits = {"squared": linear.fit_under_loss(size, price, "squared")}
    fig = plain(loss_charts.fits_by_loss(size, price, np.append(OUTLIER, [True, True]), fits))
    mansions = _named(fig, "Mansions, off the chart:<br>sold for $2.1M to $2.7M")
    assert len(mansions["x"]) == 3 and "text" not in mansions


def test_lines_that_fall_on_each_other_all_stay_in_sight():
    """With two mansions absolute error and Huber fit the same line (both $182 per sq ft), and without
    mansions every loss does: drawn solid, the last one hid the others, and the legend named a line
    the chart did not show. Each loss has its own dash, drawn over the solid one, on both charts."""
    from playground.models import pricing

    for mansions in (0, 2):
        study = pricing.price_houses(mansions, 50_000, 2.0)
        kinds = ("squared", "absolute", "huber", "asymmetric")
        lines = plain(loss_charts.fits_by_loss(study.size, study.price, study.mansion, study.fits))
        bands = plain(loss_charts.misses_by_loss(study.bands, {k: study.misses[k] for k in kinds}))
        for fig, suffix in ((lines, " line"), (bands, "")):
            dashes = [_named(fig, losses.NAMES[k] + suffix)["line"].get("dash", "solid") for k in kinds]
            assert len(set(dashes)) == len(kinds) and dashes.count("solid") <= 1
            order = [t["name"] for t in fig["data"] if t["name"] in {losses.NAMES[k] + suffix for k in kinds}]
            assert order[0] == losses.NAMES[kinds[dashes.index("solid")]] + suffix  # under the dashed ones
    study = pricing.price_houses(2, 50_000, 2.0)
    assert abs(study.fits["absolute"].w - study.fits["huber"].w) < 2  # the case that hid a line


def test_misses_by_loss_draws_one_line_per_loss_with_the_band_means():
    bands = np.array([1000.0, 2000.0])
    fig = plain(
        loss_charts.misses_by_loss(bands, {"squared": np.array([5.0, -60_000.0]), "huber": np.array([1.0, 2.0])})
    )
    assert [t["name"] for t in fig["data"]] == ["Squared error", "Huber"]
    np.testing.assert_allclose(fig["data"][0]["y"], [5.0, -60_000.0])
    assert fig["layout"]["yaxis"]["zeroline"] is True


def test_the_misses_chart_keeps_one_error_axis_for_every_number_of_mansions():
    """Its axis stretched from +-$13k to $116k as mansions were added: the lines looked alike each time."""
    from playground.models import pricing

    ranges = set()
    for mansions in range(5):
        study = pricing.price_houses(mansions, 50_000, 2.0)
        misses = {kind: study.misses[kind] for kind in ("squared", "absolute")}
        fig = plain(loss_charts.misses_by_loss(study.bands, misses, reach=study.reach))
        low, high = fig["layout"]["yaxis"]["range"]
        assert low < min(m.min() for m in misses.values()) and high > max(m.max() for m in misses.values())
        ranges.add((low, high))
    assert len(ranges) == 1


def test_confidence_curves_mark_the_chosen_probability_on_both():
    p = np.linspace(0.01, 1, 100)
    ce = losses.binary_cross_entropy(np.ones_like(p), p)
    sq = (1 - p) ** 2
    fig = plain(loss_charts.confidence_curves(p, ce, sq, 0.5))
    assert _named(fig, "Cross-entropy: now")["y"][0] == pytest.approx(np.log(2), rel=1e-3)
    assert _named(fig, "Squared error: now")["y"][0] == pytest.approx(0.25, rel=1e-3)
    assert fig["layout"]["xaxis"]["tickformat"] == ".0%"


def test_on_a_learners_rows_every_row_is_drawn_and_no_mansion_is_pinned():
    from playground.charts import regression
    from playground.models.dataset import Pair, Quantity

    x, y = np.linspace(1, 10, 12), np.linspace(5, 2, 12)
    own = Pair(x, y, Quantity("Price", "$"), Quantity("Rate", "", "%"), "t")
    fit = linear.fit_under_loss(x, y, "huber", delta=0.5)
    fig = plain(loss_charts.fits_by_loss(x, y, np.zeros(12, dtype=bool), {"huber": fit}, on=regression.frame(own)))
    assert [t["name"] for t in fig["data"]] == ["Your rows", "Huber line"]
    assert len(fig["data"][0]["x"]) == 12 and fig["layout"]["yaxis"]["title"]["text"] == "Rate"
    bands = plain(loss_charts.misses_by_loss(x[:3], {"huber": y[:3]}, on=regression.frame(own)))
    assert bands["layout"]["xaxis"]["title"]["text"] == "Price"
    assert bands["layout"]["yaxis"]["title"]["text"] == "Error: predicted minus actual"
