"""What Overfitting's captions say, checked against the curves they describe."""

import numpy as np
import pytest

from playground.content.fitting import STILL_TOO_SIMPLE, data_size_caption
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
