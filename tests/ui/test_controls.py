"""Link-bound controls and scenes, run through Streamlit's AppTest."""

import pytest
from streamlit.testing.v1 import AppTest

from playground.content.controls import ALL
from playground.quote import quote
from tests.apptest import words_to_the_browser


def _script():
    import streamlit as st

    from playground import declare
    from playground.ui import controls, scenes

    page = declare.PageSpec(
        "test",
        "t",
        (
            declare.slider("w", "Weight", 0, 100, 10, 1),
            declare.toggle("on", "On"),
            declare.select("kind", "Kind", ("a", "b"), "a"),
            declare.log_slider("lr", "Rate", (0.001, 0.01, 0.1, 1.0), 0.1),
            declare.number("n", "Count", 0, 10, 3, 1),
            declare.multi("picks", "Picks", ("x", "y", "z"), ("x",)),
        ),
        (declare.Scene("Big", "Weight up, switch on", {"w": 90, "on": True}),),
    )
    controls.start_run()
    box = st.container()
    scenes.scene_buttons(page)
    w, on, kind, rate, n, picks = (controls.control(page, c.name) for c in page.controls)
    st.text(f"w={w} on={on} kind={kind} rate={rate} n={n} picks={','.join(picks)}")
    controls.finish_run(box)


def _open(**params):
    at = AppTest.from_function(_script, default_timeout=30)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def _shown(at):
    return at.text[0].value


def _notice(at):
    return "\n".join(w.value for w in at.warning)


def test_no_link_gives_defaults_and_a_clean_link():
    at = _open()
    assert _shown(at) == "w=10 on=False kind=a rate=0.1 n=3 picks=x"
    assert not at.warning
    assert at.query_params == {}


def test_a_link_restores_every_control():
    at = _open(w="42", on="1", kind="b", lr="0.001", n="7", picks="z,y")
    assert _shown(at) == "w=42 on=True kind=b rate=0.001 n=7 picks=y,z"
    assert not at.warning


@pytest.mark.parametrize(
    ("name", "raw", "reason"),
    [
        pytest.param("w", "abc", "is not a number", id="malformed"),
        pytest.param("w", "nan", "is not a finite number", id="NaN"),
        pytest.param("w", "inf", "is not a finite number", id="infinite"),
        pytest.param("w", "1000", "is outside 0 to 100", id="out of range"),
        pytest.param("kind", "zzz", "is not one of a, b", id="unknown option"),
        pytest.param("on", "perhaps", "is not on or off", id="not a switch word"),
        pytest.param("picks", "x,q", "lists something other than x, y, z", id="unknown pick"),
    ],
)
def test_a_bad_link_value_falls_back_with_a_notice_naming_it(name, raw, reason):
    at = _open(**{name: raw})
    assert not at.exception
    assert _shown(at) == "w=10 on=False kind=a rate=0.1 n=3 picks=x"
    assert f"**{name}** value {quote(raw)}" in _notice(at) and reason in _notice(at)
    assert name not in at.query_params


def test_good_values_survive_beside_a_bad_one():
    at = _open(w="abc", n="9")
    assert _shown(at) == "w=10 on=False kind=a rate=0.1 n=9 picks=x"
    assert at.query_params == {"n": "9"}


def test_an_unknown_link_setting_is_named_and_dropped():
    at = _open(colour="red")
    assert "colour" in _notice(at)
    assert "colour" not in at.query_params


def test_moving_a_control_writes_the_link_and_the_default_leaves_it():
    at = _open()
    at.slider(key="t_w").set_value(55).run()
    assert at.query_params["w"] == "55"
    at.slider(key="t_w").set_value(10).run()
    assert "w" not in at.query_params


