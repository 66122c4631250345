"""st.data_editor and st.dataframe selections, through AppTest: return values and session_state as in Streamlit."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

EDITOR = """
df = pd.DataFrame({"item": ["apple", "pear", "fig"], "qty": [3, 4, 5], "ok": [True, False, True]})
edited = st.data_editor(df, num_rows="dynamic", key="cart",
                        column_config={"qty": st.column_config.NumberColumn(min_value=0, max_value=10)})
st.text(repr(edited.astype(object).where(edited.notna(), None).to_dict(orient="list")))
st.text(repr(type(edited).__name__))
"""


def shown(at) -> dict:
    return eval(at.text[0].value)


def test_the_editor_returns_the_data_unchanged_before_any_edit(run):
    at = run(EDITOR)
    assert shown(at) == {"item": ["apple", "pear", "fig"], "qty": [3, 4, 5], "ok": [True, False, True]}
    assert at.session_state["cart"] == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def test_edits_additions_and_deletions_come_back_on_the_rerun(run):
    at = run(EDITOR)
    at.data_editor[0].set_value({"edited_rows": {0: {"qty": 7, "item": "plum"}, 2: {"ok": False}},
                                 "added_rows": [{"item": "kiwi", "qty": 1}], "deleted_rows": [1]}).run()
    assert shown(at) == {"item": ["plum", "fig", "kiwi"], "qty": [7, 5, 1], "ok": [True, False, None]}
    state = at.session_state["cart"]
    assert state == {"edited_rows": {0: {"qty": 7, "item": "plum"}, 2: {"ok": False}},
                     "added_rows": [{"item": "kiwi", "qty": 1}], "deleted_rows": [1]}
    assert state.edited_rows[0]["qty"] == 7  # attribute access, as Streamlit's DataEditorState
    assert at.text[1].value == "'DataFrame'"


def test_the_browser_sends_json_whose_row_keys_become_ints(run):
    at = run(EDITOR)
    at.data_editor[0].set_value('{"edited_rows": {"1": {"qty": 2}}, "added_rows": [], "deleted_rows": []}').run()
    assert at.session_state["cart"]["edited_rows"] == {1: {"qty": 2}}
    assert shown(at)["qty"] == [3, 2, 5]


@pytest.mark.parametrize("edit, why", [
    ({"edited_rows": {0: {"qty": 99}}}, "above the column's max_value 10"),
    ({"edited_rows": {0: {"qty": "many"}}}, "is not a number"),
    ({"edited_rows": {0: {"ok": "yes"}}}, "is not True or False"),
    ({"edited_rows": {9: {"qty": 1}}}, "edits row 9, which the data does not have"),
    ({"edited_rows": {0: {"nope": 1}}}, "the column 'nope', which the editor does not have"),
])
def test_edits_that_do_not_fit_are_dropped_with_a_warning_and_the_rest_kept(edit, why, run):
    at = run(EDITOR)
    with pytest.warns(RuntimeWarning, match=why):
        at.data_editor[0].set_value({**edit, "added_rows": [{"item": "kiwi"}]}).run()
    assert shown(at)["item"] == ["apple", "pear", "fig", "kiwi"]
    assert shown(at)["qty"][:3] == [3, 4, 5]
    assert not at.exception


def test_a_fixed_editor_refuses_added_and_deleted_rows_and_disabled_columns(run):
    at = run("""
df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
st.text(repr(st.data_editor(df, disabled=["b"], key="e").to_dict(orient="list")))
""")
    with pytest.warns(RuntimeWarning) as caught:
        at.data_editor[0].set_value({"edited_rows": {0: {"a": 5, "b": "z"}}, "added_rows": [{"a": 3}],
                                     "deleted_rows": [0]}).run()
    reasons = " | ".join(str(w.message) for w in caught)
    assert "read-only column 'b'" in reasons and "allow adding" in reasons and "allow deleting" in reasons
    assert shown(at) == {"a": [5, 2], "b": ["x", "y"]}


@pytest.mark.parametrize("data, edit, expected", [
    ("pd.Series([1, 2], name='n')", {0: {"n": 9}}, "[9, 2]"),
    ("np.array([[1, 2], [3, 4]])", {1: {"0": 7}}, "[[1, 2], [7, 4]]"),
    ("[1, 2, 3]", {2: {"0": 5}}, "[1, 2, 5]"),
    ("[{'a': 1}, {'a': 2}]", {0: {"a": 4}}, "[{'a': 4}, {'a': 2}]"),
    ("{'a': [1, 2], 'b': [3, 4]}", {0: {"b": 0}}, "{'a': [1, 2], 'b': [0, 4]}"),
])
def test_the_edited_data_comes_back_in_the_inputs_type(data, edit, expected, run):
    at = run(f"out = st.data_editor({data}, key='e')\nst.text(repr(out.tolist() if hasattr(out, 'tolist') else out))")
    at.data_editor[0].set_value({"edited_rows": edit}).run()
    assert at.text[0].value == expected


def test_arrow_tables_come_back_as_arrow_tables(run):
    at = run("import pyarrow as pa\nout = st.data_editor(pa.table({'a': [1, 2]}), key='e')\n"
             "st.text(type(out).__name__ + repr(out.column('a').to_pylist()))")
    at.data_editor[0].set_value({"edited_rows": {1: {"a": 8}}}).run()
    assert at.text[0].value == "Table[1, 8]"


def test_dates_are_edited_as_iso_strings_and_come_back_as_dates(run):
    at = run("""
