"""What Streamlit scripts import resolves inside an app; names nbapp lacks say so; keys go through str()."""
from __future__ import annotations

import pytest

from nbapp.testing import AppTest


def run(script: str) -> AppTest:
    return AppTest.from_string(script).run()


def test_streamlit_runtime_exists_and_the_script_run_context():
    at = run("""
import threading
import streamlit as st
from streamlit import runtime
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx
ctx = get_script_run_ctx()
st.session_state.info = (runtime.exists(), isinstance(ctx.session_id, str), st.runtime.exists())
def work():
    st.write("from a thread")
t = add_script_run_ctx(threading.Thread(target=work))
t.start()
t.join()
""")
    assert at.session_state.info == (True, True, True)
    assert at.markdown[0].value == "from a thread"
    from nbapp import runtime
    assert runtime.exists() is False  # outside a run


def test_session_id_is_stable_across_runs():
    at = run("from streamlit.runtime.scriptrunner import get_script_run_ctx\nimport streamlit as st\n"
             "st.session_state.setdefault('ids', []).append(get_script_run_ctx().session_id)")
    at.run()
    first, second = at.session_state.ids
    assert first == second


def test_components_testing_and_errors_resolve():
    at = run("""
import streamlit as st
import streamlit.components.v1 as components
from streamlit.testing.v1 import AppTest
from streamlit.errors import StreamlitAPIException
components.html("<p>hi</p>")
try:
    st.slider("x", 5, 1)
except StreamlitAPIException as err:
    st.write("caught")
st.write(AppTest.__name__)
""")
    assert len(at.iframe) == 1
    assert at.markdown.values[-1] == "AppTest"


def test_module_paths_streamlits_own_e2e_apps_import_resolve():
    at = run("""
import streamlit as st
from streamlit.commands.page_config import MenuItems
from streamlit.components.v1 import components as legacy
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
menu_items: MenuItems = {"about": "_*This can be markdown!*_"}
st.set_page_config(menu_items=menu_items)
st.write(get_script_run_ctx() is not None, legacy.CustomComponent.__name__)
legacy.declare_component("legacy_one", url="http://localhost:3001")
""")
    assert at.markdown.values == ["`True` CustomComponent"]
    (error,) = at.exception
    assert error.value.startswith("components.declare_component('legacy_one'): custom Streamlit components are not "
                                  "supported by nbapp yet")


def test_a_streamlit_name_nbapp_lacks_says_it_is_not_supported_yet():
    at = run("import streamlit as st\nst.write('before')\nst.App('app.py')")  # Streamlit's ASGI app: not in nbapp
    assert at.markdown[0].value == "before"  # the app lives on up to the error
    (error,) = at.exception
    assert error.type == "NotSupportedError" and "st.App is not supported by nbapp yet" in error.value


def test_a_missing_submodule_says_it_is_not_supported_yet():
    at = run("import streamlit.web.cli")
    assert "streamlit.web.cli is not supported by nbapp yet" in at.exception[0].value


def test_a_name_streamlit_does_not_have_is_a_plain_attribute_error():
    at = run("import streamlit as st\nst.no_such_command()")
    assert at.exception[0].type == "AttributeError"


@pytest.mark.parametrize("call, message", [
    # Streamlit's own e2e apps still call these; 1.67 names the replacement.
    ("st.experimental_fragment", "st.experimental_fragment has been removed. Use st.fragment instead."),
    ("st.experimental_get_query_params()", "st.experimental_get_query_params has been removed. "
                                           "Use st.query_params instead."),
    ("st.bokeh_chart(None)", "st.bokeh_chart has been removed. Use the streamlit-bokeh component instead."),
    ("st.buton('Go')", "has no attribute 'buton'. Did you mean st.button?"),
    ("st.sidebar.add_rows([1])", "`add_rows()` is not a valid Streamlit command."),
    ("st.container().set_page_config()", "Method `set_page_config()` does not exist for `DeltaGenerator` objects. "
                                         "Did you mean `st.set_page_config()`?"),
    ("st.sidebar.rerun()", "Method `rerun()` does not exist for `st.sidebar`. Did you mean `st.rerun()`?"),
])
def test_removed_mistyped_and_misplaced_commands_say_what_to_use(call, message):
    (error,) = run(f"import streamlit as st\n{call}").exception
    assert message in error.value


def test_hasattr_is_false_for_a_command_a_container_lacks():
    assert run("import streamlit as st\nst.write(hasattr(st.sidebar, 'add_rows'))").markdown.values == ["`False`"]


def test_keys_are_converted_with_str_as_in_streamlit():
    at = run("import streamlit as st\nst.text_input('a', 'x', key=(1, 2))\nst.text_input('b', 'y', key=1.5)\n"
             "st.write(sorted(st.session_state.keys()))")
    assert at.json[0].body == ["(1, 2)", "1.5"] and at.session_state["(1, 2)"] == "x"
    assert at.session_state["1.5"] == "y"


def test_st_bottom_is_the_bottom_root():
    at = run("import streamlit as st\nst.bottom.write('pinned')\nst.write('main')")
    roots = {c.kind: c for c in at.children}
    assert roots["bottom"].markdown[0].value == "pinned" and roots["main"].markdown[0].value == "main"
