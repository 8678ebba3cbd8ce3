import numpy as np
import pytest

from playground.models import dataset, linear


def pair(x, y, name="x"):
    return dataset.Pair(np.asarray(x, float), np.asarray(y, float), dataset.Quantity(name), dataset.Quantity("y"), "t")


@pytest.mark.parametrize(("value", "nice"), [(0.7, 1), (1, 1), (1.2, 2), (2.2, 2.5), (3, 5), (7, 10), (0.0013, 0.002)])
def test_nice_rounds_up_to_one_two_two_and_a_half_or_five(value, nice):
    assert dataset.nice(value) == pytest.approx(nice)


@pytest.mark.parametrize("scale", [1e-9, 1.0, 1e12])
@pytest.mark.parametrize("slope", [-3.0, 0.5, 180.0])
def test_the_knobs_reach_the_best_line_and_start_flat_at_the_average(scale, slope):
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 10, 50) * scale
    y = slope * x + 40 * scale + rng.normal(0, scale, 50)
    data = pair(x, y)
    w, b = dataset.knobs(data)
    best = linear.fit_least_squares(data.x, data.y)
    assert w.low <= best.w <= w.high and b.low <= best.b <= b.high
    assert w.default == 0 and b.default == pytest.approx(np.mean(y), abs=b.step)
    for knob in (w, b):
        steps = (knob.high - knob.low) / knob.step
        assert 50 <= steps <= 1_000 and steps == pytest.approx(round(steps))
        assert knob.snap(knob.default) == knob.default


def test_a_pair_refuses_what_a_line_cannot_use_and_cannot_be_changed():
    with pytest.raises(ValueError, match="finite"):
        pair([1, np.nan], [1, 2])
    with pytest.raises(ValueError, match="equal length"):
        pair([1, 2, 3], [1, 2])
    data = pair([1, 2], [3, 4])
    with pytest.raises(ValueError):
        data.x[0] = 9


def test_the_fingerprint_changes_with_the_numbers_or_the_names():
    base = pair([1, 2, 3], [4, 5, 6])
    assert base.fingerprint == pair([1, 2, 3], [4, 5, 6]).fingerprint
    assert base.fingerprint != pair([1, 2, 3], [4, 5, 7]).fingerprint
    assert base.fingerprint != pair([1, 2, 3], [4, 5, 6], name="z").fingerprint


def test_the_houses_as_a_pair_are_the_houses():
    from playground.models import houses

    data, h = dataset.house_pair(), houses.load()
    np.testing.assert_array_equal(data.x, h.size)
    np.testing.assert_array_equal(data.y, h.price)
    assert data.y_is.prefix == "$"


def test_a_chart_draws_every_row_of_a_short_table_and_a_fixed_sample_of_a_long_one():
    short = pair(np.arange(50), np.arange(50))
    np.testing.assert_array_equal(short.drawn(), np.arange(50))
    long = pair(np.arange(5_000), np.arange(5_000))
    drawn = long.drawn()
    assert len(drawn) == dataset.DRAWN and len(set(drawn)) == dataset.DRAWN
    assert (np.diff(drawn) > 0).all() and drawn[-1] > 4_000  # in order, spread over the whole table
    np.testing.assert_array_equal(drawn, long.drawn())
