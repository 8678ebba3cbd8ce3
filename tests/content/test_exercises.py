import pytest

from playground.content.exercises import ITERATION_STEPS, SCRAMBLED, check_order


def test_the_right_order_passes():
    assert check_order(list(ITERATION_STEPS))[0] is True


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (["Loss", "Forward pass", "Backpropagation", "Update"], "Step 1 should be **Forward pass**"),
        (["Forward pass", "Loss", "Update", "Backpropagation"], "Step 3 should be **Backpropagation**"),
        (["Forward pass", "Loss"], "Pick all 4 steps"),
    ],
)
def test_a_wrong_order_names_the_first_misplaced_step(answer, says):
    right, feedback = check_order(answer)
    assert right is False and says in feedback


def test_the_options_are_not_offered_in_the_answer_order():
    assert sorted(SCRAMBLED) == sorted(ITERATION_STEPS) and tuple(SCRAMBLED) != ITERATION_STEPS


def test_every_stage_of_the_loop_is_taught_on_a_page_that_exists():
    from playground.content.loop import INITIALIZE, STAGES, TAUGHT_ON
    from playground.content.pages import BY_SLUG

    assert set(TAUGHT_ON) == {name for name, _ in (INITIALIZE, *STAGES)}
    assert all(slug in BY_SLUG for slug in TAUGHT_ON.values())
