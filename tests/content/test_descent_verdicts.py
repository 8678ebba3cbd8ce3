import itertools

import numpy as np
import pytest

from playground.content.controls import GRADIENT_DESCENT, RATES
from playground.content.descent import BAD, valley_name, verdict
from playground.models import descent, landscapes

HOUSE, MOUNTAINS, PLATEAU = landscapes.HOUSE, landscapes.MOUNTAINS, landscapes.PLATEAU


@pytest.mark.parametrize(
    ("land", "start", "lr", "steps", "says"),
    [
        pytest.param(
            HOUSE, HOUSE.at(0.2, 0.9), 0.2, 150, ["blew up at step", "Lower the learning rate"], id="diverged"
        ),
        pytest.param(HOUSE, HOUSE.at(0.2, 0.9), 0.1, 150, ["settled on the valley floor", "loss 0.207"], id="settled"),
        pytest.param(
            HOUSE,
            HOUSE.at(0.2, 0.9),
            0.001,
            150,
            ["still coming down after 150 steps", "Raise the learning rate"],
            id="walking",
        ),
        pytest.param(
            PLATEAU, PLATEAU.at(0.9, 0.85), 0.1, 150, ["stalled on nearly flat ground at loss 1,"], id="stalled"
        ),
        pytest.param(
            MOUNTAINS,
            MOUNTAINS.at(0.93, 0.93),
            0.2,
            200,
            ["in the second-deepest valley", "deeper one"],
            id="local valley",
        ),
        pytest.param(MOUNTAINS, MOUNTAINS.at(0.07, 0.57), 0.2, 200, ["in the deepest valley"], id="deepest valley"),
    ],
)
def test_each_outcome_gets_a_sentence_that_says_what_happened_and_what_to_try(land, start, lr, steps, says):
    text = verdict(descent.run(land, "gd", start, lr, steps), land, steps).text
    assert text.startswith("**Gradient descent**")
    for phrase in says:
        assert phrase in text


def test_the_deepest_valley_is_not_called_local():
    text = verdict(descent.run(MOUNTAINS, "gd", MOUNTAINS.at(0.07, 0.57), 0.2, 200), MOUNTAINS, 200).text
    assert "deeper" not in text


def test_valley_names():
    assert valley_name(HOUSE, 0) == "the valley floor"
    assert [valley_name(MOUNTAINS, i) for i in range(3)] == [
        "the deepest valley",
        "the second-deepest valley",
        "the shallowest valley",
    ]


# The cases a learner met: each verdict must describe the path it sits under.
@pytest.mark.parametrize(
    ("land", "optimizer", "lr", "steps", "outcome", "says"),
    [
        pytest.param(HOUSE, "gd", 0.2, 10, "left", "jumped off the map", id="0.2 for 10 steps leaves the map"),
        pytest.param(HOUSE, "rmsprop", 2.0, 150, "rose", "ended higher than it started", id="RMSProp at 2"),
        pytest.param(PLATEAU, "adam", 10.0, 150, "left", "jumped off the map", id="Adam flung off the plateau"),
        pytest.param(HOUSE, "gd", 0.158, 10, "bouncing", "bouncing from side to side", id="too bold, short walk"),
        pytest.param(HOUSE, "gd", 0.158, 150, "settled", "after bouncing from side to side", id="too bold, long walk"),
    ],
)
def test_a_verdict_says_what_the_picture_shows(land, optimizer, lr, steps, outcome, says):
    start = land.at(0.2, 0.9) if land is HOUSE else land.at(0.9, 0.85)
    path = descent.run(land, optimizer, start, lr, steps)
    assert path.outcome == outcome
    assert says in verdict(path, land, steps).text


def test_too_bold_and_just_right_do_not_read_the_same():
    start = HOUSE.at(0.2, 0.9)
    bold, right = (verdict(descent.run(HOUSE, "gd", start, lr, 150), HOUSE, 150).text for lr in (0.158, 0.1))
    assert bold != right and "bouncing" in bold and "bouncing" not in right


STARTS = {"house": (0.2, 0.9), "mountains": (0.9, 0.9), "ravine": (0.2, 0.9), "plateau": (0.9, 0.85)}


@pytest.mark.parametrize(("key", "optimizer"), list(itertools.product(landscapes.LANDSCAPES, descent.OPTIMIZERS)))
def test_no_walk_that_went_up_or_away_is_told_it_is_heading_the_right_way(key, optimizer):
    land = landscapes.LANDSCAPES[key]
    start = land.at(*STARTS[key])
    for lr, steps in itertools.product((*RATES[::4], RATES[-1]), (10, 40, 200)):
        path = descent.run(land, optimizer, start, lr, steps)
        said = verdict(path, land, steps)
        went_wrong = path.diverged_at is not None or path.losses[-1] > path.losses[0] or path.off_map
        if went_wrong:
            assert said.tone == "bad", (lr, steps, said.text)
            assert "right way" not in said.text and "Raise" not in said.text and "settled" not in said.text
        else:
            assert said.tone != "bad", (lr, steps, said.text)
        if "settled" in said.text:
            assert path.valley is not None and not path.still_bouncing, (lr, steps)
        if "Raise the learning rate" in said.text:
            assert path.losses[-1] < path.losses[0] and not path.still_bouncing


