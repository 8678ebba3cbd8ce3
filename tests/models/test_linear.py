import numpy as np
import pytest

from playground.models import houses, linear
from tests.numeric import central_difference

# A table small enough to check by hand: x = 1, 2, 3 and y = 2, 4, 7.
X = np.array([1.0, 2.0, 3.0])
Y = np.array([2.0, 4.0, 7.0])


@pytest.mark.parametrize(
    ("w", "b", "expected"),
    [
        pytest.param(2.0, 0.0, 1.0 / 3.0, id="w2-b0: misses 0,0,-1"),
        pytest.param(0.0, 0.0, (4 + 16 + 49) / 3, id="zero-knobs: misses are the prices"),
        pytest.param(2.5, -1.0, (0.25 + 0 + 0.25) / 3, id="w2.5-b-1: misses -0.5,0,0.5"),
    ],
)
def test_mse_matches_hand_computed_table(w, b, expected):
    assert linear.mse(X, Y, w, b) == pytest.approx(expected)


@pytest.mark.parametrize(("w", "b"), [(0.0, 0.0), (2.0, 1.0), (-3.0, 5.0)])
def test_mse_gradient_matches_finite_differences(w, b):
    numeric = central_difference(lambda p: linear.mse(X, Y, p[0], p[1]), np.array([w, b]))
    assert linear.mse_grad(X, Y, w, b) == pytest.approx(tuple(numeric), rel=1e-6, abs=1e-6)


def test_mse_gradient_on_house_scale_matches_finite_differences():
    data = houses.load()
    w, b = 120.0, 30_000.0
    numeric = central_difference(lambda p: linear.mse(data.size, data.price, p[0], p[1]), np.array([w, b]))
    assert linear.mse_grad(data.size, data.price, w, b) == pytest.approx(tuple(numeric), rel=1e-5)


def test_best_knobs_equal_lstsq_on_house_data():
    data = houses.load()
    design = np.column_stack([data.size, np.ones_like(data.size)])
    (w, b), *_ = np.linalg.lstsq(design, data.price, rcond=None)
    fit = linear.fit_least_squares(data.size, data.price)
    assert (fit.w, fit.b) == pytest.approx((w, b), rel=1e-9)
    assert fit.mse == pytest.approx(linear.mse(data.size, data.price, w, b))


def test_best_knobs_have_zero_gradient_and_beat_any_nudge():
    data = houses.load()
    fit = linear.fit_least_squares(data.size, data.price)
    dw, db = linear.mse_grad(data.size, data.price, fit.w, fit.b)
    assert abs(dw) < 1e-3 and abs(db) < 1e-6
    for dw_, db_ in [(1, 0), (-1, 0), (0, 1000), (0, -1000)]:
        assert linear.mse(data.size, data.price, fit.w + dw_, fit.b + db_) > fit.mse


def test_rmse_is_square_root_of_mse_in_dollars():
    fit = linear.score(X, Y, 2.0, 0.0)
    assert fit.rmse == pytest.approx(np.sqrt(1 / 3))


def test_fit_rejects_x_without_spread():
    with pytest.raises(ValueError, match="no spread"):
        linear.fit_least_squares(np.ones(4), np.arange(4.0))


def test_mismatched_shapes_are_rejected_with_both_shapes():
    with pytest.raises(ValueError, match=r"\(3,\) and \(2,\)"):
        linear.mse(X, Y[:2], 1.0, 0.0)


def test_clean_data_leaves_the_fit_unchanged():
    data = houses.load()
    clean = linear.corrupt_labels(data.price, 0.0, np.random.default_rng(3))
    assert not clean.corrupted.any()
    np.testing.assert_array_equal(clean.price, data.price)


@pytest.mark.parametrize("share", [0.1, 0.2, 0.4])
def test_corrupted_labels_turn_the_weight_down(share):
    data = houses.load()
    clean = linear.fit_least_squares(data.size, data.price)
    dirty = linear.corrupt_labels(data.price, share, np.random.default_rng(0))
    assert dirty.corrupted.sum() == round(share * len(data))
    drift = linear.fit_least_squares(data.size, dirty.price).w - clean.w
    assert drift < -10  # dollars per square foot: a drift a learner sees


def test_corruption_keeps_the_same_prices_only_reassigned():
    data = houses.load()
    dirty = linear.corrupt_labels(data.price, 0.3, np.random.default_rng(1))
    np.testing.assert_array_equal(np.sort(dirty.price), np.sort(data.price))
    np.testing.assert_array_equal(dirty.price[~dirty.corrupted], data.price[~dirty.corrupted])


def test_corruption_does_not_change_its_input():
    y = np.arange(10.0)
    linear.corrupt_labels(y, 0.5, np.random.default_rng(0))
    np.testing.assert_array_equal(y, np.arange(10.0))


def test_a_larger_share_corrupts_the_same_rows_and_more():
    y = np.arange(50.0)
    small = linear.corrupt_labels(y, 0.2, np.random.default_rng(7)).corrupted
    large = linear.corrupt_labels(y, 0.4, np.random.default_rng(7)).corrupted
    assert np.all(large[small])


@pytest.mark.parametrize("share", [-0.1, 1.5, float("nan")])
def test_corruption_share_out_of_range_is_rejected(share):
    with pytest.raises(ValueError, match="share"):
        linear.corrupt_labels(np.arange(5.0), share, np.random.default_rng(0))


def test_binned_means_average_within_equal_width_bands():
    x = np.array([0.0, 1.0, 2.0, 9.0, 10.0])
    y = np.array([1.0, 3.0, 5.0, 7.0, 9.0])
    centres, means = linear.binned_means(x, y, 2)
    np.testing.assert_allclose(centres, [2.5, 7.5])
    np.testing.assert_allclose(means, [3.0, 8.0])


def test_binned_means_drop_empty_bands():
    centres, means = linear.binned_means(np.array([0.0, 10.0]), np.array([1.0, 2.0]), 5)
    np.testing.assert_allclose(centres, [1.0, 9.0])
    np.testing.assert_allclose(means, [1.0, 2.0])
