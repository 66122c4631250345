"""column_config.ButtonColumn clicks: the click state under the key for one run, the callback, bad clicks."""
from __future__ import annotations

import pytest

from nbapp.testing import AppTest

APP = """
import nbapp as st, pandas as pd
df = pd.DataFrame({"name": ["a", "b", "c"], "go": ["Open", "Open", ["Edit", "Delete"]]})
st.session_state.setdefault("log", [])
def clicked(tag):
    click = st.session_state.act
    st.session_state.log.append((tag, click["row"], click.label))
st.%s(df, column_config={"go": st.column_config.ButtonColumn("Go", key="act", on_click=clicked, args=("cb",))})
st.write(repr(st.session_state.act))
"""


@pytest.mark.parametrize("command", ["dataframe", "data_editor"])
def test_a_click_is_the_keys_value_for_one_run_and_calls_on_click(command):
    at = AppTest.from_string(APP % command).run()
    assert at.markdown[0].value == "None"
    assert {c["name"]: c.get("click_key") for c in at.dataframe[0].props["columns"]} == \
        {"name": None, "go": "act", **({"_index": None} if len(at.dataframe[0].props["columns"]) == 3 else {})}
    at._set("act", {"row": 2, "label": "Delete"})  # what the page sends for a click (AppTest has no grid clicks)
    at.run()
    assert at.markdown[0].value == "ButtonColumnClickState({'row': 2, 'label': 'Delete'})"
    assert at.session_state["log"] == [("cb", 2, "Delete")]
    at.run()
    assert at.markdown[0].value == "None" and len(at.session_state["log"]) == 1


def test_a_bad_click_is_ignored_with_a_warning():
    at = AppTest.from_string(APP % "dataframe").run()
    for wire in ('{"row": 9, "label": "Open"}', '{"row": true, "label": "Open"}', "not json", '{"row": 1}'):
        with pytest.warns(RuntimeWarning, match="is not a click"):
            assert at.session_state.receive("act", wire) == {"act": None}
    at.run()
    assert at.session_state["log"] == []


def test_the_config_is_streamlits_and_callbacks_need_a_key():
    at = AppTest.from_string("""
import nbapp as st
conf = st.column_config.ButtonColumn("Go", type="primary", key="k")
st.write(f"{conf.key} {conf.config['type_config']} {conf['disabled']}")
st.column_config.ButtonColumn("Go", on_click=print)
""").run()
    assert at.markdown[0].value.startswith("k")
    assert "'button_type': 'primary'" in at.markdown[0].value
    assert "need a key" in at.exception[0].value


def test_two_widgets_cannot_share_the_buttons_key():
    at = AppTest.from_string("""
import nbapp as st, pandas as pd
st.text_input("t", key="act")
st.dataframe(pd.DataFrame({"go": ["x"]}), column_config={"go": st.column_config.ButtonColumn(key="act")})
""").run()
    assert at.exception and "key='act'" in at.exception[0].value


def test_data_editor_on_change_ignore_keeps_an_edit_without_a_rerun():
    at = AppTest.from_string("""
import nbapp as st, pandas as pd
st.session_state.runs = st.session_state.get("runs", 0) + 1
out = st.data_editor(pd.DataFrame({"x": [1, 2]}), key="ed", on_change="ignore")
st.write(int(out["x"].sum()))
""").run()
    assert at.session_state.receive("ed", '{"edited_rows": {"0": {"x": 10}}}') is None  # stored, no rerun asked
    at.run()
    assert at.markdown[0].value == "`12`"


def test_streamlit_typing_names_the_returned_types():
    at = AppTest.from_string("""
import streamlit as st
from streamlit.typing import ButtonColumnClickState, ChatInputValue, DataEditorState, DataframeState, UploadedFile
import pandas as pd
event = st.dataframe(pd.DataFrame({"a": [1]}), on_select="rerun", key="sel")
st.write(f"{isinstance(event, DataframeState)} {st.typing.UploadedFile is UploadedFile}")
""").run()
    assert at.markdown[0].value == "True True"
    at = AppTest.from_string("from streamlit.typing import PlotlyState").run()
    assert "PlotlyState" in at.exception[0].value
