"""persist_state: a keyed widget's value outlives the runs that do not draw it ("page" or "session")."""
from __future__ import annotations

import textwrap

import pytest

from nbapp.testing import AppTest

HIDDEN = """
import nbapp as st
if not st.checkbox("hide"):
    st.slider("s", 0, 10, 1, key="s"{extra})
"""

PAGES = """
import nbapp as st
def first():
    st.slider("pa", 0, 10, 1, key="pa", persist_state="page")
    st.slider("sa", 0, 10, 1, key="sa", persist_state="session")
    st.slider("na", 0, 10, 1, key="na")
def second():
    st.write("second page")
pages = [st.Page(first, title="First"), st.Page(second, title="Second")]
page = st.navigation(pages)
wanted = st.session_state.get("goto")
if wanted and wanted != page.title:
    st.switch_page(pages[0] if wanted == "First" else pages[1])
page.run()
"""


@pytest.mark.parametrize("scope", ["page", "session"])
def test_a_hidden_widget_keeps_its_value_and_shows_it_again(scope):
    at = AppTest.from_string(HIDDEN.format(extra=f', persist_state="{scope}"')).run()
    at.slider[0].set_value(7).run()
    at.checkbox[0].check().run()
    assert not at.slider and at.session_state["s"] == 7
    at.checkbox[0].uncheck().run()
    assert at.slider[0].value == 7 and at.slider[0].props["value"] == 7


def test_without_persist_state_a_hidden_widget_loses_its_value():
    at = AppTest.from_string(HIDDEN.format(extra="")).run()
    at.slider[0].set_value(7).run()
    at.checkbox[0].check().run()
    assert "s" not in at.session_state
    at.checkbox[0].uncheck().run()
    assert at.slider[0].value == 1


def test_page_scope_ends_with_a_page_switch_and_session_scope_does_not():
    at = AppTest.from_string(textwrap.dedent(PAGES)).run()
    for slider in at.slider:
        slider.set_value(7)
    at.run()
    at.session_state["goto"] = "Second"
    at.run()
    assert at.markdown[0].value == "second page"
    assert "sa" in at.session_state and "pa" not in at.session_state and "na" not in at.session_state
    at.session_state["goto"] = "First"
    at.run()
    assert [s.value for s in at.slider] == [1, 7, 1]  # "page" is not restored on return: only "session"


def test_persist_state_needs_a_key_and_a_known_scope(api_error):
    message = api_error('st.slider("x", persist_state="session")')
    assert "st.slider('x')" in message and "The `key` parameter is required. When using persist_state" in message
    message = api_error('st.text_input("t", key="t", persist_state="forever")')
    assert "persist_state must be 'page', 'session' or None" in message and "'forever'" in message
