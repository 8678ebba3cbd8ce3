import numpy as np
import pytest

from playground.charts import regression, theme
from playground.models import linear
from tests.apptest import plain

SIZE = np.array([1000.0, 2000.0, 3000.0])
PRICE = np.array([250_000.0, 420_000.0, 560_000.0])


def _trace(fig, name):
    return next(t for t in fig["data"] if t["name"] == name)


def test_line_fit_draws_houses_your_line_and_one_miss_per_house():
    fig = plain(regression.line_fit(SIZE, PRICE, linear.score(SIZE, PRICE, 150.0, 100_000.0)))
    assert [t["name"] for t in fig["data"]] == ["Your misses", "Houses sold", "Your line"]
    np.testing.assert_allclose(_trace(fig, "Houses sold")["y"], PRICE)
    line = _trace(fig, "Your line")
    np.testing.assert_allclose(line["y"], 150.0 * np.asarray(line["x"]) + 100_000.0, rtol=1e-6)
    misses = _trace(fig, "Your misses")
    strokes = np.asarray(misses["y"]).reshape(-1, 3)  # line -> price -> line, house by house
    np.testing.assert_allclose(strokes[:, 1], PRICE)
    np.testing.assert_allclose(strokes[:, 0], 150.0 * SIZE + 100_000.0)
    np.testing.assert_allclose(strokes[:, 2], strokes[:, 0])
    assert not np.isnan(strokes).any()  # one unbroken path: between strokes it runs along the line
    np.testing.assert_allclose(np.asarray(misses["x"]).reshape(-1, 3), np.repeat(SIZE[:, None], 3, axis=1))
    assert fig["layout"]["xaxis"]["title"]["text"] == theme.AXIS["size"]
    assert fig["layout"]["yaxis"]["title"]["text"] == theme.AXIS["price"]
    assert fig["layout"]["yaxis"]["tickformat"] == "$~s"


def test_line_fit_adds_the_best_line_only_when_asked():
    best = linear.fit_least_squares(SIZE, PRICE)
    fig = plain(regression.line_fit(SIZE, PRICE, linear.score(SIZE, PRICE, 0, 0), best))
    line = _trace(fig, "Machine's best line")
    np.testing.assert_allclose(line["y"], best.w * np.asarray(line["x"]) + best.b, rtol=1e-6)
    assert line["line"]["dash"] == "dash"


def test_chart_data_is_sent_as_float32():
    fig = regression.line_fit(SIZE, PRICE, linear.score(SIZE, PRICE, 1, 1))
    assert all(t["x"]["dtype"] == "f4" for t in fig["data"])


def test_dirty_fit_marks_corrupted_rows_and_draws_both_lines():
    dirty = linear.Corruption(price=PRICE[::-1].copy(), corrupted=np.array([True, False, True]))
    clean, bad = linear.fit_least_squares(SIZE, PRICE), linear.fit_least_squares(SIZE, dirty.price)
    fig = plain(regression.dirty_fit(SIZE, dirty, clean, bad))
    np.testing.assert_allclose(_trace(fig, "Wrong price (bad join)")["x"], [1000.0, 3000.0])
    np.testing.assert_allclose(_trace(fig, "Correct price")["x"], [2000.0])
    dirty_line = _trace(fig, "Learned from dirty data")
    assert dirty_line["y"][1] - dirty_line["y"][0] == pytest.approx(
        bad.w * (dirty_line["x"][1] - dirty_line["x"][0]), rel=1e-5
    )
    assert _trace(fig, "Learned from clean data")["line"]["color"] == theme.BEST


def test_turning_a_knob_moves_the_line_but_never_the_axes():
    ranges = set()
    for w, b in [(0, 0), (100, 0), (400, 400_000), (0, -200_000), (182, 45_000)]:
        fig = plain(regression.line_fit(SIZE, PRICE, linear.score(SIZE, PRICE, w, b)))
        ranges.add((tuple(fig["layout"]["xaxis"]["range"]), tuple(fig["layout"]["yaxis"]["range"])))
    ((x_range, y_range),) = ranges  # one frame for every knob setting
    assert y_range[0] <= 0 and y_range[1] >= PRICE.max() and x_range[0] <= SIZE.min() <= SIZE.max() <= x_range[1]


