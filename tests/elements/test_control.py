"""Control and state: st.stop, st.rerun, st.session_state, st.set_page_config."""
from __future__ import annotations

import pytest

import nbapp as st
from nbapp.errors import NoRunContextError
from nbapp.testing import AppTest


def app(script: str) -> AppTest:
    return AppTest.from_string("import nbapp as st\n" + script)


def test_stop_ends_the_run_quietly_keeping_earlier_output():
    at = app("st.write('before')\nst.stop()\nst.write('after')").run()
    assert at.markdown.values == ["before"]
    assert len(at.exception) == 0


def test_stop_is_not_swallowed_by_except_exception():
    at = app("try:\n    st.stop()\nexcept Exception:\n    st.write('swallowed')\nst.write('after')").run()
    assert at.markdown.values == []


def test_rerun_starts_the_script_again_at_once():
    at = app("""
st.session_state.setdefault("n", 0)
st.session_state.n += 1
if st.session_state.n < 3:
    st.rerun()
st.write("runs:", st.session_state.n)
""").run()
    assert at.markdown.values == ["runs: `3`"]
    assert at.runs == 3


def test_session_state_item_and_attribute_access():
    at = app("""
if "count" not in st.session_state:
    st.session_state["count"] = 0
st.session_state.count += 1
st.write(st.session_state["count"], st.session_state.count)
""").run()
    assert at.markdown.values == ["`1` `1`"]
    assert at.run().markdown.values == ["`2` `2`"]


def test_session_state_in_del_iteration_and_to_dict():
    at = app("""
st.session_state.a = 1
st.session_state["b"] = 2
st.session_state.c = 3
del st.session_state.c
del st.session_state["b"]
st.write(sorted(st.session_state), len(st.session_state), "a" in st.session_state, "b" in st.session_state)
st.json(st.session_state.to_dict())
""").run()
    assert [j.body for j in at.json] == [["a"], {"a": 1}]
    assert at.markdown.values == ["`1` `True` `False`"]


def test_missing_session_state_key_explains_how_to_initialize():
    at = app("st.session_state.missing").run()
    assert at.exception[0].type == "AttributeError"
    assert 'st.session_state has no key "missing"' in at.exception[0].value
    assert "st.session_state['missing'] = ..." in at.exception[0].value


def test_session_state_can_be_set_before_the_first_run_from_a_test():
    at = app("st.write(st.session_state.greeting)")
    at.session_state["greeting"] = "hi"
    assert at.run().markdown.values == ["hi"]


def test_keyed_widget_value_is_in_session_state_and_cannot_be_set_after_drawing():
    at = app("""
x = st.slider("x", 0, 10, 4, key="x")
st.write(st.session_state.x)
st.session_state.x = 9
""").run()
    assert at.markdown.values == ["`4`"]
    assert at.exception[0].type == "NbappAPIError"
    assert "`st.session_state.x` cannot be modified after the widget with key `x` is instantiated" in \
        at.exception[0].value


def test_set_page_config_is_stored_on_the_app_and_in_the_tree():
    at = app("st.set_page_config(page_title='Demo', page_icon='🚀', layout='wide')\nst.write('hi')").run()
    config = at._app.page_config
    assert (config["page_title"], config["page_icon"], config["layout"]) == ("Demo", "🚀", "wide")
    assert at._app.tree.props["page_config"]["layout"] == "wide"


@pytest.mark.parametrize("call, needle", [
    ("st.set_page_config(layout='full')", "layout must be 'centered' or 'wide'; got 'full'"),
    ("st.set_page_config(initial_sidebar_state='open')", "initial_sidebar_state must be one of"),
])
def test_set_page_config_errors(call, needle):
    shown = app(call).run().exception[0]
    assert shown.type == "NbappAPIError"
    assert shown.value.startswith("st.set_page_config(): ") and needle in shown.value


def test_state_and_elements_outside_a_run_raise_a_helpful_error():
    with pytest.raises(NoRunContextError, match="st.session_state is only available inside an app run"):
        st.session_state["x"] = 1
    with pytest.raises(NoRunContextError, match=r"st.markdown is only available inside an app run"):
        st.markdown("hi")


def test_set_page_config_calls_refine_each_other():
    at = app("st.set_page_config(layout='wide')\nst.set_page_config(page_title='Later')\nst.write('hi')").run()
    assert at._app.page_config == {"layout": "wide", "page_title": "Later"}


def test_streamlit_testing_v1_resolves_inside_an_app():
    at = app("from streamlit.testing.v1 import AppTest\nst.write(AppTest.__module__)").run()
    assert at.markdown[0].value == "nbapp.testing.apptest"
