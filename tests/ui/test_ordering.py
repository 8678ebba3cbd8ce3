"""The put-in-order control: numbered slots filled by clicking steps, run through Streamlit's AppTest."""

from streamlit.testing.v1 import AppTest

from tests.apptest import place_in_order


def _script():
    import streamlit as st

    from playground.ui.ordering import put_in_order

    order = put_in_order("Put them in order", ("c", "a", "b"), "answer")
    st.text("order=" + ",".join(order))


def _open() -> AppTest:
    return AppTest.from_function(_script, default_timeout=30).run()


def _shown(at) -> tuple[str, list[str], list[str]]:
    """What the learner sees: the order, the slots, and the steps still to click."""
    slots = [m.value for m in at.markdown if m.value.startswith("**") and "." in m.value[:6]]
    steps = [b.label for b in at.button if b.key.startswith("answer-step-") and not b.disabled]
    return at.text[0].value, slots, steps


def test_a_placed_step_keeps_its_button_greyed_out_so_nothing_moves_under_the_pointer():
    """Placed steps' buttons went away: the others slid left under the pointer, and the last click lifted
    "Take the last one back" to the very spot the learner had clicked."""
    at = _open()
    for more, greyed in ((["a"], ["a"]), (["b", "c"], ["c", "a", "b"])):
        place_in_order(at, "answer", more)
        buttons = [b for b in at.button if b.key.startswith("answer-step-")]
        assert [b.label for b in buttons] == ["c", "a", "b"]  # all three, in their places
        assert [b.label for b in buttons if b.disabled] == greyed


def test_each_click_fills_the_next_slot_and_leaves_the_other_steps_to_click():
    at = _open()
    empty = ["**1.** _click a step below_", "**2.** …", "**3.** …"]
    assert _shown(at) == ("order=", empty, ["c", "a", "b"])
    place_in_order(at, "answer", ["a"])
    assert _shown(at) == ("order=a", ["**1.** a", "**2.** _click a step below_", "**3.** …"], ["c", "b"])
    place_in_order(at, "answer", ["b", "c"])
    assert _shown(at) == ("order=a,b,c", ["**1.** a", "**2.** b", "**3.** c"], [])
    assert not at.exception


def test_the_last_step_can_be_taken_back_and_the_whole_order_cleared():
    at = _open()
    back, clear = at.button(key="answer-back"), at.button(key="answer-clear")
    assert back.disabled and clear.disabled  # nothing to take back yet
    place_in_order(at, "answer", ["b", "c"])
    at.button(key="answer-back").click().run()
    assert _shown(at)[0] == "order=b" and "c" in _shown(at)[2]
    at.button(key="answer-clear").click().run()
    assert _shown(at) == _shown(_open())