def test_a_batch_is_drawn_in_colour_among_all_the_houses_with_the_line_before_the_update():
    batch = np.array([0, 2])
    line, before = linear.score(SIZE, PRICE, 150, 0), linear.score(SIZE, PRICE, 120, 0)
    fig = plain(regression.batch_fit(SIZE, PRICE, batch, line, before))
    names = [t["name"] for t in fig["data"]]
    assert names == ["Other houses", "Your misses", "This batch", "Previous line", "Your line"]
    np.testing.assert_allclose(fig["data"][2]["x"], SIZE[batch])
    assert len(fig["data"][0]["x"]) == len(SIZE) - len(batch)
    every = plain(regression.batch_fit(SIZE, PRICE, np.array([1]), line))
    assert every["layout"]["yaxis"]["range"] == fig["layout"]["yaxis"]["range"]  # another batch, same frame


def test_after_an_update_the_misses_still_run_to_the_line_the_loss_was_measured_on():
    line, before = linear.score(SIZE, PRICE, 150, 0), linear.score(SIZE, PRICE, 120, 0)
    fig = plain(regression.batch_fit(SIZE, PRICE, np.arange(len(SIZE)), line, before))
    misses = next(t for t in fig["data"] if t["name"] == "Your misses")
    np.testing.assert_allclose(misses["y"][0::3], linear.predict(SIZE, 120, 0), rtol=1e-6)


def test_the_forward_pass_rings_each_prediction_on_the_line_and_no_miss_is_drawn_before_the_loss():
    """The loop drew every house's miss at Initialize and at the forward pass, beside a typical miss
    saying "not yet": misses are what the loss measures."""
    batch, line = np.array([0, 2]), linear.score(SIZE, PRICE, 150, 20_000)
    forward = plain(regression.batch_fit(SIZE, PRICE, batch, line, marks="predictions"))
    assert [t["name"] for t in forward["data"]] == ["Other houses", "This batch", "Your line", "Predictions"]
    rings = forward["data"][-1]
    np.testing.assert_allclose(rings["x"], SIZE[batch])
    np.testing.assert_allclose(rings["y"], linear.predict(SIZE[batch], 150, 20_000), rtol=1e-6)
    start = plain(regression.batch_fit(SIZE, PRICE, np.arange(len(SIZE)), line, batch_name="Houses sold", marks="none"))
    assert [t["name"] for t in start["data"]] == ["Houses sold", "Your line"]
    measured = plain(regression.batch_fit(SIZE, PRICE, batch, line))
    assert "Your misses" in [t["name"] for t in measured["data"]]
    assert (
        forward["layout"]["yaxis"]["range"] == start["layout"]["yaxis"]["range"] == measured["layout"]["yaxis"]["range"]
    )


def test_a_learners_columns_frame_the_chart_with_their_names_as_plain_text_and_their_signs():
    from playground.models.dataset import Pair, Quantity

    own = Pair(SIZE / 100, PRICE / 1e5, Quantity("<b>Price</b> & %{x}", "$"), Quantity("Rate", "", "%"), "t")
    frame = regression.frame(own)
    fig = plain(regression.line_fit(own.x, own.y, linear.score(own.x, own.y, 0.1, 1.0), on=frame))
    x_axis, y_axis = fig["layout"]["xaxis"], fig["layout"]["yaxis"]
    assert x_axis["title"]["text"].startswith("&lt;b&gt;Price&lt;/b&gt; &amp; ")
    assert "%{x}" not in x_axis["title"]["text"]  # a name cannot become a hover placeholder
    assert (x_axis["tickprefix"], y_axis["ticksuffix"]) == ("$", "%")
    rows = _trace(fig, "Your rows")
    assert "<b>" not in rows["hovertemplate"] and rows["hovertemplate"].count("%{") == 2
    low, high = y_axis["range"]
    assert low < own.y.min() and own.y.max() < high  # framed on the rows, not from zero
