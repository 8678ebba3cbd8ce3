import numpy as np
import pytest

from playground.models import houses, linear, network
from tests.apptest import charts, metric, open_bad_link, open_page

PAGE = "app_pages/parameters.py"
MISS = "Your typical miss"
DATA = houses.load()
BEST = linear.fit_least_squares(DATA.size, DATA.price)


def _dollars(text: str) -> float:
    return float(text.replace("$", "").replace(",", "").replace("+", "").split()[0])


def test_moving_a_knob_changes_the_loss_and_the_line():
    at = open_page(PAGE)
    before, line_before = metric(at, MISS), charts(at)[0]
    at.slider(key="par_w").set_value(180).run()
    assert metric(at, MISS) != before
    assert _dollars(metric(at, MISS)) == pytest.approx(linear.score(DATA.size, DATA.price, 180, 0).rmse, abs=1)
    assert charts(at)[0] != line_before
    assert at.query_params["w"] == "180"
    loss = metric(at, "Loss (squared error)")
    assert loss.endswith(" billion") and "$²" not in loss  # read as a word, never as dollars squared
    assert float(loss.split()[0]) * 1e9 == pytest.approx(linear.mse(DATA.size, DATA.price, 180, 0), rel=5e-3)


def test_a_one_output_network_counts_one_bias_not_one_biases():
    at = open_page(PAGE, outputs="1")
    (caption,) = [c.value for c in at.caption if "weights +" in c.value]
    assert caption.endswith("weights + 1 bias") and "1 biases" not in caption


def test_revealing_the_machine_shows_its_knobs_and_the_gap_to_yours():
    at = open_page(PAGE, w="150", b="20000")
    assert not any(m.label == "Machine's typical miss" for m in at.metric)
    at.toggle(key="par_best").set_value(True).run()
    assert _dollars(metric(at, "Machine's typical miss")) == pytest.approx(BEST.rmse, abs=1)
    yours = linear.score(DATA.size, DATA.price, 150, 20_000)
    gap = next(m for m in at.metric if m.label == "Machine's typical miss").delta
    assert _dollars(gap) == pytest.approx(BEST.rmse - yours.rmse, abs=1)
    assert _dollars(gap) < 0
    assert any(t["name"] == "Machine's best line" for t in charts(at)[0]["data"])


def test_the_machines_answer_scene_puts_your_knobs_on_the_best_line():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "Machine's answer").click().run()
    assert at.slider(key="par_w").value == round(BEST.w)
    assert _dollars(metric(at, MISS)) - BEST.rmse < 100
    assert at.query_params["best"] == "1"


def test_start_from_zero_scene_resets_every_other_control():
    at = open_page(PAGE, dirty="40", inputs="6")
    next(b for b in at.button if b.label == "Start from zero").click().run()
    assert (at.slider(key="par_w").value, at.slider(key="par_b").value) == (0, 0)
    assert at.slider(key="par_dirty").value == 0 and at.slider(key="par_inputs").value == 3
    assert _dollars(metric(at, MISS)) == pytest.approx(np.sqrt(np.mean(DATA.price**2)), abs=1)


def test_dirty_data_shows_the_weight_drifting_down():
    at = open_page(PAGE)
    assert metric(at, "Drift") == "$0 per sq ft"  # not "+$0": nothing has drifted
    assert any(c.value.startswith("No wrong prices yet") for c in at.caption)  # nothing pulls the line yet
    next(b for b in at.button if b.label == "20 % dirty data").click().run()
    dirty = linear.corrupt_labels(DATA.price, 0.2, np.random.default_rng(0))
    expected = linear.fit_least_squares(DATA.size, dirty.price).w - BEST.w
    assert _dollars(metric(at, "Drift")) == pytest.approx(expected, abs=0.5) and expected < -10
    assert any("pull the dashed line flatter" in c.value for c in at.caption)


def test_layer_widths_change_the_knob_count():
    at = open_page(PAGE)
    assert metric(at, "Knobs in this network") == str(network.count_parameters((3, 4, 1)))
    at.slider(key="par_hidden2").set_value(5).run()
    at.slider(key="par_inputs").set_value(8).run()
    assert metric(at, "Knobs in this network") == str(network.count_parameters((8, 4, 5, 1)))


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"w": "abc", "b": "nan", "best": "maybe"}, id="malformed"),
        pytest.param({"w": "1e309", "b": "-inf", "dirty": "-5", "inputs": "0"}, id="infinite and out of range"),
        pytest.param({"seed": "3.5e99", "rows": "", "hidden1": "x", "present": "2"}, id="odd numbers"),
        pytest.param({"w": "180", "zzz": "1"}, id="unknown setting"),
    ],
)
def test_parameters_survives_a_link_full_of_bad_values(params):
    at = open_bad_link(PAGE, accepted=("w",) if params.get("w") == "180" else (), **params)
    if params.get("w") == "180":
        assert at.slider(key="par_w").value == 180  # the good value beside the bad one was applied
    assert charts(at)


def test_the_model_that_guesses_300k_for_every_house_misses_by_its_spread():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "$300k for every house").click().run()
    expected = float(np.sqrt(np.mean((DATA.price - 300_000) ** 2)))
    assert _dollars(metric(at, MISS)) == pytest.approx(expected, abs=1)