df = pd.DataFrame({"day": [date(2024, 1, 1)], "at": [pd.Timestamp("2024-01-01 10:00")]})
out = st.data_editor(df, key="e", column_config={"day": st.column_config.DateColumn(max_value=date(2024, 12, 31))})
st.text(repr((out["day"][0], out["at"][0])))
""")
    at.data_editor[0].set_value({"edited_rows": {0: {"day": "2024-03-05", "at": "2024-02-02T08:30:00"}}}).run()
    assert at.text[0].value == repr((dt.date(2024, 3, 5), pd.Timestamp("2024-02-02 08:30:00")))
    with pytest.warns(RuntimeWarning, match="after the column's max_value"):
        at.data_editor[0].set_value({"edited_rows": {0: {"day": "2025-01-01"}}}).run()


def test_a_keyed_editor_keeps_its_edits_when_the_values_change_but_not_the_shape(run):
    at = run("""
base = st.session_state.get("base", 1)
out = st.data_editor(pd.DataFrame({"a": [base, base]}), key="e")
st.text(repr(out["a"].tolist()))
""")
    at.data_editor[0].set_value({"edited_rows": {0: {"a": 9}}}).run()
    at.session_state["base"] = 5
    at.run()
    assert at.text[0].value == "[9, 5]"


def test_the_app_can_set_the_editing_state_through_session_state(run):
    at = run("""
if "e" not in st.session_state:
    st.session_state.e = {"edited_rows": {0: {"a": 4}}, "added_rows": [], "deleted_rows": []}
st.text(repr(st.data_editor({"a": [1, 2]}, key="e")))
""")
    assert at.text[0].value == "{'a': [4, 2]}"


def test_on_change_runs_before_the_rerun(run):
    at = run("""
def changed():
    st.session_state.log = st.session_state.e["edited_rows"]
st.data_editor({"a": [1]}, key="e", on_change=changed)
st.text(repr(st.session_state.get("log")))
""")
    at.data_editor[0].set_value({"edited_rows": {0: {"a": 2}}}).run()
    assert at.text[0].value == "{0: {'a': 2}}"


@pytest.mark.parametrize("call, needle", [
    ("st.data_editor({'a': [1]}, num_rows='many')", "num_rows must be one of"),
    ("st.data_editor({'a': [1]}, disabled='a')", "disabled must be a bool or a list of column names"),
    ("st.data_editor({'a': [1]}, column_config={'a': {'type_config': {'type': 'rocket'}}})", "'rocket'"),
    ("st.data_editor({'a': [1]}, column_config={'a': 5})", "column_config['a'] must be"),
    ("st.data_editor({'a': [1]}, on_change='sometimes')", "on_change must be"),
])
def test_bad_arguments_name_the_function_argument_and_value(call, needle, rejects):
    rejects(call, needle)


# -- dataframe selections ---------------------------------------------------------------------
SELECT = """
df = pd.DataFrame({"a": [1, 2, 3], "b": list("xyz")})
event = st.dataframe(df, on_select="rerun", key="pick", selection_mode=["multi-row", "multi-column", "multi-cell"])
st.text(repr((event.selection.rows, event.selection.columns, event["selection"]["cells"])))
"""


def test_a_selecting_dataframe_returns_an_empty_selection_first(run):
    at = run(SELECT)
    assert at.text[0].value == "([], [], [])"
    assert at.session_state["pick"] == {"selection": {"rows": [], "columns": [], "cells": []}}


def test_selected_rows_columns_and_cells_come_back(run):
    at = run(SELECT)
    at.dataframe[0].set_value({"selection": {"rows": [2, 0], "columns": ["b"], "cells": [[1, "a"]]}}).run()
    assert at.text[0].value == "([2, 0], ['b'], [(1, 'a')])"


def test_a_plain_dataframe_returns_its_handle_and_single_row_required_picks_the_first_row(run):
    at = run("""
