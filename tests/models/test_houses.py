import numpy as np
import pytest

from playground.models import houses, linear
from scripts.make_houses import SEED


def test_shipped_csv_is_exactly_what_the_seeded_rule_generates(tmp_path):
    regenerated = tmp_path / "houses.csv"
    houses.save(houses.generate(np.random.default_rng(SEED), n_houses=200), regenerated)
    assert regenerated.read_text() == houses.HOUSES_CSV.read_text()


def test_house_data_is_realistic():
    data = houses.load()
    assert 100 <= len(data) <= 300
    assert data.size.min() >= 700 and data.size.max() <= 3_800
    assert data.price.min() >= 60_000 and 250_000 < np.median(data.price) < 600_000


def test_generate_is_reproducible_from_its_seed():
    a = houses.generate(np.random.default_rng(5), 20)
    b = houses.generate(np.random.default_rng(5), 20)
    np.testing.assert_array_equal(a.price, b.price)


def test_houses_reject_mismatched_columns():
    with pytest.raises(ValueError, match="equal length"):
        houses.Houses(size=np.ones(3), price=np.ones(2))


def test_the_shared_house_data_is_read_once_and_cannot_be_changed():
    data = houses.load()
    assert houses.load() is data  # one copy for every viewer
    with pytest.raises(ValueError, match="read-only"):
        data.price[0] = 1.0


@pytest.mark.parametrize("units", [houses.SCALED, houses.THOUSANDS])
def test_a_line_fitted_in_friendly_units_is_the_same_line_in_dollars(units):
    data = houses.load()
    dollars = linear.fit_least_squares(data.size, data.price)
    friendly = linear.fit_least_squares(*units.view(data.size, data.price))
    assert units.line_in_dollars(friendly.w, friendly.b) == pytest.approx((dollars.w, dollars.b), rel=1e-9)
    assert units.dollars(friendly.rmse) == pytest.approx(dollars.rmse, rel=1e-9)
