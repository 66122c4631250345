"""AppTest itself: a run that outlives its timeout."""
from __future__ import annotations

import threading

import pytest

from nbapp.testing import AppTest


ENDLESS_LOOP = """
import nbapp as st
ticker = st.empty()
i = 0
while True:
    i += 1
    ticker.text(i)
"""

ENDLESS_RERUN = """
import nbapp as st
st.session_state.n = st.session_state.get("n", 0) + 1
st.rerun()
"""


@pytest.mark.parametrize("script", [ENDLESS_LOOP, ENDLESS_RERUN], ids=["loop", "rerun"])
def test_a_run_past_its_timeout_raises_and_its_script_stops(script):
    at = AppTest.from_string(script)
    with pytest.raises(RuntimeError, match=r"timed out after 0.2\(s\)"):
        at.run(timeout=0.2)
    for thread in [t for t in threading.enumerate() if t.name == "nbapp-apptest"]:
        thread.join(5)
        assert not thread.is_alive()


def test_setters_take_the_browser_path_values_out_of_bounds_are_clamped_with_a_warning():
    at = AppTest.from_string("""
        import nbapp as st
        st.write(f'{st.slider("x", 0, 10, 3)}')
    """).run()
    with pytest.warns(RuntimeWarning, match=r"st.slider\('x'\): value 500 from the browser was clamped to 0..10"):
        at.slider[0].set_value(500).run()
    assert at.markdown[0].value == "10"


def test_a_value_a_browser_could_not_send_names_the_widget():
    at = AppTest.from_string("""
        import nbapp as st
        st.write(st.select_slider("Size", ["S", "M", "L"]))
    """).run()
    with pytest.raises(ValueError, match=r"st.select_slider\('Size'\) cannot take the value 'XL'"):
        at.select_slider[0].set_value("XL").run()
    assert at.select_slider[0].set_value("L").run().markdown[0].value == "L"


def test_form_widgets_wait_for_the_submit_button_as_in_the_browser():
    at = AppTest.from_string("""
        import nbapp as st
        with st.form("f"):
            n = st.number_input("n", 0, 10, 1)
            st.form_submit_button("Go")
        st.write(f"{n}")
    """).run()
    at.number_input[0].set_value(5).run()
    assert at.markdown[0].value == "1"
    at.get("form_submit_button")[0].click().run()
    assert at.markdown[0].value == "5"
