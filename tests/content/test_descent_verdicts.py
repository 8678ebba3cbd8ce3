import pytest

from playground.content.descent import valley_name, verdict
from playground.models import descent, landscapes

HOUSE, MOUNTAINS, PLATEAU = landscapes.HOUSE, landscapes.MOUNTAINS, landscapes.PLATEAU


@pytest.mark.parametrize(
    ("land", "start", "lr", "steps", "says"),
    [
        pytest.param(
            HOUSE, HOUSE.at(0.2, 0.9), 0.2, 150, ["blew up at step", "lower the learning rate"], id="diverged"
        ),
        pytest.param(HOUSE, HOUSE.at(0.2, 0.9), 0.1, 150, ["settled on the valley floor", "loss 0.207"], id="settled"),
        pytest.param(
            HOUSE,
            HOUSE.at(0.2, 0.9),
            0.001,
            150,
            ["still walking after 150 steps", "raise the learning rate"],
            id="walking",
        ),
        pytest.param(PLATEAU, PLATEAU.at(0.9, 0.85), 0.1, 150, ["stalled on nearly flat ground"], id="stalled"),
        pytest.param(
            MOUNTAINS, MOUNTAINS.at(0.93, 0.93), 0.2, 200, ["in the middle valley", "deeper one"], id="local valley"
        ),
        pytest.param(MOUNTAINS, MOUNTAINS.at(0.07, 0.57), 0.2, 200, ["in the deepest valley"], id="deepest valley"),
    ],
)
def test_each_outcome_gets_a_sentence_that_says_what_happened_and_what_to_try(land, start, lr, steps, says):
    text = verdict(descent.run(land, "gd", start, lr, steps), land, steps)
    assert text.startswith("**Gradient descent**")
    for phrase in says:
        assert phrase in text


def test_the_deepest_valley_is_not_called_local():
    text = verdict(descent.run(MOUNTAINS, "gd", MOUNTAINS.at(0.07, 0.57), 0.2, 200), MOUNTAINS, 200)
    assert "deeper" not in text


def test_valley_names():
    assert valley_name(HOUSE, 0) == "the valley floor"
    assert [valley_name(MOUNTAINS, i) for i in range(3)] == [
        "the deepest valley",
        "the middle valley",
        "the shallowest valley",
    ]
