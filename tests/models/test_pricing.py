"""The Loss functions page's comparison, computed in one call and checked against its parts."""

import numpy as np
import pytest

from playground.models import houses, linear, losses, pricing


def test_mansions_pull_the_squared_line_and_barely_move_the_absolute_one():
    study = pricing.price_houses(4, delta=50_000, k=2.0)
    assert study.mansion.sum() == 4 and study.mansion[-4:].all() and len(study.size) == len(houses.load()) + 4
    assert study.moved["squared"] > 10 * abs(study.moved["absolute"])
    without = pricing.price_houses(0, delta=50_000, k=2.0)
    assert all(abs(m) < 1e-9 for m in without.moved.values())  # no mansions, nothing moved
    assert study.fits["squared"].w == pytest.approx(study.moved["squared"] + without.fits["squared"].w)


def test_misses_are_the_binned_errors_of_the_ordinary_houses_predicted_minus_actual():
    study = pricing.price_houses(2, delta=50_000, k=2.0)
    ordinary = houses.load()
    fit = study.fits["huber"]
    bands, means = linear.binned_means(ordinary.size, linear.predict(ordinary.size, fit.w, fit.b) - ordinary.price, 8)
    np.testing.assert_allclose(study.bands, bands)
    np.testing.assert_allclose(study.misses["huber"], means)


@pytest.mark.parametrize(("delta", "k"), [(10_000, 1.0), (50_000, 3.0), (200_000, 10.0)])
def test_the_misses_reach_spans_them_at_every_number_of_mansions_and_is_the_same_at_each(delta, k):
    studies = [pricing.price_houses(m, delta=delta, k=k) for m in range(len(houses.MANSIONS) + 1)]
    for kind in losses.LOSSES:
        low, high = studies[0].reach[kind]
        assert all(s.reach[kind] == (low, high) for s in studies)  # one frame whatever the count
        seen = np.concatenate([s.misses[kind] for s in studies])
        slack = 0.01 * (high - low)  # read off no mansions and all of them: the counts between stay inside
        assert low - slack <= seen.min() and seen.max() <= high + slack
        assert (seen.min(), seen.max()) == pytest.approx((low, high), abs=slack)
    assert studies[-1].reach["squared"][1] > 5 * studies[0].misses["squared"].max()  # the mansions' pull is in it


@pytest.mark.parametrize("k", [1.0, 3.0, 10.0])
def test_the_asymmetric_line_costs_the_business_least_when_it_is_fitted_to_that_cost(k):
    study = pricing.price_houses(0, delta=50_000, k=k)
    costs = {kind: o.mean_cost for kind, o in study.outcomes.items()}
    assert study.cheapest == min(costs, key=costs.get)
    assert costs["asymmetric"] <= min(costs.values()) + 1e-6 * costs["asymmetric"]
    assert set(study.outcomes) == set(losses.LOSSES)


def test_moving_hubers_delta_refits_only_hubers_lines():
    asked = []

    def spy(kind, mansions, delta, k):
        asked.append((kind, mansions, delta, k))
        return pricing.line(kind, mansions, delta, k)

    pricing.price_houses(1, delta=50_000, k=3.0, line=spy)
    first = set(asked)
    asked.clear()
    pricing.price_houses(1, delta=80_000, k=3.0, line=spy)
    assert {a[0] for a in set(asked) - first} == {"huber"}  # every other line is the one already fitted
