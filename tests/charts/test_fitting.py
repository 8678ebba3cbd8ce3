import numpy as np
import pytest

from playground.charts import fitting as fit_charts
from playground.charts import theme
from playground.models import fitting
from tests.apptest import plain

S = fitting.sample(np.random.default_rng(0), 20, 60.0)
SWEEP = fitting.sweep(S)
FLOOR = fitting.noise_floor(S)
VERDICTS = fitting.verdicts(SWEEP, FLOOR)


def _named(fig, name):
    return next(t for t in fig["data"] if t["name"] == name)


def test_fit_view_draws_both_sets_the_truth_and_the_model():
    grid = np.linspace(*fitting.X_RANGE, 50)
    model = fitting.fit(S.x_train, S.y_train, 3)
    fig = plain(fit_charts.fit_view(S, grid, model.predict(grid), fitting.truth(grid)))
    # sizes in sq ft and prices in dollars, like every other page
    np.testing.assert_allclose(_named(fig, "Training houses")["x"], S.x_train * 1000, rtol=1e-6)
    np.testing.assert_allclose(_named(fig, "Training houses")["y"], S.y_train * 1000, rtol=1e-6)
    assert len(_named(fig, "Validation houses (new data)")["x"]) == len(S.x_val)
    np.testing.assert_allclose(_named(fig, "The real pattern")["y"], fitting.truth(grid) * 1000, rtol=1e-6)
    np.testing.assert_allclose(_named(fig, "The model")["y"], model.predict(grid) * 1000, rtol=1e-5)
    low, high = fig["layout"]["yaxis"]["range"]
    assert low < S.y_train.min() * 1000 and high > S.y_train.max() * 1000
    assert fig["layout"]["xaxis"]["title"]["text"] == theme.AXIS["size"] == "House size (sq ft)"
    assert fig["layout"]["yaxis"]["title"]["text"] == theme.AXIS["price"] == "Sale price ($)"


def test_a_wild_model_curve_is_clipped_not_allowed_to_stretch_the_axis():
    grid = np.linspace(*fitting.X_RANGE, 50)
    wild = np.full(50, 1e9)
    fig = plain(fit_charts.fit_view(S, grid, wild, fitting.truth(grid)))
    assert max(_named(fig, "The model")["y"]) < 1e8
    assert fig["layout"]["yaxis"]["range"][1] < 2_000_000  # the market's range, not the curve's


def test_complexity_curve_marks_zones_the_current_and_the_best_degree():
    fig = plain(fit_charts.complexity_curve(SWEEP, 12, VERDICTS, FLOOR))
    np.testing.assert_allclose(_named(fig, "Validation error")["y"], SWEEP.val * 1000, rtol=1e-5)
    star = _named(fig, f"Best on new data (degree {SWEEP.best})")
    assert list(star["x"]) == [SWEEP.best]
    rects = [s for s in fig["layout"]["shapes"] if s["type"] == "rect"]
    texts = [a["text"] for a in fig["layout"]["annotations"]]
    assert texts == ["underfit", "good<br>fit", "overfit"]
    assert rects[0]["x0"] == -0.5 and rects[-1]["x1"] == fitting.MAX_DEGREE + 0.5
    (current,) = (s for s in fig["layout"]["shapes"] if s["type"] == "line")
    assert current["x0"] == current["x1"] == 12


def _three_charts():
    history = fitting.train_by_descent(S, 15, 100)
    curve = fitting.learning_curve(0, (10, 30, 100), 3, 60.0)
    yield "complexity", plain(fit_charts.complexity_curve(SWEEP, 12, VERDICTS, FLOOR)), (-0.5, fitting.MAX_DEGREE + 0.5)
    yield "epochs", plain(fit_charts.epoch_curves(history, FLOOR)), (1, 100)
    yield "data size", plain(fit_charts.data_size_curve(curve, FLOOR)), (10, 100)


@pytest.mark.parametrize(("name", "fig", "ends"), list(_three_charts()), ids=lambda v: v if isinstance(v, str) else "")
def test_the_least_possible_miss_is_a_dashed_line_named_in_the_legend_not_beside_it(name, fig, ends):
    """On the data-size chart its label sat under the line at the right, where both curves meet the
    line: the training curve ran through the words."""
    floor = _named(fig, "least possible miss")
    assert floor["line"]["dash"] == "dash" and tuple(floor["x"]) == ends
    assert list(floor["y"]) == pytest.approx([FLOOR * 1000] * 2)
    assert "least possible miss" not in str(fig["layout"].get("annotations", []))


def test_the_error_axis_is_linear_from_zero_so_the_u_is_visible():
    fig = plain(fit_charts.complexity_curve(SWEEP, 3, VERDICTS, FLOOR))
    low, high = fig["layout"]["yaxis"]["range"]
    assert fig["layout"]["yaxis"].get("type", "linear") == "linear" and low == 0
    assert high <= 4 * 1.15 * FLOOR * 1000  # wild misses leave through the top
    # the U: the best degree is lower on the chart than both ends
    val = SWEEP.val * 1000
    assert val[SWEEP.best] < val[0] and val[SWEEP.best] < min(val[-1], high)


