"""computed_with_progress: a longer run computes once per viewer and key, showing a bar meanwhile."""

from streamlit.testing.v1 import AppTest


def _script():
    import streamlit as st

    from playground.ui.page import computed_with_progress

    calls = st.session_state.setdefault("calls", [])
    n = st.session_state.get("n", 1)

    def compute(progress):
        calls.append(n)
        for i in range(4):
            progress((i + 1) / 4)
        return n * n

    st.text(f"result={computed_with_progress('demo', (n,), compute, 'Working…')} calls={len(calls)}")


def test_a_result_is_computed_once_per_key_and_kept():
    at = AppTest.from_function(_script).run()
    assert at.text[0].value == "result=1 calls=1"
    at.run()
    assert at.text[0].value == "result=1 calls=1"  # kept, not recomputed
    at.session_state["n"] = 3
    at.run()
    assert at.text[0].value == "result=9 calls=2"


def test_only_the_eight_most_recent_results_are_kept():
    at = AppTest.from_function(_script).run()
    for n in range(2, 12):
        at.session_state["n"] = n
        at.run()
    assert len(at.session_state["_computed_demo"]) == 8
    at.session_state["n"] = 1
    at.run()
    assert at.text[0].value == "result=1 calls=12"  # the first result had been dropped
