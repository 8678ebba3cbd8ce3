"""What Overfitting's captions say, checked against the curves they describe."""

import numpy as np
import pytest

from playground.content.fitting import STILL_TOO_SIMPLE, data_size_caption, epoch_caption
from playground.models import fitting
from playground.models.fitting import Sweep

SIZES = (10, 15, 20, 30, 50, 80, 120, 200, 300)


@pytest.mark.parametrize("noise", [20.0, 60.0, 120.0])
def test_more_data_is_said_to_close_the_gap_only_where_the_model_can_learn_the_pattern(noise):
    """At degree 0 it said "the gap between the two errors closes" under two lines that never met the floor."""
    exam = fitting.sample(np.random.default_rng(0), 20, noise)
    floor = fitting.noise_floor(exam)
    simple = fitting.learning_curve(0, SIZES, 0, noise, exam=exam)
    assert simple.val[-1] > STILL_TOO_SIMPLE * floor
    assert "cannot teach a model too simple" in data_size_caption(simple, floor, 0)
    flexible = fitting.learning_curve(0, SIZES, 6, noise, exam=exam)
    assert flexible.val[0] - flexible.train[0] > flexible.val[-1] - flexible.train[-1]
    assert (
        data_size_caption(flexible, floor, 6)
        == "Degree 6 with more and more training houses: the gap between the two errors closes."
    )


def test_two_errors_close_from_the_start_are_not_said_to_close():
    flat = Sweep(np.array([10, 300]), train=np.array([50.0, 50.0]), val=np.array([52.0, 53.0]))
    assert "stay close from the start" in data_size_caption(flat, 50.0, 2)


@pytest.mark.parametrize(
    ("scene", "said", "shaded"),
    [
        ({"n_train": 20}, "then climbs to $146k by epoch 10,000", True),  # the page's defaults
        ({"n_train": 15}, "then climbs to", True),  # Memorised the noise
        ({"n_train": 15, "l2": 0.01}, "ends only a little higher", False),  # Regularised
        ({"n_train": 300}, "levels off at about", False),  # More data to the rescue
    ],
)
def test_the_training_too_long_caption_says_what_its_curve_does(scene, said, shaded):
    """Regularised, validation error rose 3.7 % over 10,000 epochs: shaded "overfit" and said to climb
    over a line flat to the eye. Now a climb is 10 % or more; a smaller one is said to be small."""
    s = fitting.sample(np.random.default_rng(0), scene["n_train"], 60.0)
    history = fitting.train_by_descent(s, fitting.MAX_DEGREE, 10_000, scene.get("l2", 0.0), keep=160)
    caption = epoch_caption(history)
    assert said in caption and history.overtrained == shaded
    rise = history.val[-1] / history.val.min()
    assert (rise > 1.10) == shaded and ("levels off" in caption) == (rise <= 1.02)
    if history.level:  # where it levels off, as the chart marks it
        assert f"by epoch {history.level_from:,} and stays there" in caption
    else:
        assert f"epoch {history.best_epoch:,} " in caption
