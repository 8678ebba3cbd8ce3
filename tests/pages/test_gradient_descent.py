import pytest

from playground.models import descent, landscapes
from tests.apptest import charts, open_bad_link, open_page

PAGE = "app_pages/gradient_descent.py"
WALKERS = tuple(f"**{name}**" for name in descent.NAMES.values())


def _verdicts(at) -> str:
    return "\n".join(e.value for e in [*at.success, *at.info, *at.error] if e.value.startswith(WALKERS))


def test_the_default_walk_settles_on_the_house_bowls_floor():
    at = open_page(PAGE)
    assert not at.exception
    assert "settled on the valley floor" in _verdicts(at)
    player, _ = charts(at)
    assert len(player["frames"]) == 151


def test_changing_the_learning_rate_changes_the_walk_and_its_final_loss():
    at = open_page(PAGE)
    before = _verdicts(at)
    at.select_slider(key="gd_lr").set_value(0.001).run()
    assert at.query_params["lr"] == "0.001"
    after = _verdicts(at)
    assert after != before and "still coming down" in after
    expected = descent.run(landscapes.HOUSE, "gd", landscapes.HOUSE.at(0.2, 0.9), 0.001, 150).losses[-1]
    assert f"to {expected:.3g}," in after


def test_a_diverging_rate_gets_the_guard_rail_and_a_safer_rate_not_an_exception():
    at = open_page(PAGE, lr="0.2")
    assert not at.exception
    (message,) = at.error
    assert "blew up" in message.value and "Try a learning rate of **0.158** or lower" in message.value
    # followed, the advice settles
    assert descent.run(landscapes.HOUSE, "gd", landscapes.HOUSE.at(0.2, 0.9), 0.158, 150).outcome == "settled"
    frames = charts(at)[0]["frames"]
    assert all(abs(v) < 1e6 for f in frames for d in f["data"] for v in d.get("x", []))


def test_racing_optimizers_draws_one_walker_each_and_a_verdict_each():
    at = open_page(PAGE, opt="gd,momentum,adam")
    walkers = next(t for t in charts(at)[0]["data"] if t.get("name") == "Where each walker stands")
    assert walkers["text"] == ["Gradient descent", "Momentum", "Adam"]
    assert len(_verdicts(at).splitlines()) == 3  # one verdict each


def test_momentum_scene_shows_momentum_arriving_before_plain_descent():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "Momentum through the ravine").click().run()
    assert at.query_params["land"] == "ravine" and at.query_params["opt"] == "gd,momentum"
    land = landscapes.RAVINE
    start = land.at(0.08, 0.67)
    plain, heavy = (descent.run(land, o, start, 0.00501, 150) for o in ("gd", "momentum"))
    assert heavy.losses[-1] < plain.losses[-1] / 100
    verdicts = _verdicts(at)
    assert "**Momentum** settled" in verdicts and "**Gradient descent** is still coming down" in verdicts


def test_the_local_valley_scene_ends_in_a_shallower_valley():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "Stuck in a local valley").click().run()
    assert "There is a deeper one" in _verdicts(at)


def test_blindfold_hides_the_landscape_until_the_end():
    at = open_page(PAGE, blind="1")
    player = charts(at)[0]
    assert player["data"][0]["visible"] is False
    assert player["frames"][-1]["data"][-1] == {"visible": True}
    (folded,) = at.expander  # how the walk ended is not given away before it is watched
    assert folded.label.startswith("How each walk ended") and "settled" in folded.success[0].value


def test_a_blindfold_also_hides_the_3d_landscape():
    at = open_page(PAGE, blind="1", **{"3d": "1"})
    assert not any(t["type"] == "surface" for c in charts(at) for t in c["data"])
    assert any("Take the blindfold off" in box.value for box in at.info)


def test_two_starts_end_in_two_different_valleys_by_default():
    at = open_page(PAGE)
    where = {m.label: m.delta for m in at.metric}
    assert where == {
        "First start: final loss": "the deepest valley",
        "Second start: final loss": "the second-deepest valley",
    }


def test_the_3d_view_appears_only_when_asked():
    assert len(charts(open_page(PAGE))) == 2
    shown = charts(open_page(PAGE, **{"3d": "1"}))
    assert len(shown) == 3 and any(t["type"] == "surface" for c in shown for t in c["data"])


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"lr": "1000", "steps": "-3", "land": "moon"}, id="out of range and unknown"),
        pytest.param({"lr": "nan", "opt": "gd,sgd", "sx": "inf", "seed": "x"}, id="NaN, unknown optimizer, infinite"),
        pytest.param({"opt": "none", "noisy": "2", "bx": "-1"}, id="no optimizer, odd switch"),
    ],
)
def test_gradient_descent_survives_a_link_full_of_bad_values(params):
    at = open_bad_link(PAGE, accepted=tuple(k for k, v in params.items() if v == "none"), **params)
    assert len(charts(at)) >= 2
