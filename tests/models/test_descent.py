import numpy as np
import pytest

from playground.models import descent, landscapes
from playground.models.descent import OptState, step


def test_plain_step_moves_against_the_gradient():
    p, state = step("gd", np.array([1.0, 2.0]), np.array([0.5, -4.0]), OptState(), 0.1)
    np.testing.assert_allclose(p, [0.95, 2.4])
    assert state.t == 1


def test_momentum_accumulates_velocity():
    p, state = step("momentum", np.zeros(2), np.array([1.0, 0.0]), OptState(), 0.1)
    p, state = step("momentum", p, np.array([1.0, 0.0]), state, 0.1)
    np.testing.assert_allclose(state.velocity, [1.9, 0.0])  # 0.9 * 1 + 1
    np.testing.assert_allclose(p, [-0.1 - 0.19, 0.0])


def test_an_adam_step_equals_a_hand_computation():
    g1, g2 = np.array([2.0, -0.5]), np.array([1.0, 1.0])
    p, state = step("adam", np.zeros(2), g1, OptState(), 0.01)
    p, state = step("adam", p, g2, state, 0.01)
    # by hand: m = 0.1 * 0.9 * g1 + 0.1 * g2; v = 0.001 * 0.999 * g1^2 + 0.001 * g2^2
    m = 0.09 * g1 + 0.1 * g2
    v = 0.000999 * g1**2 + 0.001 * g2**2
    m_hat, v_hat = m / (1 - 0.9**2), v / (1 - 0.999**2)
    first = -0.01 * np.sign(g1)  # Adam's first step has size lr in each coordinate
    np.testing.assert_allclose(p, first - 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8), rtol=1e-6)


def test_an_rmsprop_step_by_hand():
    p, _ = step("rmsprop", np.zeros(2), np.array([3.0, -1.0]), OptState(), 0.01)
    np.testing.assert_allclose(p, -0.01 * np.array([3.0, -1.0]) / np.sqrt(0.1 * np.array([9.0, 1.0])), rtol=1e-6)


def test_steps_leave_their_inputs_alone():
    p, g, state = np.array([1.0, 1.0]), np.array([1.0, 1.0]), OptState()
    step("adam", p, g, state, 0.1)
    np.testing.assert_array_equal(p, [1.0, 1.0])
    np.testing.assert_array_equal(state.m, [0.0, 0.0])


def test_unknown_optimizer_is_rejected():
    with pytest.raises(ValueError, match="unknown optimizer"):
        step("sgd++", np.zeros(2), np.zeros(2), OptState(), 0.1)


def test_descent_on_the_house_bowl_reaches_the_least_squares_knobs():
    path = descent.run(landscapes.HOUSE, "gd", (0.0, 3.0), 0.1, 600)
    np.testing.assert_allclose(path.positions[-1], landscapes.HOUSE.minima[0], atol=1e-3)
    assert path.outcome == "settled" and path.valley == 0
    assert np.all(np.diff(path.losses) <= 1e-12)  # a sensible rate never goes uphill on a bowl


@pytest.mark.parametrize(("lr", "diverges"), [(0.039, False), (0.041, True)], ids=["below 2/L", "above 2/L"])
def test_a_rate_above_two_over_the_curvature_diverges_and_is_flagged(lr, diverges):
    curvature = max(landscapes.RAVINE_CURVATURES)  # the steepest direction's second derivative
    assert (lr > 2 / curvature) is diverges
    path = descent.run(landscapes.RAVINE, "gd", (-2.0, 2.0), lr, 2_000)
    assert (path.outcome == "diverged") is diverges
    assert np.all(np.isfinite(path.losses)) and np.all(np.isfinite(path.positions))
    if diverges:
        assert path.diverged_at is not None and len(path.losses) == path.diverged_at


def _steps_to_floor(path, floor=1e-3):
    below = np.nonzero(path.losses < floor)[0]
    return int(below[0]) if below.size else np.inf


def test_momentum_reaches_the_ravine_floor_in_fewer_steps_than_plain_descent():
    plain = descent.run(landscapes.RAVINE, "gd", (-2.5, 1.0), 0.02, 500)
    heavy = descent.run(landscapes.RAVINE, "momentum", (-2.5, 1.0), 0.02, 500)
    assert _steps_to_floor(heavy) < _steps_to_floor(plain) / 2 < np.inf


def test_the_same_seed_gives_the_same_noisy_path_and_another_seed_does_not():
    a = descent.run(landscapes.MOUNTAINS, "gd", (2.5, 2.5), 0.1, 100, noisy=True, seed=4)
    b = descent.run(landscapes.MOUNTAINS, "gd", (2.5, 2.5), 0.1, 100, noisy=True, seed=4)
    c = descent.run(landscapes.MOUNTAINS, "gd", (2.5, 2.5), 0.1, 100, noisy=True, seed=5)
    np.testing.assert_array_equal(a.positions, b.positions)
    assert not np.allclose(a.positions, c.positions)


def test_two_starts_end_in_two_different_valleys():
    land = landscapes.MOUNTAINS
    left = descent.run(land, "gd", (-3.0, 0.5), 0.2, 300)
    right = descent.run(land, "gd", (3.0, 3.0), 0.2, 300)
    assert left.valley == 0 and right.valley == 1
    assert left.losses[-1] < right.losses[-1]


def test_a_walker_on_the_plateau_stalls():
    path = descent.run(landscapes.PLATEAU, "gd", (4.0, 3.5), 0.5, 200)
    assert path.outcome == "stalled"
    assert path.slopes[-1] < 1e-3


def test_a_timid_walker_is_still_walking():
    path = descent.run(landscapes.HOUSE, "gd", (0.0, 3.0), 0.001, 100)
    assert path.outcome == "walking"
    assert path.losses[-1] < path.losses[0]


def test_path_arrays_line_up():
    path = descent.run(landscapes.RAVINE, "adam", (1.0, 1.0), 0.05, 50)
    assert path.positions.shape == (51, 2) and path.losses.shape == (51,) and path.slopes.shape == (51,)
    assert path.slopes[0] == pytest.approx(np.hypot(*landscapes.RAVINE.grad(np.float64(1.0), np.float64(1.0))))


@pytest.mark.parametrize(("lr", "steps"), [(0.0, 10), (-1.0, 10), (float("nan"), 10), (0.1, 0)])
def test_bad_run_arguments_are_rejected(lr, steps):
    with pytest.raises(ValueError):
        descent.run(landscapes.RAVINE, "gd", (1.0, 1.0), lr, steps)


@pytest.mark.parametrize("name", ["gd", "momentum", "rmsprop", "adam"])
def test_a_step_on_each_coordinate_alone_matches_the_step_on_the_pair(name):
    # the runner steps the two knobs one at a time, on plain floats
    p, g = np.array([0.7, -1.3]), np.array([2.5, -0.4])
    pair, pair_state, singles = p, OptState(), [(float(p[i]), OptState()) for i in range(2)]
    for _ in range(5):
        pair, pair_state = step(name, pair, g, pair_state, 0.05)
        singles = [step(name, x, float(g[i]), s, 0.05) for i, (x, s) in enumerate(singles)]
    np.testing.assert_allclose([x for x, _ in singles], pair, rtol=1e-14)