def test_a_move_sent_with_an_older_link_still_ends_with_the_browser_told_the_whole_link(monkeypatch):
    """A fast burst of keys: the move back to the default arrives carrying the browser's link from
    before the last run's word (w=55) reached it. That word lands after; the run must still say
    the whole link last, or the address bar keeps naming 55 while the slider shows 10."""
    sent = words_to_the_browser(monkeypatch)
    at = _open()
    at.slider(key="t_w").set_value(55).run()
    assert sent[-1] == "w=55"
    at.query_params.clear()  # the browser's link, older than the word on its way
    sent.clear()
    at.slider(key="t_w").set_value(10).run()
    assert sent and sent[-1] == ""


def test_picking_none_is_kept_in_the_link_and_restored():
    at = _open()
    next(g for g in at.get("button_group") if g.key == "t_picks").set_value([]).run()
    assert at.query_params["picks"] == "none"
    assert _open(picks="none").text[0].value.endswith("picks=")


def test_the_notice_goes_away_once_the_learner_moves_on():
    at = _open(w="abc")
    assert at.warning
    at.slider(key="t_w").set_value(20).run()
    assert not at.warning


def test_a_scene_sets_its_values_resets_the_rest_and_the_link_follows():
    at = _open(n="9", kind="b")
    at.button[0].click().run()
    assert _shown(at) == "w=90 on=True kind=a rate=0.1 n=3 picks=x"
    assert at.query_params == {"w": "90", "on": "1"}


def _visit_script():
    """A page with two controls, and elsewhere (the glossary, say): the page's widgets are not drawn."""
    import streamlit as st

    from playground import declare
    from playground.ui import controls

    page = declare.PageSpec("test", "t", (declare.slider("w", "Weight", 0, 100, 10, 1), declare.toggle("on", "On")))
    controls.start_run()
    controls.restore(page)
    box = st.container()
    if st.session_state.get("where", "page") == "page":
        st.text(f"w={controls.control(page, 'w')} on={controls.control(page, 'on')}")
    else:
        st.text("elsewhere")
    controls.finish_run(box)


def _leave_and_come_back(at, link: dict[str, str]):
    """Go elsewhere as the sidebar does (the link is emptied), then come back with ``link``."""
    at.session_state["where"] = "elsewhere"
    at.query_params.clear()
    at.run()
    assert at.text[0].value == "elsewhere" and "t_w" not in at.session_state  # Streamlit forgot the widget
    at.session_state["where"] = "page"
    at.query_params.clear()
    at.query_params.update(link)
    return at.run()


def test_coming_back_to_a_page_shows_the_setup_left_there_and_its_link():
    at = AppTest.from_function(_visit_script, default_timeout=30).run()
    at.slider(key="t_w").set_value(55).run()
    at.toggle(key="t_on").set_value(True).run()
    _leave_and_come_back(at, {})
    assert at.text[0].value == "w=55 on=True" and not at.warning
    assert at.query_params == {"w": "55", "on": "1"}


def test_a_link_naming_the_pages_settings_opens_as_it_says_even_after_a_visit():
    at = AppTest.from_function(_visit_script, default_timeout=30).run()
    at.slider(key="t_w").set_value(55).run()
    _leave_and_come_back(at, {"on": "1"})
    assert at.text[0].value == "w=10 on=True"  # a shared setup: what it leaves out is the default


def _seed_script():
    from playground import declare
    from playground.ui import controls

    page = declare.PageSpec("test", "t", (declare.slider("w", "Weight", 0, 100, 10, 1), declare.seed("s", "Seed")))
    controls.start_run()
    controls.control(page, "w"), controls.control(page, "s")


def test_a_seed_is_folded_away_under_advanced_and_the_other_controls_are_not():
    at = AppTest.from_function(_seed_script, default_timeout=30).run()
    (fold,) = at.expander
    assert fold.label == "Advanced" and [n.key for n in fold.number_input] == ["t_s"]
    assert not fold.slider and [s.key for s in at.slider] == ["t_w"]


@pytest.mark.parametrize("spec", ALL, ids=lambda s: s.slug)
def test_every_seed_on_every_page_is_advanced(spec):
    for c in spec.controls:
        technical = "seed" in c.label.lower() or c.label == "Sample"  # "Sample": which draw of houses
        assert c.advanced == technical, c.label
