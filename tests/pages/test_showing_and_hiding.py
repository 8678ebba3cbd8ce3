"""Controls that appear and disappear keep their values, and an ordinary click never raises a notice.

A notice about the link is for a link the learner opened that carried something unusable; a
switch that hides the noise seed, or fewer neurons that leave fewer knobs to pick, is the
learner's own click."""

import pytest

from playground.content.controls import ALL
from playground.content.pages import ALL_PAGES
from tests.apptest import open_page

PAGES = [info for info in ALL_PAGES if info.slug in {spec.slug for spec in ALL}]


def _shown(at) -> dict[str, object]:
    """Every linked widget on the page now, by key, with its value."""
    widgets = [*at.slider, *at.number_input, *at.toggle, *at.selectbox, *at.select_slider, *at.button_group]
    return {w.key: w.value for w in widgets if w.key and not w.key.startswith("app_")}


CONTROLS = {spec.key(c.name): c for spec in ALL for c in spec.controls}


def _switches(at) -> list[tuple[str, str, list]]:
    """(kind, key, every value) of each toggle and one-choice control: the controls a click flips.
    A choice's values are the raw ones the page declared (the widgets show them formatted)."""
    found = [("toggle", t.key, [True, False]) for t in at.toggle if not t.key.startswith("app_")]
    found += [("selectbox", s.key, list(range(len(s.options)))) for s in at.selectbox]
    for group in at.button_group:
        if not isinstance(group.value, list):  # a row of buttons for one choice (a multiple choice never hides)
            found.append(("button_group", group.key, list(CONTROLS[group.key].spec.options)))
    return found


def _set(at, kind: str, key: str, value) -> None:
    widget = getattr(at, kind)(key=key)
    (widget.select_index(value) if kind == "selectbox" else widget.set_value(value)).run()
    assert not at.exception, (key, value, at.exception)


def _notices(at) -> list[str]:
    return [w.value for w in at.warning]


@pytest.mark.parametrize("info", PAGES, ids=[info.slug for info in PAGES])
def test_flipping_every_switch_and_choice_raises_no_notice(info):
    at = open_page(info.file)
    for kind, key, values in _switches(at):
        for value in [*values, values[0]]:
            _set(at, kind, key, value)
            assert not _notices(at), (key, value, _notices(at))


def test_the_sweep_finds_the_controls_a_switch_hides():
    gradient_descent = next(info for info in PAGES if info.slug == "gradient_descent")
    assert ("toggle", "gd_noisy", True, False, "gd_seed") in _dependents(gradient_descent)


def test_the_noise_seed_hides_with_noisy_gradients_and_comes_back_as_it_was():
    at = open_page("app_pages/gradient_descent.py")
    _set(at, "toggle", "gd_noisy", True)
    at.number_input(key="gd_seed").set_value(7).run()
    assert at.query_params["seed"] == "7"
    _set(at, "toggle", "gd_noisy", False)
    assert "gd_seed" not in _shown(at) and not _notices(at)
    assert at.query_params["seed"] == "7"  # kept in the link while hidden
    _set(at, "toggle", "gd_noisy", True)
    assert at.number_input(key="gd_seed").value == 7 and not _notices(at)


def _dependents(info) -> list[tuple[str, str, object, object, str]]:
    """(kind, switch key, a value showing it, a value hiding it, dependent key) for every control
    that some value of a switch shows and another hides."""
    found = []
    for kind, key, values in _switches(open_page(info.file)):
        seen = {}
        for value in values:
            at = open_page(info.file)
            _set(at, kind, key, value)
            seen[value] = set(_shown(at))
        for dependent in set().union(*seen.values()) - set.intersection(*seen.values()):
            shows = next(v for v, keys in seen.items() if dependent in keys)
            hides = next(v for v, keys in seen.items() if dependent not in keys)
            found.append((kind, key, shows, hides, dependent))
    return found


def _move(at, key: str) -> object:
    """Move the control ``key`` off the value it has, as a learner would; returns the new value."""
    for widget in [*at.slider, *at.number_input]:
        if widget.key == key:
            value = widget.max if widget.value != widget.max else widget.min
            widget.set_value(value).run()
            return value
    toggle = at.toggle(key=key)
    toggle.set_value(not toggle.value).run()
    return at.toggle(key=key).value


@pytest.mark.parametrize("info", PAGES, ids=[info.slug for info in PAGES])
def test_every_control_a_switch_hides_comes_back_with_the_value_it_had(info):
    for kind, key, shows, hides, dependent in _dependents(info):
        at = open_page(info.file)
        _set(at, kind, key, shows)
        value = _move(at, dependent)
        _set(at, kind, key, hides)
        assert dependent not in _shown(at) and not _notices(at), (key, dependent, _notices(at))
        _set(at, kind, key, shows)
        assert not _notices(at), (key, dependent, _notices(at))
        assert _shown(at)[dependent] == value, (key, dependent)


def test_fewer_neurons_leave_fewer_knobs_and_say_nothing():
    at = open_page("app_pages/backpropagation.py")
    knobs = at.selectbox(key="bp_param")
    knobs.select_index(len(knobs.options) - 1).run()  # the last knob: one of the widest layer's
    at.button_group(key="bp_hidden").set_value(min(CONTROLS["bp_hidden"].spec.options)).run()
    assert not at.exception and not _notices(at)
    assert at.selectbox(key="bp_param").index is not None  # a knob that exists, drawn and nudged
    assert any(m.label == "Predicted change" for m in at.metric)
