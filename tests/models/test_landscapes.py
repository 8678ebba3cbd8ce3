import numpy as np
import pytest

from playground.models import dataset, houses, landscapes, linear
from tests.numeric import central_difference


def _own(scale_x: float, scale_y: float, slope: float) -> dataset.Pair:
    rng = np.random.default_rng(4)
    x = rng.uniform(10, 80, 150) * scale_x
    y = (slope * x / scale_x + 11 + rng.normal(0, 1.1, 150)) * scale_y
    return dataset.Pair(x, y, dataset.Quantity("Price", "$"), dataset.Quantity("Rate", "", "%"), "t")


OWN = {"conversion": _own(1, 1, -0.09), "tiny": _own(1e-9, 1e-9, 0.5), "huge": _own(1e12, 1e9, 3.0)}
LANDS = [*landscapes.LANDSCAPES.values(), *(landscapes.line_bowl(pair) for pair in OWN.values())]
IDS = [*landscapes.LANDSCAPES, *(f"your {name}" for name in OWN)]


def _points(land, n=7, seed=0):
    rng = np.random.default_rng(seed)
    return zip(rng.uniform(*land.x_range, n), rng.uniform(*land.y_range, n), strict=True)


@pytest.mark.parametrize("land", LANDS, ids=IDS)
def test_every_gradient_matches_central_finite_differences(land):
    for x, y in _points(land):
        numeric = central_difference(lambda p: float(land.loss(p[0], p[1])), np.array([x, y]), eps=1e-6)
        exact = np.array(land.grad(np.float64(x), np.float64(y)))
        np.testing.assert_allclose(exact, numeric, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("land", LANDS, ids=IDS)
def test_the_listed_minima_are_flat_and_lower_than_their_surroundings(land):
    for mx, my in land.minima:
        gx, gy = land.grad(np.float64(mx), np.float64(my))
        assert np.hypot(gx, gy) < 1e-5
        ring = np.linspace(0, 2 * np.pi, 16, endpoint=False)
        around = land.loss(mx + 0.05 * np.cos(ring), my + 0.05 * np.sin(ring))
        assert np.all(around > land.loss(np.float64(mx), np.float64(my)))


@pytest.mark.parametrize("land", LANDS, ids=IDS)
def test_grid_is_vectorised_and_matches_pointwise(land):
    xs, ys, Z = landscapes.grid(land, n=30)
    assert Z.shape == (30, 30)
    assert Z[4, 17] == pytest.approx(float(land.loss(xs[17], ys[4])))


def test_house_bowl_is_the_mean_squared_error_of_the_house_line():
    data = houses.load()
    w, b = 1.5, 0.7
    direct = np.mean((w * data.size / 1_000 + b - data.price / 100_000) ** 2)
    assert landscapes.HOUSE.loss(np.float64(w), np.float64(b)) == pytest.approx(direct)


def test_house_bowls_floor_is_the_least_squares_line():
    data = houses.load()
    design = np.column_stack([data.size / 1_000, np.ones(len(data))])
    (w, b), *_ = np.linalg.lstsq(design, data.price / 100_000, rcond=None)
    assert landscapes.HOUSE.minima[0] == pytest.approx((w, b), rel=1e-9)


def test_the_mountain_range_has_three_valleys_of_different_depths_deepest_first():
    land = landscapes.MOUNTAINS
    depths = [float(land.loss(np.float64(x), np.float64(y))) for x, y in land.minima]
    assert len(depths) == 3 and depths == sorted(depths) and depths[1] - depths[0] > 0.5


def test_the_plateau_is_nearly_flat_far_from_its_valley():
    gx, gy = landscapes.PLATEAU.grad(np.float64(4.0), np.float64(3.5))
    assert np.hypot(gx, gy) < 1e-4


def test_fractions_of_the_map_are_points_on_it():
    land = landscapes.RAVINE
    assert land.at(0, 0) == (-3.0, -3.0) and land.at(0.5, 1.0) == (0.0, 3.0)


@pytest.mark.parametrize("pair", OWN.values(), ids=OWN)
def test_your_bowl_is_your_lines_loss_and_its_floor_your_least_squares_line(pair):
    land = landscapes.line_bowl(pair)
    units = land.units
    for w, b in _points(land):
        real_w, real_b = units.line_in_dollars(w, b)
        assert land.loss(np.float64(w), np.float64(b)) * units.price**2 == pytest.approx(
            linear.mse(pair.x, pair.y, real_w, real_b), rel=1e-6
        )
    best = linear.fit_least_squares(pair.x, pair.y)
    floor = units.line_in_dollars(*land.minima[0])
    assert floor == pytest.approx((best.w, best.b), rel=1e-6, abs=1e-9 * abs(best.b))
    assert max(abs(v) for v in land.minima[0]) == pytest.approx(2.0, rel=1e-6)
    assert land.reads == (pair.x_is, pair.y_is)


@pytest.mark.parametrize("pair", OWN.values(), ids=OWN)
def test_your_bowl_is_as_steep_as_the_houses_so_the_same_rates_settle_bounce_or_blow_up(pair):
    from playground.models import descent

    land = landscapes.line_bowl(pair)
    for lr, settles in ((0.1, True), (0.2, False)):
        path = descent.run(land, "gd", land.at(0.2, 0.9), lr, 150)
        house = descent.run(landscapes.HOUSE, "gd", landscapes.HOUSE.at(0.2, 0.9), lr, 150)
        assert (path.outcome == "settled") is settles and (house.outcome == "settled") is settles
