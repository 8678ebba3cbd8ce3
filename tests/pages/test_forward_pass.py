import numpy as np
import pytest

from playground.format import count as human_count
from playground.models import digits, nn
from tests.apptest import metric, open_bad_link, open_page

PAGE = "app_pages/forward_pass.py"
_, HELD_OUT = digits.split(digits.load())
PARAMS = digits.load_weights()


def _reads(at) -> str:
    return metric(at, "The network reads")


def test_another_digit_changes_the_prediction_to_what_the_network_computes():
    at = open_page(PAGE)
    assert not at.exception
    first = _reads(at)
    other = next(i for i in range(len(HELD_OUT.y)) if str(HELD_OUT.y[i]) != first)
    at.number_input(key="fwd_pick").set_value(other).run()
    expected = int(nn.forward(PARAMS, HELD_OUT.X[other][None, :]).a[-1].argmax())
    assert _reads(at) == str(expected) != first
    assert metric(at, "The digit really is") == str(HELD_OUT.y[other])


def test_the_page_states_the_held_out_accuracy_and_it_is_above_ninety_percent():
    at = open_page(PAGE)
    shown = float(metric(at, "Right on new digits").rstrip("%")) / 100
    assert shown == pytest.approx(digits.accuracy(PARAMS, HELD_OUT), abs=0.001) and shown > 0.9


def test_the_page_counts_no_knob_changed_by_the_forward_pass():
    at = open_page(PAGE, pick="17")
    assert metric(at, "Knobs changed by this prediction") == f"0 of {nn.parameter_count(PARAMS):,}"


def _sure(at) -> str:
    return next(m for m in at.metric if m.label == "The network reads").delta.removesuffix(" sure")


def test_a_smudge_lowers_the_networks_confidence():
    clean = open_page(PAGE, pick="5")
    smudged = open_page(PAGE, pick="5", noise="0.45")
    sure = {at: 100.0 if _sure(at) == "over 99.9%" else float(_sure(at).rstrip("%")) for at in (clean, smudged)}
    assert sure[smudged] < sure[clean]


def test_a_clear_digit_is_never_said_to_be_read_with_certainty():
    """The page opened on "0, 100.0% sure": softmax gave 0.99996."""
    probs = nn.forward(PARAMS, HELD_OUT.X[:1]).a[-1][0]  # the first held-out digit, as the page opens
    assert 0.9995 <= probs.max() < 1
    assert _sure(open_page(PAGE)) == "over 99.9%"


def test_stepping_through_the_layers_changes_the_chart_and_the_sentence():
    at = open_page(PAGE)
    captions = []
    for layer in ("Input", "Hidden layer", "Output"):
        at = open_page(PAGE, layer=layer)
        captions.append(at.caption[1].value)
    assert len(set(captions)) == 3


def test_a_bigger_network_costs_more_per_prediction():
    small = open_page(PAGE)
    big = open_page(PAGE, inputs="150528", width="4096", depth="8")
    assert metric(small, "Multiply-adds per prediction") == "2,368"
    expected = nn.multiply_adds((150_528, *[4096] * 8, 10))
    assert metric(big, "Multiply-adds per prediction") == human_count(expected)
    assert expected > 100_000 * 2_368


@pytest.mark.parametrize(
    "params", [{"pick": "9999", "noise": "x", "layer": "Middle"}, {"inputs": "7", "width": "nan", "depth": "-2"}]
)
def test_forward_pass_survives_a_link_full_of_bad_values(params):
    open_bad_link(PAGE, **params)


def test_noise_is_seeded_by_the_digit_so_the_same_link_shows_the_same_smudge():
    a, b = open_page(PAGE, pick="3", noise="0.3"), open_page(PAGE, pick="3", noise="0.3")
    assert _reads(a) == _reads(b)
    assert np.isfinite(float(metric(a, "The network reads")))