h = st.dataframe({"a": [1]})
st.text(type(h).__name__)
e = st.dataframe({"a": [1, 2]}, on_select="rerun", selection_mode="single-row-required")
st.text(repr(e.selection.rows))
""")
    assert at.text.values == ["DeltaGenerator", "[0]"]


def test_a_callback_on_select_runs_and_selection_default_applies(run):
    at = run("""
def picked():
    st.session_state.seen = st.session_state.p.selection.rows
e = st.dataframe({"a": [1, 2]}, on_select=picked, key="p", selection_default={"selection": {"rows": [1]}})
st.text(repr((e.selection.rows, st.session_state.get("seen"))))
""")
    assert at.text[0].value == "([1], None)"
    at.dataframe[0].set_value({"selection": {"rows": [0]}}).run()
    assert at.text[0].value == "([0], [0])"


@pytest.mark.parametrize("call, needle", [
    ("st.dataframe({'a': [1]}, on_select='rerun', selection_mode='some-rows')", "selection_mode must be one of"),
    ("st.dataframe({'a': [1]}, on_select='rerun', selection_mode=['single-row', 'multi-row'])", "only one row mode"),
    ("st.dataframe({'a': [1]}, on_select='always')", "on_select must be"),
    ("st.dataframe({'a': [1]}, row_height=2)", "row_height must be"),
])
def test_bad_selection_arguments_name_the_argument(call, needle, rejects):
    rejects(call, needle)


def test_apptest_lists_editors_with_the_dataframes_as_streamlit_does(run):
    at = run("""
st.dataframe({"a": [1]})
st.data_editor(pd.DataFrame({"b": [2, 3]}), num_rows="dynamic", key="e")
st.dataframe({"c": [4]}, on_select="rerun")
""")
    assert [d.editing_mode for d in at.dataframe] == ["read_only", "dynamic", "read_only"]
    assert len(at.data_editor) == 1 and at.data_editor[0].key == "e"
    at.data_editor[0].set_value({"edited_rows": {0: {"b": 9}}}).run()
    assert at.data_editor[0].value["b"].tolist() == [2, 3]  # .value is the input table, without edits
    assert list(at.dataframe[2].value.columns) == ["c"]


def test_an_added_row_takes_its_index_value_and_an_existing_index_is_fixed(run):
    at = run("""
out = st.data_editor(pd.DataFrame({"v": [1]}, index=["r1"]), num_rows="add", key="e")
st.text(repr(out["v"].to_dict()))
""")
    at.data_editor[0].set_value({"added_rows": [{"_index": "r2", "v": 5}]}).run()
    assert at.text[0].value == "{'r1': 1, 'r2': 5}"
    with pytest.warns(RuntimeWarning, match="read-only column '_index'"):
        at.data_editor[0].set_value({"edited_rows": {0: {"_index": "zz"}}}).run()


def test_lists_times_and_multiselect_options_are_checked(run):
    at = run("""
df = pd.DataFrame({"tags": [["a"]], "at": [time(9, 0)]})
out = st.data_editor(df, key="e", column_config={"tags": st.column_config.MultiselectColumn(options=["a", "b"])})
st.text(repr((out["tags"][0], out["at"][0])))
""")
    at.data_editor[0].set_value({"edited_rows": {0: {"tags": ["a", "b"], "at": "10:30"}}}).run()
    assert at.text[0].value == repr((["a", "b"], dt.time(10, 30)))
    with pytest.warns(RuntimeWarning, match="not among the column's options"):
        at.data_editor[0].set_value({"edited_rows": {0: {"tags": ["zz"]}}}).run()
    assert at.text[0].value == repr((["a"], dt.time(9, 0)))


def test_a_categorical_column_is_edited_by_picking_a_category(run):
    at = run("""
out = st.data_editor(pd.DataFrame({"c": pd.Categorical(["a", "b"], categories=["a", "b", "z"])}), key="e")
st.text(repr(out["c"].tolist()))
""")
    (column,) = at.dataframe[0].columns
    assert (column["type"], column["options"]["options"]) == ("selectbox", ["a", "b", "z"])
    at.data_editor[0].set_value({"edited_rows": {0: {"c": "z"}}}).run()
    assert at.text[0].value == "['z', 'b']"
    with pytest.warns(RuntimeWarning, match="not one of the column's options"):
        at.data_editor[0].set_value({"edited_rows": {0: {"c": "q"}}}).run()
