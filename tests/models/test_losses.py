import numpy as np
import pytest

from playground.models import houses, linear, losses
from tests.numeric import central_difference

# Errors chosen away from every kink (0 and +-delta) so finite differences are exact enough.
ERRORS = np.array([-3.0, -1.5, -0.4, 0.3, 0.9, 2.5])


@pytest.mark.parametrize(
    ("kind", "params", "expected"),
    [
        pytest.param("squared", {}, [9.0, 2.25, 0.16, 0.09, 0.81, 6.25], id="squared"),
        pytest.param("absolute", {}, [3.0, 1.5, 0.4, 0.3, 0.9, 2.5], id="absolute"),
        # inside delta=1 it is e^2; outside 2*|e| - 1
        pytest.param("huber", {"delta": 1.0}, [5.0, 2.0, 0.16, 0.09, 0.81, 4.0], id="huber delta 1"),
        # under-predictions (e < 0) cost 3x
        pytest.param("asymmetric", {"k": 3.0}, [9.0, 4.5, 1.2, 0.3, 0.9, 2.5], id="asymmetric k 3"),
    ],
)
def test_penalties_match_hand_computed_tables(kind, params, expected):
    np.testing.assert_allclose(losses.penalty(kind, ERRORS, **params), expected)


@pytest.mark.parametrize("kind", losses.TABLE)  # every loss in the table, a new one included
@pytest.mark.parametrize("params", [{"delta": 1.0, "k": 3.0}, {"delta": 0.5, "k": 0.5}], ids=["d1-k3", "d0.5-k0.5"])
def test_gradients_match_central_finite_differences(kind, params):
    loss = losses.TABLE[kind]
    away_from_kinks = np.abs(np.abs(ERRORS) - params["delta"]) > 1e-3
    errors = ERRORS[away_from_kinks & (ERRORS != 0)]  # the kinks: Huber's joins, and zero for the others
    for e in errors:
        numeric = central_difference(lambda v: float(loss.penalty(v, params["delta"], params["k"])[0]), np.array([e]))
        assert loss.gradient(np.array([e]), params["delta"], params["k"])[0] == pytest.approx(numeric[0], rel=1e-6)


def test_the_chapters_example_400k_vs_500k():
    e = np.array([400_000.0 - 500_000.0])
    assert losses.penalty("squared", e)[0] == 1e10
    assert losses.penalty("absolute", e)[0] == 1e5
    assert losses.penalty("asymmetric", e, k=3)[0] == 3e5


def test_all_penalties_in_units_of_100k():
    scored = losses.all_penalties(np.array([-100_000.0, 200_000.0]), delta=50_000.0, k=3.0, unit=100_000.0)
    np.testing.assert_allclose(scored["squared"], [1.0, 4.0])
    np.testing.assert_allclose(scored["absolute"], [1.0, 2.0])
    np.testing.assert_allclose(scored["huber"], [2 * 0.5 * 1 - 0.25, 2 * 0.5 * 2 - 0.25])
    np.testing.assert_allclose(scored["asymmetric"], [3.0, 2.0])


def test_huber_is_squared_inside_delta_and_grows_linearly_outside():
    inside = np.linspace(-0.99, 0.99, 11)
    np.testing.assert_allclose(losses.penalty("huber", inside, delta=1.0), inside**2)
    far = losses.penalty("huber", np.array([10.0, 20.0]), delta=1.0)
    assert far[1] - far[0] == pytest.approx(20.0)  # slope 2 * delta


@pytest.mark.parametrize(
    ("kind", "delta", "k", "message"),
    [("hinge", 1, 1, "unknown loss"), ("huber", 0, 1, "delta"), ("asymmetric", 1, -2, "under-prediction cost")],
)
def test_bad_loss_arguments_are_rejected(kind, delta, k, message):
    with pytest.raises(ValueError, match=message):
        losses.penalty(kind, ERRORS, delta=delta, k=k)


@pytest.mark.parametrize(
    ("y", "p", "expected"),
    [(1, 0.5, np.log(2)), (1, 1.0, 0.0), (0, 0.25, -np.log(0.75)), (1, 0.01, -np.log(0.01))],
)
def test_cross_entropy_by_hand(y, p, expected):
    assert losses.binary_cross_entropy(np.array([y]), np.array([p]))[0] == pytest.approx(expected, abs=1e-9)


def test_cross_entropy_of_certain_and_wrong_is_large_but_finite():
    worst = losses.binary_cross_entropy(np.array([1.0]), np.array([0.0]))[0]
    assert np.isfinite(worst) and worst == pytest.approx(-np.log(losses.P_FLOOR))


