import numpy as np
import pytest

from playground.models import nn
from tests.numeric import central_difference

SHAPES = [(3, 4, 2), (2, 3, 1), (5, 6, 4, 3)]


def _setup(widths, loss, seed=0):
    rng = np.random.default_rng(seed)
    params = nn.init(widths, rng)
    params = {k: v + 0.1 * rng.standard_normal(v.shape) for k, v in params.items()}  # non-zero biases too
    X = rng.standard_normal((5, widths[0]))
    y = rng.integers(0, widths[-1], 5) if loss == "softmax_cross_entropy" else rng.standard_normal((5, widths[-1]))
    return params, X, y


@pytest.mark.parametrize("widths", SHAPES, ids=["3-4-2", "2-3-1", "5-6-4-3"])
@pytest.mark.parametrize("hidden", ["relu", "sigmoid", "tanh", "identity"])
@pytest.mark.parametrize("loss", nn.LOSSES)
def test_every_parameter_gradient_matches_central_finite_differences(widths, hidden, loss):
    params, X, y = _setup(widths, loss)
    grads = nn.backward(params, nn.forward(params, X, hidden, loss), y, hidden, loss)
    for key, value in params.items():

        def f(v, key=key):
            return nn.loss_value(nn.forward({**params, key: v}, X, hidden, loss), y, loss)

        np.testing.assert_allclose(grads[key], central_difference(f, value, eps=1e-6), rtol=1e-4, atol=1e-7)


@pytest.mark.parametrize("hidden", ["relu", "sigmoid", "tanh"])
@pytest.mark.parametrize("loss", nn.LOSSES)
def test_the_input_gradient_matches_finite_differences(hidden, loss):
    params, X, y = _setup((3, 4, 2), loss, seed=1)
    grads = nn.backward(params, nn.forward(params, X, hidden, loss), y, hidden, loss)
    numeric = central_difference(lambda x: nn.loss_value(nn.forward(params, x, hidden, loss), y, loss), X)
    np.testing.assert_allclose(grads["a0"], numeric, rtol=1e-4, atol=1e-7)


def test_softmax_rows_are_probabilities_even_for_huge_scores():
    p = nn.softmax(np.array([[1000.0, 0.0, -1000.0], [1.0, 1.0, 1.0]]))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[1], 1 / 3)
    assert np.all(np.isfinite(p))


def test_cross_entropy_by_hand():
    out = nn.Forward(z=[], a=[np.zeros((2, 3)), np.array([[0.5, 0.25, 0.25], [0.1, 0.8, 0.1]])])
    assert nn.loss_value(out, np.array([0, 1])) == pytest.approx(-(np.log(0.5) + np.log(0.8)) / 2)


def test_a_forward_pass_leaves_every_parameter_as_it_was():
    params, X, _ = _setup((3, 4, 2), "softmax_cross_entropy")
    before = {k: v.copy() for k, v in params.items()}
    fingerprint = nn.fingerprint(params)
    nn.forward(params, X)
    for key in params:
        np.testing.assert_array_equal(params[key], before[key])
    assert nn.fingerprint(params) == fingerprint


def test_the_fingerprint_notices_any_change():
    params, _, _ = _setup((3, 4, 2), "softmax_cross_entropy")
    nudged = {**params, "b2": params["b2"] + np.array([1e-12, 0.0])}
    assert nn.fingerprint(nudged) != nn.fingerprint(params)


@pytest.mark.parametrize(
    ("widths", "params", "madds"),
    [((2, 3, 1), 2 * 3 + 3 + 3 * 1 + 1, 6 + 3), ((64, 32, 10), 64 * 32 + 32 + 32 * 10 + 10, 2048 + 320)],
)
def test_parameter_and_multiply_add_counts_by_hand(widths, params, madds):
    p = nn.init(widths, np.random.default_rng(0))
    assert nn.parameter_count(p) == params
    assert nn.multiply_adds(widths) == madds
    # forward, one gradient per weight, and blame passed back through every layer but the first
    assert nn.training_multiply_adds(widths) == 2 * madds + (3 * 1 if widths == (2, 3, 1) else 320)
    assert nn.widths_of(p) == widths


def test_the_forward_pass_records_every_layer():
    params, X, _ = _setup((5, 6, 4, 3), "softmax_cross_entropy")
    out = nn.forward(params, X, "tanh")
    assert [a.shape for a in out.a] == [(5, 5), (5, 6), (5, 4), (5, 3)]
    np.testing.assert_allclose(out.a[1], np.tanh(X @ params["W1"] + params["b1"]))


def test_unknown_activation_is_rejected():
    params, X, _ = _setup((3, 4, 2), "softmax_cross_entropy")
    with pytest.raises(ValueError, match="unknown activation"):
        nn.forward(params, X, "swish")


@pytest.mark.parametrize("e", [1e-2, 1e-3, 1e-4])
def test_the_nudge_tests_prediction_agrees_to_first_order(e):
    params, X, y = _setup((2, 3, 1), "squared_error", seed=3)
    predicted, actual = nn.nudge_test(params, "W1", (1, 2), e, X[:1], y[:1], "tanh", "squared_error")
    assert abs(actual - predicted) < 50 * e**2  # the error shrinks with the square of the nudge
    assert predicted != 0


