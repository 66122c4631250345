"""Disabled widgets as Streamlit 1.67 enforces them: a browser cannot change one, even in the run that disables it."""
from __future__ import annotations

import pytest

from nbapp.runtime.state import SessionState, WidgetMeta
from nbapp.testing import AppTest
from nbapp.testing.elements import AppTestError

# A button whose own callback disables it (Streamlit's e2e app st_tabs_selection.py does this).
SELF_DISABLING = """
import streamlit as st
st.session_state.setdefault("done", False)
def finish():
    st.session_state.done = True
    st.session_state.calls = st.session_state.get("calls", 0) + 1
clicked = st.button("Add", on_click=finish, disabled=st.session_state.done)
other = st.button("Other")
st.write(repr(clicked), repr(other))
"""


def test_a_button_its_own_callback_disables_returns_false_but_its_callback_ran():
    at = AppTest.from_string(SELF_DISABLING).run()
    at.button[0].click().run()
    assert at.markdown.values == ["False False"]  # Streamlit 1.67: the click is dropped once disabled
    assert at.session_state.calls == 1 and at.button[0].disabled is True
    at.button[1].click().run()
    assert at.markdown.values == ["False True"] and at.session_state.calls == 1


def test_apptest_refuses_to_change_a_disabled_widget_as_streamlits_does():
    at = AppTest.from_string("import streamlit as st\nst.text_input('Name', 'x', disabled=True)").run()
    with pytest.raises(AppTestError, match="Cannot update a disabled text_input widget"):
        at.text_input[0].set_value("forged")


def meta(key: str, disabled: bool, default=""):
    return WidgetMeta(id=key, kind="text_input", key=key, identity="t", default=default,
                      deserialize=lambda v: v, disabled=disabled)


def test_a_browser_change_to_a_disabled_widget_is_dropped_and_pushed_back():
    state = SessionState()
    assert state.register(meta("k", disabled=True, default="a")) == "a"
    state.forget_drawn()
    assert state.apply_changes({"k": "forged"}) == []  # disabled in the last run: no change, no callback
    assert state.register(meta("k", disabled=True, default="a")) == "a"
    state.forget_drawn()
    state.reset_triggers()
    assert state.register(meta("k", disabled=False, default="a")) == "a"
    state.forget_drawn()
    pushes = state.pushes("k")
    assert [m.key for m in state.apply_changes({"k": "typed"})] == ["k"]
    assert state.register(meta("k", disabled=True, default="a")) == "a"  # disabled in this very run
    assert state.pushes("k") == pushes + 1  # the browser is told to show "a" again
