import numpy as np
import pytest

from playground.charts import fitting as fit_charts
from playground.charts import theme
from playground.models import fitting
from tests.apptest import plain

S = fitting.sample(np.random.default_rng(0), 20, 60.0)
SWEEP = fitting.sweep(S)
VERDICTS = fitting.verdicts(SWEEP)


def _named(fig, name):
    return next(t for t in fig["data"] if t["name"] == name)


def test_fit_view_draws_both_sets_the_truth_and_the_model():
    grid = np.linspace(*fitting.X_RANGE, 50)
    model = fitting.fit(S.x_train, S.y_train, 3)
    fig = plain(fit_charts.fit_view(S, grid, model.predict(grid), fitting.truth(grid)))
    np.testing.assert_allclose(_named(fig, "Training houses")["y"], S.y_train, rtol=1e-6)
    assert len(_named(fig, "Validation houses (new data)")["x"]) == len(S.x_val)
    np.testing.assert_allclose(_named(fig, "The real pattern")["y"], fitting.truth(grid), rtol=1e-6)
    np.testing.assert_allclose(_named(fig, "The model")["y"], model.predict(grid), rtol=1e-5)
    low, high = fig["layout"]["yaxis"]["range"]
    assert low < S.y_train.min() and high > S.y_train.max()
    assert fig["layout"]["xaxis"]["title"]["text"] == theme.AXIS["size_k"]


def test_a_wild_model_curve_is_clipped_not_allowed_to_stretch_the_axis():
    grid = np.linspace(*fitting.X_RANGE, 50)
    wild = np.full(50, 1e9)
    fig = plain(fit_charts.fit_view(S, grid, wild, fitting.truth(grid)))
    assert max(_named(fig, "The model")["y"]) < 1e5
    assert fig["layout"]["yaxis"]["range"][1] < 2_000


def test_complexity_curve_marks_zones_the_current_and_the_best_degree():
    fig = plain(fit_charts.complexity_curve(SWEEP, 12, VERDICTS, 60.0))
    np.testing.assert_allclose(_named(fig, "Validation error")["y"], SWEEP.val, rtol=1e-5)
    star = _named(fig, f"Best on new data (degree {SWEEP.best})")
    assert list(star["x"]) == [SWEEP.best]
    rects = [s for s in fig["layout"]["shapes"] if s["type"] == "rect"]
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["underfit", "good<br>fit", "overfit"]
    assert rects[0]["x0"] == -0.5 and rects[-1]["x1"] == fitting.MAX_DEGREE + 0.5
    current = next(s for s in fig["layout"]["shapes"] if s["type"] == "line")
    assert current["x0"] == current["x1"] == 12
    assert fig["layout"]["yaxis"]["type"] == "log"


def test_epoch_curves_mark_the_best_epoch_and_shade_what_follows():
    history = fitting.train_by_descent(S, 15, 100)
    fig = plain(fit_charts.epoch_curves(history, 60.0))
    shade = next(s for s in fig["layout"]["shapes"] if s["type"] == "rect")
    assert shade["x0"] == history.best_epoch and shade["x1"] == 100
    assert f"epoch {history.best_epoch}" in fig["layout"]["annotations"][0]["text"]
    assert len(_named(fig, "Training error")["x"]) == 101


def test_data_size_curve_labels_every_size():
    curve = fitting.learning_curve(0, (10, 30, 100), 3, 60.0)
    fig = plain(fit_charts.data_size_curve(curve, 60.0))
    assert list(fig["layout"]["xaxis"]["tickvals"]) == [10, 30, 100]
    np.testing.assert_allclose(_named(fig, "Validation error")["y"], curve.val, rtol=1e-5)


@pytest.mark.parametrize("noise", [10.0, 150.0])
def test_error_axes_start_at_a_tenth_of_the_noise(noise):
    fig = plain(fit_charts.complexity_curve(SWEEP, 3, VERDICTS, noise))
    assert 10 ** fig["layout"]["yaxis"]["range"][0] == pytest.approx(max(0.1 * noise, 1.0))