@pytest.mark.parametrize(("key", "optimizer"), list(itertools.product(landscapes.LANDSCAPES, descent.OPTIMIZERS)))
def test_a_suggested_rate_comes_down_when_followed_for_any_step_count(key, optimizer):
    land = landscapes.LANDSCAPES[key]
    start = land.at(*STARTS[key])
    slider = GRADIENT_DESCENT.control("steps")
    counts = range(int(slider.spec.low), int(slider.spec.high) + 1, int(slider.spec.step))
    for lr, steps in itertools.product((*RATES[10::6], RATES[-1]), (10, 50, 200)):
        path = descent.run(land, optimizer, start, lr, steps)
        if path.outcome not in BAD:
            continue
        safer = descent.largest_stable_rate(land, optimizer, start, lr, RATES)
        if safer is None:
            continue
        assert safer < lr
        for n in counts:
            followed = descent.run(land, optimizer, start, safer, n)
            assert followed.outcome not in BAD, (lr, steps, safer, n, followed.outcome)


def test_the_advice_for_a_short_bold_walk_is_below_the_bowls_limit():
    # The house bowl is stable only below 2 / (largest curvature), about 0.164.
    safer = descent.largest_stable_rate(HOUSE, "gd", HOUSE.at(0.2, 0.9), 0.316, RATES)
    assert safer is not None and safer < 0.164


def _safe_one_by_one(land, optimizer, start, rate, steps=200):
    """The definition, walk by walk: never blown up, off the map or above the start; calm at the end."""
    path = descent.run(land, optimizer, start, rate, steps)
    return (
        path.outcome in descent.CALM
        and len(path.losses) == steps + 1
        and all(
            land.x_range[0] <= px <= land.x_range[1] and land.y_range[0] <= py <= land.y_range[1]
            for px, py in path.positions
        )
        and max(path.losses) <= path.losses[0]
    )


@pytest.mark.parametrize(("key", "optimizer"), list(itertools.product(landscapes.LANDSCAPES, descent.OPTIMIZERS)))
def test_all_rates_at_once_judge_each_walk_as_a_single_walk_would(key, optimizer):
    land = landscapes.LANDSCAPES[key]
    start = land.at(*STARTS[key])
    rates = np.array(RATES)
    together = descent.safe_rates(land, (optimizer,), start, rates)[0]
    for rate, verdict_together in zip(rates.tolist(), together.tolist(), strict=True):
        alone = _safe_one_by_one(land, optimizer, start, rate)
        if verdict_together != alone:
            # Only a chaotic walk may differ: numpy's exp on an array and on one number can differ in
            # the last bit, and a walk that turns back at nearly every step amplifies that.
            assert descent.run(land, optimizer, start, rate, 200).bounces > 50, rate
    # whatever the rounding, the advice itself is safe by the one-walk definition
    for lr in RATES[10::5]:
        advice = descent.largest_stable_rate(land, optimizer, start, lr, RATES)
        assert advice is None or _safe_one_by_one(land, optimizer, start, advice), lr


def test_one_search_for_every_optimizer_gives_each_its_own_answer():
    land = landscapes.MOUNTAINS
    start = land.at(0.3, 0.8)
    together = descent.largest_stable_rates(land, descent.OPTIMIZERS, start, 10.0, RATES)
    assert together == {o: descent.largest_stable_rate(land, o, start, 10.0, RATES) for o in descent.OPTIMIZERS}
    assert len(set(together.values())) > 1  # the optimizers need different rates here


def test_a_start_and_an_end_that_differ_never_read_the_same():
    path = descent.run(PLATEAU, "adam", PLATEAU.at(0.9, 0.85), 10.0, 150)
    text = verdict(path, PLATEAU, 150).text
    assert "loss 1 (it started at 1)" not in text and "(it started at 0.99999" in text


def test_no_verdict_reads_in_exponents():
    for key, optimizer in itertools.product(landscapes.LANDSCAPES, descent.OPTIMIZERS):
        land = landscapes.LANDSCAPES[key]
        for lr in RATES[::5]:
            text = verdict(descent.run(land, optimizer, land.at(*STARTS[key]), lr, 150), land, 150).text
            assert "e-0" not in text and "e+" not in text, text
