"""Sections: the parts of a page that rerun alone, and what a later part reads from an earlier one."""

from streamlit.testing.v1 import AppTest

from tests.apptest import words_to_the_browser


def _page(reader: str):
    import streamlit as st

    from playground import declare
    from playground.ui import controls, sections

    page = declare.PageSpec("test", "t", (declare.slider("a", "A", 0, 10, 1, 1), declare.slider("b", "B", 0, 10, 2, 1)))
    controls.start_run()
    st.session_state["whole runs"] = st.session_state.get("whole runs", 0) + 1

    @sections.section(page)
    def first() -> None:
        controls.control(page, "a")

    @sections.section(page)
    def second() -> None:
        b = controls.control(page, "b")
        st.text(f"a + b = {sections.drawn(page, 'a') + b}")

    if reader == "first":
        second()
    first()
    if reader == "later":
        second()
    if reader == "page":  # the page itself, outside any section
        st.text(f"a = {sections.drawn(page, 'a')}")


def test_a_move_reruns_its_section_and_the_section_reading_it_not_the_page():
    at = AppTest.from_function(_page, args=("later",), default_timeout=30).run()
    assert not at.exception and at.text[0].value == "a + b = 3"
    at.slider(key="t_a").set_value(5).run()
    assert at.text[0].value == "a + b = 7"  # the reader followed
    assert at.session_state["whole runs"] == 1  # and the page's own code did not run again


def test_a_sections_own_run_ends_with_the_browser_told_the_whole_link(monkeypatch):
    """As a whole run does (see the controls' test): a move that reruns its section alone, sent with
    an older link than the one on its way, still has the run say the whole link last."""
    sent = words_to_the_browser(monkeypatch)
    at = AppTest.from_function(_page, args=("later",), default_timeout=30).run()
    at.slider(key="t_a").set_value(5).run()
    assert sent[-1] == "a=5"
    at.query_params.clear()
    sent.clear()
    at.slider(key="t_a").set_value(1).run()
    assert at.session_state["whole runs"] == 1 and at.text[0].value == "a + b = 3"
    assert sent and sent[-1] == ""


def test_the_page_reading_a_sections_control_outside_any_section_reruns_whole():
    at = AppTest.from_function(_page, args=("page",), default_timeout=30).run()
    assert at.text[0].value == "a = 1"
    at.slider(key="t_a").set_value(5).run()
    assert not at.exception and at.text[0].value == "a = 5"
    assert at.session_state["whole runs"] == 2


def test_reading_a_control_before_its_section_draws_it_is_refused():
    at = AppTest.from_function(_page, args=("first",), default_timeout=30).run()
    assert "'a' is read before the section that draws it" in at.exception[0].message
