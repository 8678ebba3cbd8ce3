import numpy as np
import pytest

from playground.models import houses, training
from tests.apptest import charts, metric, open_bad_link, open_page, place_in_order, said

PAGE = "app_pages/training_loop.py"


def _highlighted(at) -> str:
    loop = charts(at)[0]
    from playground.charts import theme

    return next(a["text"] for a in loop["layout"]["annotations"] if a.get("bordercolor") == theme.YOURS)


def test_next_stage_walks_the_loop_and_the_link_follows():
    at = open_page(PAGE)
    assert not at.exception
    seen = []
    for _ in range(5):
        next(b for b in at.button if b.label == "Next stage").click().run()
        seen.append(_highlighted(at))
    assert seen == [
        "<b>Forward pass</b>",
        "<b>Loss</b>",
        "<b>Backpropagation</b>",
        "<b>Update</b>",
        "<b>Forward pass</b>",
    ]
    assert at.query_params["step"] == "5"
    assert metric(at, "Iteration") == "2"


def test_each_stage_shows_what_it_produced():
    loss_stage, grad_stage, update_stage = (open_page(PAGE, step=s) for s in ("2", "3", "4"))
    assert metric(loss_stage, "Blame on w") == "not yet" and metric(loss_stage, "Typical miss") != "not yet"
    data = houses.load()
    first = training.iterations(
        {"w": np.array(0.0), "b": np.array(0.0)},
        data.size / 1000,
        data.price / 100_000,
        loss_and_grads=training.line_model()[0],
        batch_size=20,
        count=1,
        lr=0.05,
    )[0]
    assert metric(grad_stage, "Blame on w") == f"{float(first.grads['w']):+.3f}"
    assert metric(update_stage, "Knobs w and b") == f"${float(first.after['w']) * 100:,.0f}/sq ft"


def test_running_100_iterations_moves_the_epoch_counter():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "Run 100 iterations").click().run()
    assert metric(at, "Iteration") == "100" and metric(at, "Epoch") == "10"


def test_the_end_of_the_walk_says_so_instead_of_ignoring_clicks():
    def says_the_end(at):
        return any("The walk ends here" in box.value for box in at.info)

    at = open_page(PAGE)
    for _ in range(2):
        next(b for b in at.button if b.label == "Run 100 iterations").click().run()
    assert not says_the_end(at)
    for _ in range(2):
        next(b for b in at.button if b.label == "Run 100 iterations").click().run()
    assert metric(at, "Iteration") == "300" and says_the_end(at)
    next(b for b in at.button if b.label == "Start over").click().run()
    assert metric(at, "Iteration") == "0" and not says_the_end(at)
    assert metric(at, "Epoch") == "0"  # nothing ran yet: no "Epoch 1" before the first batch
    next(b for b in at.button if b.label == "Next stage").click().run()
    assert (metric(at, "Iteration"), metric(at, "Epoch")) == ("1", "1")


def test_the_order_exercise_marks_the_order_once_every_slot_is_filled_and_explains():
    at = open_page(PAGE)
    place_in_order(at, "loop_answer", ["Loss", "Forward pass", "Backpropagation"])
    assert not at.error and not at.success  # three of four: nothing to mark yet
    place_in_order(at, "loop_answer", ["Update"])
    assert "Step 1 should be **Forward pass**" in at.error[0].value
    at.button(key="loop_answer-clear").click().run()
    assert not at.error
    place_in_order(at, "loop_answer", ["Forward pass", "Loss", "Backpropagation", "Update"])
    assert at.success[0].value.startswith("Right") and not at.error


@pytest.mark.parametrize("params", [{"step": "-1", "seed": "x"}, {"step": "99999999", "zzz": "1"}])
def test_training_loop_survives_a_link_full_of_bad_values(params):
    open_bad_link(PAGE, **params)


def test_the_line_chart_caption_says_what_the_chart_shows():
    start = said(open_page("app_pages/training_loop.py"), "caption")
    assert any(c.startswith("All 200 houses and the starting line") for c in start)
    first = said(open_page("app_pages/training_loop.py", step="1"), "caption")
    assert any(c.startswith("This iteration's batch of 20 houses") for c in first)


def test_misses_appear_at_the_loss_and_predictions_at_the_forward_pass():
    traces = {step: [t["name"] for t in charts(open_page(PAGE, step=step))[1]["data"]] for step in ("0", "1", "2", "4")}
    assert "Your misses" not in traces["0"] and "Predictions" not in traces["0"]  # the knobs are only set
    assert "Predictions" in traces["1"] and "Your misses" not in traces["1"]
    assert "Your misses" in traces["2"] and "Your misses" in traces["4"] and "Predictions" not in traces["2"]
    forward = said(open_page(PAGE, step="1"), "caption")
    assert any("predicted price on the line for each of them (the rings)" in c for c in forward)