@pytest.mark.parametrize(("y", "p"), [(1, 0.3), (1, 0.9), (0, 0.2), (0, 0.7)])
def test_cross_entropy_gradient_matches_finite_differences(y, p):
    numeric = central_difference(lambda v: float(losses.binary_cross_entropy(np.array([y]), v)[0]), np.array([p]))
    assert losses.binary_cross_entropy_grad(np.array([y]), np.array([p]))[0] == pytest.approx(numeric[0], rel=1e-6)


def test_outcomes_count_under_and_over_pricing():
    out = losses.outcomes(
        y_true=np.array([100.0, 100.0, 100.0, 100.0]), y_pred=np.array([90.0, 80.0, 110.0, 100.0]), k=3
    )
    assert out.share_under == 0.5
    assert out.mean_under == pytest.approx(30 / 4) and out.mean_over == pytest.approx(10 / 4)
    assert out.mean_cost == pytest.approx(3 * 30 / 4 + 10 / 4)
    assert out.mean_cost == pytest.approx(losses.mean_loss("asymmetric", np.full(4, 100.0), [90, 80, 110, 100], k=3))


# Fitting a line under each loss ------------------------------------------------------------

DATA = houses.load()


def test_squared_fit_is_least_squares():
    fit = linear.fit_under_loss(DATA.size, DATA.price, "squared")
    design = np.column_stack([DATA.size, np.ones_like(DATA.size)])
    (w, b), *_ = np.linalg.lstsq(design, DATA.price, rcond=None)
    assert (fit.w, fit.b) == pytest.approx((w, b), rel=1e-9)


def _brute_force_l1(x, y):
    """The least-absolute-error line passes through two data points: try every pair."""
    best = np.inf
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            if x[i] == x[j]:
                continue
            w = (y[j] - y[i]) / (x[j] - x[i])
            b = y[i] - w * x[i]
            best = min(best, float(np.mean(np.abs(w * x + b - y))))
    return best


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_absolute_fit_matches_a_brute_force_search(seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 10, 15)
    y = 2 * x + 1 + rng.standard_t(2, 15)
    fit = linear.fit_under_loss(x, y, "absolute")
    assert fit.loss == pytest.approx(_brute_force_l1(x, y), rel=1e-6)


@pytest.mark.parametrize("kind", ["absolute", "huber", "asymmetric"])
def test_no_nudge_of_the_knobs_lowers_the_fitted_loss(kind):
    params = {"delta": 40_000.0, "k": 3.0}
    fit = linear.fit_under_loss(DATA.size, DATA.price, kind, **params)
    for dw, db in [(0.5, 0), (-0.5, 0), (0, 500), (0, -500), (0.3, -800), (-0.3, 800)]:
        nudged = losses.mean_loss(kind, DATA.price, linear.predict(DATA.size, fit.w + dw, fit.b + db), **params)
        assert nudged >= fit.loss * (1 - 1e-9)


def test_huber_fit_has_zero_gradient():
    delta = 40_000.0
    fit = linear.fit_under_loss(DATA.size, DATA.price, "huber", delta=delta)
    g = losses.gradient("huber", linear.predict(DATA.size, fit.w, fit.b) - DATA.price, delta=delta)
    scale = 2 * delta
    assert abs(np.mean(g)) / scale < 1e-6
    assert abs(np.mean(g * (DATA.size - DATA.size.mean()))) / (scale * DATA.size.std()) < 1e-6


@pytest.mark.parametrize("k", [1.0, 3.0, 9.0])
def test_asymmetric_fit_leaves_the_requested_share_below_the_line(k):
    fit = linear.fit_under_loss(DATA.size, DATA.price, "asymmetric", k=k)
    below = np.mean(DATA.price < linear.predict(DATA.size, fit.w, fit.b))
    assert below == pytest.approx(k / (1 + k), abs=2 / len(DATA))


def test_mansions_pull_the_squared_line_far_more_than_the_absolute_line():
    moved = {}
    for kind in ("squared", "absolute", "huber"):
        clean = linear.fit_under_loss(DATA.size, DATA.price, kind, delta=50_000.0)
        rich = houses.with_mansions(DATA, 2)
        dirty = linear.fit_under_loss(rich.size, rich.price, kind, delta=50_000.0)
        moved[kind] = abs(dirty.w - clean.w)
    assert moved["squared"] > 10 * moved["absolute"]
    assert moved["squared"] > 5 * moved["huber"]
    assert moved["squared"] > 20  # dollars per square foot: plain to see


def test_with_mansions_appends_the_first_n():
    assert len(houses.with_mansions(DATA, 0)) == len(DATA)
    rich = houses.with_mansions(DATA, 3)
    assert len(rich) == len(DATA) + 3 and rich.price[-1] == houses.MANSIONS[2][1]
    with pytest.raises(ValueError, match="between 0 and"):
        houses.with_mansions(DATA, 9)
