"""Sections: the parts of a page that rerun alone, and the guard on what they read from each other."""

import pytest
from streamlit.testing.v1 import AppTest

from playground import declare
from playground.ui.sections import section

PAGE = declare.PageSpec("test", "t", (declare.slider("a", "A", 0, 10, 1, 1), declare.slider("b", "B", 0, 10, 2, 1)))


def test_a_section_naming_a_control_the_page_lacks_is_refused_at_once():
    with pytest.raises(KeyError, match="nope"):
        section(PAGE, "nope")


def _page(reaching: tuple[str, ...]):
    import streamlit as st

    from playground import declare
    from playground.ui import controls, sections

    page = declare.PageSpec("test", "t", (declare.slider("a", "A", 0, 10, 1, 1), declare.slider("b", "B", 0, 10, 2, 1)))
    controls.start_run()

    @sections.section(page, *reaching)
    def first() -> None:
        controls.control(page, "a")

    @sections.section(page)
    def second() -> None:
        b = controls.control(page, "b")
        st.text(f"a + b = {sections.drawn(page, 'a') + b}")

    first()
    second()


@pytest.mark.parametrize(("reaching", "shown"), [(("a",), "a + b = 3"), ((), None)])
def test_a_section_reads_another_sections_control_only_when_that_section_says_it_reaches(reaching, shown):
    at = AppTest.from_function(_page, args=(reaching,), default_timeout=30).run()
    if shown:
        assert not at.exception and at.text[0].value == shown
        at.slider(key="t_a").set_value(5).run()
        assert at.text[0].value == "a + b = 7"
    else:  # undeclared, a move of a would leave the sum stale: the page refuses to draw instead
        assert "does not name it in reaching" in at.exception[0].message