def test_a_big_nudge_breaks_the_first_order_prediction():
    params, X, y = _setup((2, 3, 1), "squared_error", seed=3)
    small_p, small_a = nn.nudge_test(params, "W2", (0, 0), 0.01, X[:1], y[:1], "tanh", "squared_error")
    big_p, big_a = nn.nudge_test(params, "W2", (0, 0), 2.0, X[:1], y[:1], "tanh", "squared_error")
    assert abs(big_a - big_p) / abs(big_p) > 10 * abs(small_a - small_p) / abs(small_p)


def test_serving_cost():
    seconds, per_million = nn.serving_cost(2_000_000, 1e9, 3.6)
    assert seconds == pytest.approx(0.002) and per_million == pytest.approx(2.0)


def test_parameter_names_count_every_scalar_and_say_where_it_lives():
    params = nn.init((2, 3, 1), np.random.default_rng(0))
    names = nn.parameter_names((2, 3, 1))
    assert len(names) == nn.parameter_count(params)
    order = list(names)
    assert order[0] == "W1[1,1]" and order[-1] == "b2[1]"
    assert names["W1[2,3]"] == ("W1", (1, 2)) and names["b1[2]"] == ("b1", (1,))
    assert [params[k][i] for k, i in names.values()] == [v for a in params.values() for v in a.ravel()]


def test_a_snapshot_carries_the_blame_back_one_layer_a_stage():
    params = nn.init((2, 3, 3, 1), np.random.default_rng(4))  # three weight layers
    X, y = np.array([[0.5, -1.0]]), np.array([[0.3]])
    grads = nn.backward(params, nn.forward(params, X, "tanh", "squared_error"), y, "tanh", "squared_error")
    known = []
    for stage in range(6):
        snap = nn.snapshot(params, X, y, "tanh", "squared_error", stage)
        assert snap.widths == (2, 3, 3, 1) and (snap.loss is None) == (stage == 0) == (not snap.loss_grad_known)
        known.append([g is not None for g in snap.value_grads])
        for layer, g in enumerate(snap.weight_grads, start=1):
            if g is not None:
                np.testing.assert_array_equal(g, grads[f"W{layer}"])
    # the output's blame first, the inputs' last; a weight layer is known with the layer it feeds
    assert known == [[False] * 4, [False] * 4, [False, False, False, True], [False, False, True, True],
                     [False, True, True, True], [True] * 4]  # fmt: skip
    assert [g is not None for g in nn.snapshot(params, X, y, "tanh", "squared_error", 3).weight_grads] == [
        False,
        True,
        True,
    ]


def test_changed_count_counts_every_number_that_moved():
    params = nn.init((4, 3, 2), np.random.default_rng(0))
    nudged = {k: v.copy() for k, v in params.items()}
    assert nn.changed_count(params, nudged) == 0
    nudged["W1"][0, :2] += 1.0
    nudged["b2"][1] -= 1.0
    assert nn.changed_count(params, nudged) == 3


def test_each_parameter_has_the_name_the_diagram_uses():
    names = nn.parameter_names((2, 3, 1))
    labels = [nn.parameter_label(n) for n in names]
    assert labels[:3] == ["x1 → h1", "x1 → h2", "x1 → h3"]
    assert "h2 → ŷ" in labels and "bias of h3" in labels and labels[-1] == "bias of ŷ"
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("x", [(1.0, -0.5), (4.0, 4.0), (-4.0, 4.0), (0.2, 0.1)])
def test_a_flat_neuron_is_one_whose_slope_a_finite_difference_finds_under_a_fifth_of_the_steepest(hidden, x):
    params = nn.init((2, 3, 1), np.random.default_rng(1))
    X = np.array([x])
    out = nn.forward(params, X, hidden, "squared_error")
    act = nn.ACTIVATIONS[hidden][0]
    z, h = out.z[1][0], 1e-6
    slope = (act(z + h) - act(z - h)) / (2 * h)  # relu's kink at exactly zero never happens here
    expected = np.flatnonzero(slope < nn.FLAT * nn.STEEPEST[hidden])
    np.testing.assert_array_equal(nn.flat_neurons(out, hidden), expected)


def test_sigmoids_pushed_to_their_ends_pass_back_little_blame_and_a_switched_off_relu_none():
    params = nn.init((2, 3, 1), np.random.default_rng(1))
    X, y = np.array([[4.0, 4.0]]), np.array([[1.0]])
    out = nn.forward(params, X, "sigmoid", "squared_error")
    grads = nn.backward(params, out, y, "sigmoid", "squared_error")
    flat = nn.flat_neurons(out, "sigmoid")
    assert list(flat) == [0, 1, 2]  # the scene "Saturated sigmoid"
    into, above = nn.blame_around(grads, flat)
    assert into == np.abs(np.concatenate([grads["W1"].ravel(), grads["b1"]])).max()
    assert above == np.abs(np.concatenate([grads["W2"].ravel(), grads["b2"]])).max()
    assert into < above / 10
    X = np.array([[-4.0, 4.0]])
    out = nn.forward(params, X, "relu", "squared_error")
    off = nn.flat_neurons(out, "relu")
    assert off.size and (out.a[1][0][off] == 0).all()
    grads = nn.backward(params, out, y, "relu", "squared_error")
    assert nn.blame_around(grads, off)[0] == 0.0
