import numpy as np
import pytest

from playground.models import digits, nn


def test_the_digits_are_the_uci_collection():
    d = digits.load()
    assert d.X.shape == (1797, 64) and d.X.min() == 0 and d.X.max() == 1
    assert sorted(np.unique(d.y)) == list(range(10))


def test_the_split_is_fixed_and_disjoint():
    d = digits.load()
    train, test = digits.split(d)
    again, _ = digits.split(d)
    np.testing.assert_array_equal(train.y, again.y)
    assert len(train.y) + len(test.y) == 1797 and 400 < len(test.y) < 500


def test_the_shipped_network_reads_held_out_digits_above_ninety_percent():
    _, test = digits.split(digits.load())
    params = digits.load_weights()
    assert nn.widths_of(params) == digits.WIDTHS
    assert digits.accuracy(params, test) > 0.9


def test_training_from_the_fixed_seed_reaches_the_stated_accuracy_and_the_shipped_weights():
    train, test = digits.split(digits.load())
    params = digits.train(train)  # what scripts/train_digits.py runs
    assert digits.accuracy(params, test) > 0.9
    shipped = digits.load_weights()
    for key in params:
        np.testing.assert_allclose(params[key], shipped[key], rtol=1e-5, atol=1e-6)


def test_noise_keeps_pixels_in_range():
    noisy = digits.with_noise(np.full(64, 0.5), 2.0, np.random.default_rng(0))
    assert noisy.min() >= 0 and noisy.max() <= 1 and not np.allclose(noisy, 0.5)


@pytest.mark.parametrize("count", [2, 10, 449, 450, 512])
def test_random_digit_shows_every_digit_once_before_any_repeats(count):
    seen, pick = [], 0
    for _ in range(count):
        pick = digits.another(pick, count)
        seen.append(pick)
    assert sorted(seen) == list(range(count))
    assert abs(seen[1] - seen[0]) > count // 4 or count < 8  # a jump, not the next digit
