import numpy as np
import pytest

from playground.models import network


@pytest.mark.parametrize(
    ("widths", "expected"),
    [
        pytest.param((1, 1), 2, id="the house line: one weight, one bias"),
        pytest.param((3, 4, 1), 3 * 4 + 4 + 4 * 1 + 1, id="3-4-1"),
        pytest.param((784, 128, 10), 784 * 128 + 128 + 128 * 10 + 10, id="digits 784-128-10"),
        pytest.param((2, 8, 8, 4), 2 * 8 + 8 + 8 * 8 + 8 + 8 * 4 + 4, id="2-8-8-4"),
    ],
)
def test_parameter_counts_by_hand(widths, expected):
    assert network.count_parameters(widths) == expected


def test_per_layer_counts_split_weights_and_biases():
    assert network.layer_parameter_counts((3, 4, 1)) == [(12, 4), (4, 1)]


@pytest.mark.parametrize("widths", [(3,), (3, 0, 1), (2, -1), (2, 1.5)])
def test_bad_layouts_are_rejected(widths):
    with pytest.raises(ValueError, match="layout"):
        network.count_parameters(widths)


def test_layout_skips_hidden_layers_of_width_zero():
    assert network.layout(3, (0, 5), 1) == (3, 5, 1)
    assert network.layout(2, (0, 0), 1) == (2, 1)


def test_random_weights_have_one_matrix_per_connection_and_follow_the_seed():
    first = network.random_weights((3, 4, 2), np.random.default_rng(1))
    again = network.random_weights((3, 4, 2), np.random.default_rng(1))
    assert [W.shape for W in first] == [(3, 4), (4, 2)]
    for a, b in zip(first, again, strict=True):
        np.testing.assert_array_equal(a, b)
    other = network.random_weights((3, 4, 2), np.random.default_rng(2))
    assert not np.allclose(first[0], other[0])
