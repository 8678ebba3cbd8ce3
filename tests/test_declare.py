"""A page's declaration refuses a scene that could only fail silently."""

import pytest

from playground.content import controls as declared
from playground.declare import PageSpec, Scene, multi, select, slider, toggle

CONTROLS = (slider("lr", "Rate", 0.0, 1.0, 0.1, 0.01), toggle("on", "On"), multi("opt", "Opt", ("a", "b"), ("a",)))


@pytest.mark.parametrize(
    ("values", "says"),
    [
        pytest.param({"lrr": 0.5}, "'lrr', which is not a control here", id="misspelt name"),
        pytest.param({"lr": 5.0}, "'lr' to 5.0, outside its range", id="out of range"),
        pytest.param({"on": "yes"}, "'on' to 'yes', outside its range", id="wrong type"),
        pytest.param({"opt": ["a", "c"]}, "'opt' to ['a', 'c']", id="unknown option"),
    ],
)
def test_a_scene_naming_an_unknown_control_or_an_impossible_value_is_refused(values, says):
    with pytest.raises(ValueError, match="scene 'Broken'") as refused:
        PageSpec("page", "p", CONTROLS, (Scene("Broken", "", values),))
    assert says in str(refused.value)


def test_a_scene_brings_the_part_it_is_about_into_view_the_control_it_sets_by_default():
    setting, viewing = Scene("Sets", "", {"on": True, "lr": 0.5}), Scene("Views", "", {"lr": 0.5}, "costs")
    page = PageSpec("page", "p", CONTROLS, (setting, viewing, Scene("Nothing", "")))
    assert page.focus(setting) == "p_on"  # its first control's widget
    assert page.focus(viewing) == page.anchor("costs") == "p_costs"  # the part the page marks
    assert page.focus(page.scenes[2]) == "p_lr"  # the page's first control
    with pytest.raises(KeyError, match="no scene views 'cost'"):
        page.anchor("cost")  # a misspelt mark would never be scrolled to
    for view in ("lr", "two words"):  # a control's own key, or no key at all
        with pytest.raises(ValueError, match=f"views {view!r}"):
            PageSpec("page", "p", CONTROLS, (Scene("Broken", "", {}, view),))


def test_a_control_declared_twice_or_a_prefix_with_an_underscore_is_refused():
    with pytest.raises(ValueError, match="declared twice"):
        PageSpec("page", "p", (*CONTROLS, select("on", "Again", ("x",), "x")))
    with pytest.raises(ValueError, match="prefix"):
        PageSpec("page", "p_q", CONTROLS)


def test_keys_and_scene_state_come_from_the_declaration():
    page = PageSpec("page", "p", CONTROLS, (Scene("Both", "", {"lr": 0.5, "opt": ["b"]}),))
    assert page.key("lr") == "p_lr"
    assert page.scene_state(page.scenes[0]) == {"p_lr": 0.5, "p_opt": ["b"]}
    with pytest.raises(KeyError, match="no control 'lrr'"):
        page.key("lrr")


def test_every_page_has_a_declaration_with_its_own_prefix():
    from playground.content.pages import ALL_PAGES

    assert {p.slug for p in declared.ALL} == {p.slug for p in ALL_PAGES}
    prefixes = [p.prefix for p in (*declared.ALL, declared.APP)]
    assert len(set(prefixes)) == len(prefixes)


def test_an_earlier_default_must_be_a_value_of_a_declared_control():
    with pytest.raises(ValueError, match="earlier default"):
        PageSpec("p", "p", (slider("n", "N", 10, 300, 20, 5),), earlier={"n": 7})
    with pytest.raises(ValueError, match="earlier default"):
        PageSpec("p", "p", (slider("n", "N", 10, 300, 20, 5),), earlier={"m": 30})
