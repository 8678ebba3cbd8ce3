import numpy as np
import pytest

from tests.apptest import array, charts, metric, open_bad_link, open_page, said

PAGE = "app_pages/backpropagation.py"


def _gradients_shown(at) -> int:
    graph = charts(at)[0]
    return sum("∂=" in a["text"] for a in graph["layout"]["annotations"])


def test_a_backward_step_makes_gradients_appear_layer_by_layer():
    at = open_page(PAGE)
    assert not at.exception
    counts = []
    for stage in (
        "Forward pass",
        "Loss",
        "Backward: output layer",
        "Backward: hidden layer",
        "Backward: to the inputs",
    ):
        at = open_page(PAGE, stage=stage)
        counts.append(_gradients_shown(at))
    assert counts[0] == 0
    assert counts == sorted(counts) and len(set(counts)) == 5


def test_the_nudge_test_measures_once_the_loss_is_known_and_predicts_once_the_backward_pass_reached_the_knob():
    """At the Forward-pass step the blame chart said "not yet" while the nudge test showed gradient × e; and
    it measured the loss's change beside a diagram whose loss was still "?"."""
    first = open_page(PAGE, stage="Forward pass")
    assert [metric(first, name) for name in ("Predicted change", "Actual change", "Off by")] == ["not yet"] * 3
    assert any("the loss comes after the forward pass: step on" in c for c in said(first, "caption"))
    early = open_page(PAGE, stage="Loss")
    assert metric(early, "Predicted change") == "not yet" and metric(early, "Off by") == "not yet"
    assert float(metric(early, "Actual change")) != 0  # a new forward pass and loss need no blame
    assert any("backward pass has not reached it" in c for c in said(early, "caption"))
    halfway = open_page(PAGE, stage="Backward: output layer", param="W2[1,1]")  # the output layer's knobs have it
    assert metric(halfway, "Predicted change") != "not yet"
    assert metric(open_page(PAGE, stage="Backward: output layer"), "Predicted change") == "not yet"  # W1[1,1]: not yet


def test_the_nudge_test_agrees_for_small_nudges_and_drifts_for_big_ones():
    done = "Backward: to the inputs"
    small = open_page(PAGE, nudge="0.001", stage=done)
    big = open_page(PAGE, nudge="1", stage=done)
    off = {name: float(metric(at, "Off by").rstrip("%")) for name, at in (("small", small), ("big", big))}
    assert off["small"] < 1 < off["big"]
    predicted = float(metric(small, "Predicted change"))
    actual = float(metric(small, "Actual change"))
    assert predicted == pytest.approx(actual, rel=0.01)


def test_a_big_nudge_says_why_the_promise_broke_and_a_small_one_says_nothing():
    """ "A big nudge" showed "Off by 99.5%" and no word of why."""
    done = "Backward: to the inputs"
    big, small = open_page(PAGE, nudge="1", stage=done), open_page(PAGE, nudge="0.01", stage=done)
    assert float(metric(big, "Off by").rstrip("%")) > 10 > float(metric(small, "Off by").rstrip("%"))
    (note,) = [c for c in said(big, "caption") if c.startswith("A nudge of 1 is too long a step")]
    assert f"off by {metric(big, 'Off by')}" in note and "learning rate that is too big" in note
    assert not [c for c in said(small, "caption") if "too long a step" in c]


def test_saturated_sigmoid_lets_almost_no_blame_through():
    lively = open_page(PAGE, stage="Backward: to the inputs", act="sigmoid")
    flat = open_page(PAGE)
    next(b for b in flat.button if b.label == "Saturated sigmoid").click().run()

    def first_layer_blame(at):
        blame = charts(at)[1]["data"][0]
        names, values = blame["y"], array(blame["x"])
        return np.abs([v for n, v in zip(names, values, strict=True) if n.startswith("x")]).max()  # x1 → h1 ...

    assert first_layer_blame(flat) < first_layer_blame(lively) / 3


def test_the_blame_arrives_in_step_with_the_diagram_under_the_diagrams_names():
    at = open_page(PAGE)  # the first stage: the forward pass
    bars = charts(at)[1]["data"][0]
    assert bars["y"][0] == "x1 → h1" and "bias of ŷ" in bars["y"]  # the names the diagram uses
    assert set(bars["text"]) == {"not yet"} and not array(bars["x"]).any()  # no answer given away
    assert any("No blame yet" in c.value for c in at.caption)
    at = open_page(PAGE, stage="Backward: output layer")
    bars = charts(at)[1]["data"][0]
    shown = dict(zip(bars["y"], bars["text"], strict=True))
    assert shown["x1 → h1"] == "not yet" and shown["h1 → ŷ"] != "not yet" and shown["bias of ŷ"] != "not yet"
    full = charts(open_page(PAGE, stage="Backward: to the inputs"))[1]
    assert full["layout"]["xaxis"]["range"] == charts(at)[1]["layout"]["xaxis"]["range"]  # bars appear, axis stays
    assert "not yet" not in full["data"][0]["text"]


def test_training_a_digit_is_counted_not_guessed():
    at = open_page(PAGE)
    bars = charts(at)[2]
    # 2,368 forward; backward: 2,368 weight gradients and 320 products passing blame to the hidden layer
    assert list(bars["data"][0]["text"]) == ["2,368", "5,056"]
    assert bars["layout"]["xaxis"].get("type", "linear") == "linear"  # a 2x bar looks twice as long
    caption = next(c for c in said(at, "caption") if "multiply-adds of answering it" in c)
    assert "2.1 times" in caption and "rule of thumb is about 3 times" in caption


@pytest.mark.parametrize(
    "params",
    [{"stage": "Sideways", "x1": "99", "hidden": "5"}, {"param": "W9[1,1]", "nudge": "0", "act": "gelu", "seed": "-1"}],
)
def test_backpropagation_survives_a_link_full_of_bad_values(params):
    open_bad_link(PAGE, **params)


def test_the_saturated_sigmoid_scene_says_why_the_first_layers_blame_is_so_small():
    """The scene's point (almost no blame gets through a flat sigmoid) was said only in its button's
    hover: the bars showed tiny blame on the first layer and big blame on the output, unexplained."""
    scene = open_page(PAGE, stage="Backward: to the inputs", x1="4", x2="4", act="sigmoid")
    words = [c for c in said(scene, "caption") if c.startswith("Positive blame")]
    assert len(words) == 1
    assert "h1, h2 and h3 sit on a flat end of the sigmoid" in words[0]
    bars = charts(scene)[1]["data"][0]
    labels = dict(zip(bars["y"], bars["text"], strict=True))
    first = [float(v) for k, v in labels.items() if "ŷ" not in k]
    output = [float(v) for k, v in labels.items() if "ŷ" in k]
    assert f"at most {max(map(abs, first)):.3f} on a knob into them" in words[0]
    assert f"up to {max(map(abs, output)):.3f} on a knob of the output layer" in words[0]
    assert not any("flat end" in c for c in said(open_page(PAGE, stage="Backward: to the inputs"), "caption"))
    early = open_page(PAGE, stage="Backward: output layer", x1="4", x2="4", act="sigmoid")
    assert not any("flat end" in c for c in said(early, "caption"))  # not before the blame reaches that layer
    off = open_page(PAGE, stage="Backward: hidden layer", x1="-4", x2="4", act="relu")
    assert any("switched off" in c and "get none" in c for c in said(off, "caption"))