def test_epoch_curves_mark_the_best_epoch_and_shade_what_follows():
    history = fitting.train_by_descent(S, 15, 10_000, keep=160)
    assert history.overtrained
    fig = plain(fit_charts.epoch_curves(history, FLOOR))
    shade = next(s for s in fig["layout"]["shapes"] if s["type"] == "rect")
    assert shade["x0"] == history.best_epoch and shade["x1"] == 10_000
    label = fig["layout"]["annotations"][0]
    assert f"epoch {history.best_epoch}" in label["text"]
    assert label["x"] == pytest.approx(np.log10(history.best_epoch))  # a log axis places annotations by log
    # epoch 0 has no place on a log axis: every other kept epoch is drawn
    assert list(_named(fig, "Training error")["x"]) == list(history.epochs[1:])


@pytest.mark.parametrize(("best", "side"), [(21, "left"), (300, "left"), (3_000, "right")])
def test_the_best_epochs_words_stay_inside_the_chart(best, side):
    """At 390 px "lowest validation error: epoch 21" ran off the chart's right edge: two short lines,
    and to the left of the line once the best epoch is late."""
    epochs = np.array(sorted({0, 1, 10, 100, best, 10_000}))
    val = np.where(epochs == best, 50.0, 80.0)
    history = fitting.EpochErrors(epochs, np.full(len(epochs), 30.0), val)
    label = plain(fit_charts.epoch_curves(history, FLOOR))["layout"]["annotations"][0]
    assert label["xanchor"] == side and label["text"] == f"lowest validation<br>error: epoch {best:,}"


def test_epochs_run_on_a_log_axis_so_the_first_tens_and_the_last_thousands_both_show():
    history = fitting.train_by_descent(S, 15, 10_000, keep=160)
    fig = plain(fit_charts.epoch_curves(history, FLOOR))
    xaxis = fig["layout"]["xaxis"]
    assert xaxis["type"] == "log" and xaxis["range"][0] == 0 and 4 < xaxis["range"][1] < 4.2  # 1 to 10,000
    assert list(xaxis["tickvals"]) == [1, 10, 100, 1000, 10_000] and xaxis["ticktext"][-1] == "10,000"
    assert xaxis["title"]["text"] == "Epoch (log scale)"
    val = _named(fig, "Validation error")
    assert len(val["x"]) < 170 and val["x"][-1] == 10_000
    low, high = fig["layout"]["yaxis"]["range"]
    assert low == 0 and max(val["y"][-20:]) < high  # the climb at the end stays on the chart


def test_data_size_curve_labels_every_size():
    curve = fitting.learning_curve(0, (10, 30, 100), 3, 60.0)
    fig = plain(fit_charts.data_size_curve(curve, 60.0))
    assert list(fig["layout"]["xaxis"]["tickvals"]) == [10, 30, 100]
    np.testing.assert_allclose(_named(fig, "Validation error")["y"], curve.val * 1000, rtol=1e-5)


def test_the_data_size_curve_keeps_the_complexity_charts_axis_whatever_the_degree():
    """Its axis swung from $78k to $273k as the degree changed, so every degree's curve looked alike."""
    s = fitting.sample(np.random.default_rng(0), 20, 60.0)
    sweep, floor = fitting.sweep(s, 0.0), fitting.noise_floor(s)
    frame = plain(fit_charts.complexity_curve(sweep, 3, fitting.verdicts(sweep, floor), floor))["layout"]["yaxis"]
    tops = set()
    for degree in (0, 2, 3, 9, 15):
        curve = fitting.learning_curve(0, (10, 30, 100), degree, 60.0, exam=s)
        tops.add(tuple(plain(fit_charts.data_size_curve(curve, floor, frame=sweep))["layout"]["yaxis"]["range"]))
    assert tops == {tuple(frame["range"])}


def test_epoch_curves_shade_nothing_when_training_longer_did_no_harm():
    history = fitting.train_by_descent(fitting.sample(np.random.default_rng(0), 15, 60.0), 15, 200, l2=1.0)
    assert not history.overtrained
    fig = plain(fit_charts.epoch_curves(history, FLOOR))
    assert not [s for s in fig["layout"]["shapes"] if s["type"] == "rect"]


def test_a_level_curve_is_marked_where_it_levels_off_not_at_a_lowest_point_nobody_can_see():
    """With 300 houses the chart said "lowest validation error: epoch 14" in the best epoch's green on a
    curve flat from there to epoch 10,000, beside a caption saying it levels off."""
    history = fitting.train_by_descent(fitting.sample(np.random.default_rng(0), 300, 60.0), 15, 10_000, keep=160)
    assert history.level and not history.overtrained
    fig = plain(fit_charts.epoch_curves(history, FLOOR))
    (line,) = fig["layout"]["shapes"]  # no shading
    label = fig["layout"]["annotations"][0]
    assert line["x0"] == history.level_from and line["line"]["color"] != theme.BEST
    assert label["text"] == f"validation error level<br>from epoch {history.level_from:,}"
    after = history.val[history.epochs >= history.level_from]
    assert after.max() <= 1.02 * history.val.min() < history.val[history.epochs < history.level_from].min()
