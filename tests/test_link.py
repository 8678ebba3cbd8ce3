import pytest

from playground import link

KNOB = link.Range(0, 400, 1, 100)
FINE = link.Range(0.0, 1.0, 0.05, 0.5)
RATE = link.Choice((0.001, 0.01, 0.1, 1.0), 0.1)
KIND = link.Choice(("mse", "mae"), "mse")
SWITCH = link.Switch(False)
PENALTY = link.Choice((0.0, 0.001, 0.01, 0.1), 0.0)
SEARCH = link.Text("")
PICK = link.Choices(("mse", "mae", "huber"), ("mse", "mae"))


@pytest.mark.parametrize(
    ("spec", "raw", "value"),
    [
        pytest.param(KNOB, "180", 180, id="whole number"),
        pytest.param(KNOB, "180.4", 180, id="snaps to the step"),
        pytest.param(KNOB, "1e2", 100, id="scientific notation"),
        pytest.param(FINE, "0.26", 0.25, id="float snaps to 0.05"),
        pytest.param(RATE, "0.012", 0.01, id="log value snaps to the nearest option"),
        pytest.param(KIND, "mae", "mae", id="named option"),
        pytest.param(PENALTY, "0", 0.0, id="zero among log options"),
        pytest.param(PENALTY, "0.0004", 0.001, id="between options, snaps in log space"),
        pytest.param(PENALTY, "-0", 0.0, id="minus zero is zero"),
        pytest.param(SEARCH, "  grad ", "grad", id="search text, trimmed"),
        pytest.param(SWITCH, "1", True, id="switch 1"),
        pytest.param(SWITCH, "off", False, id="switch off"),
        pytest.param(SWITCH, "TRUE", True, id="switch any case"),
        pytest.param(PICK, "huber,mse", ["mse", "huber"], id="several, in the options' order"),
        pytest.param(PICK, "none", [], id="none picked"),
    ],
)
def test_link_values_are_read(spec, raw, value):
    got, reason = link.read(spec, [raw])
    assert (got, reason) == (value, None)
    assert type(got) is type(value)


@pytest.mark.parametrize(
    ("spec", "raw", "reason"),
    [
        pytest.param(KNOB, "abc", "it is not a number", id="malformed"),
        pytest.param(KNOB, "nan", "it is not a finite number", id="NaN"),
        pytest.param(KNOB, "-inf", "it is not a finite number", id="infinite"),
        pytest.param(KNOB, "401", "it is outside 0 to 400", id="above range"),
        pytest.param(KNOB, "", "it is not a number", id="empty"),
        pytest.param(RATE, "5", "it is outside 0.001 to 1", id="rate above range"),
        pytest.param(RATE, "-0.1", "it is outside 0.001 to 1", id="negative rate"),
        pytest.param(KIND, "hinge", "it is not one of mse, mae", id="unknown option"),
        pytest.param(SWITCH, "maybe", "it is not on or off (use 1 or 0)", id="not a switch word"),
        pytest.param(PICK, "mse,hinge", "it lists something other than mse, mae, huber", id="one unknown pick"),
        pytest.param(PICK, "", "it lists something other than mse, mae, huber", id="empty pick list"),
        pytest.param(SEARCH, "x" * 61, "it is longer than 60 characters", id="search too long"),
    ],
)
def test_bad_link_values_fall_back_to_the_default_with_a_reason(spec, raw, reason):
    assert link.read(spec, [raw]) == (spec.default, reason)


def test_missing_value_is_the_default_without_complaint():
    assert link.read(KNOB, []) == (100, None)


def test_the_last_repeated_value_wins():
    assert link.read(KNOB, ["5", "7"]) == (7, None)


@pytest.mark.parametrize(
    ("spec", "value", "text"),
    [
        (KNOB, 180, "180"),
        (FINE, 0.25, "0.25"),
        (RATE, 0.001, "0.001"),
        (KIND, "mae", "mae"),
        (SWITCH, True, "1"),
        (PICK, ["mae", "huber"], "mae,huber"),
        (PICK, [], "none"),
    ],
)
def test_values_round_trip_through_the_link(spec, value, text):
    assert spec.to_text(value) == text
    assert link.read(spec, [text]) == (value, None)


@pytest.mark.parametrize(
    ("spec", "value", "ok"),
    [
        (KNOB, 5, True),
        (KNOB, 5.5, False),
        (KNOB, True, False),
        (KNOB, 999, False),
        (FINE, 0.3, True),
        (KIND, "x", False),
        (SWITCH, 1, False),
    ],
)
def test_valid_accepts_only_what_the_widget_can_show(spec, value, ok):
    assert spec.valid(value) is ok


def test_specs_reject_a_default_they_cannot_hold():
    with pytest.raises(ValueError):
        link.Range(0, 10, 1, 11)
    with pytest.raises(ValueError):
        link.Choice(("a",), "b")
    with pytest.raises(ValueError):
        link.Choices(("a",), ("b",))


def test_a_pick_list_equals_its_default_in_any_order():
    assert PICK.same(["mae", "mse"], PICK.default)


@pytest.mark.parametrize("raw", ["１２", "٣", "1_0", " 12", "12 ", "１.５"])
def test_a_link_number_is_written_with_the_digits_0_to_9_only(raw):
    assert link.read(KNOB, [raw]) == (KNOB.default, "it is not a number written with the digits 0 to 9")


@pytest.mark.parametrize("raw", ["12", "-0", "+7", "1e2", "2.50", ".5"])
def test_plain_numbers_are_still_read(raw):
    assert link.read(KNOB, [raw])[1] is None


@pytest.mark.parametrize(
    ("spec", "raw", "moved"),
    [
        (KNOB, "150", False),
        (KNOB, "150.0", False),
        (KNOB, "150.4", True),
        (RATE, "0.1", False),
        (RATE, "0.11", True),
        (SWITCH, "1", False),
        (KNOB, "abc", False),
    ],
)
def test_a_number_moved_to_the_nearest_value_the_control_takes_is_told(spec, raw, moved):
    value, _ = link.read(spec, [raw])
    assert link.changed(spec, [raw], value) is moved
