"""Data elements: dataframe, table, metric, json."""
from __future__ import annotations

import pandas as pd
import pytest


@pytest.mark.parametrize("expr, columns, rows", [
    ("pd.DataFrame({'a': [1, 2, 3], 'b': list('xyz')})", ["a", "b"], 3),
    ("np.zeros((4, 2))", [0, 1], 4),
    ("{'a': [1, 2], 'b': [3, 4]}", ["a", "b"], 2),
    ("[{'a': 1}, {'a': 2}]", ["a"], 2),
    ("[1, 2, 3]", [0], 3),
    ("{'lr': 0.1, 'epochs': 3}", ["value"], 2),
    ("None", [], 0),
])
def test_dataframe_accepts_pandas_numpy_dicts_and_lists(expr, columns, rows, run):
    frame = run(f"st.dataframe({expr})").dataframe[0].value
    assert list(frame.columns) == columns
    assert len(frame) == rows


def test_dataframe_defaults(run):
    df = run("st.dataframe(pd.DataFrame({'a': [1]}))").dataframe[0]
    assert (df.width, df.height, df.hide_index) == ("stretch", "auto", None)


def test_dataframe_options(run):
    df = run("st.dataframe({'a': [1], 'b': [2], 'c': [3]}, width=300, height=200, hide_index=True, "
             "column_order=['c', 'a'], column_config={'a': 'Alpha'})").dataframe[0]
    assert (df.width, df.height, df.hide_index) == (300, 200, True)
    assert list(df.value.columns) == ["a", "b", "c"]  # the data as given, as Streamlit's AppTest reports it
    assert [(c["name"], c["label"]) for c in df.columns] == [("c", "c"), ("a", "Alpha")]


def test_dataframe_use_container_width_stretches_and_column_config_none_hides(run):
    df = run("st.dataframe({'a': [1], 'b': [2]}, use_container_width=True, column_config={'b': None})").dataframe[0]
    assert df.width == "stretch"
    assert [c["name"] for c in df.columns] == ["a"]


def test_dataframe_returns_a_handle(run):
    at = run("h = st.dataframe({'a': [1]})\nh.dataframe({'a': [1, 2]})")
    assert len(at.dataframe) == 1
    assert len(at.dataframe[0].value) == 2



def test_table_shows_all_rows(run):
    frame = run("st.table(pd.DataFrame({'x': range(50)}))").table[0].value
    assert isinstance(frame, pd.DataFrame) and len(frame) == 50


def test_metric_values_and_delta_directions(run):
    at = run("""
st.metric("Temperature", "70 °F", "1.2 °F")
st.metric("Loss", 0.25, -0.05, delta_color="inverse", help="lower is better", border=True)
st.metric("Users", 10, "-3%", delta_color="off", label_visibility="hidden")
st.metric("Empty", None)
""")
    temp, loss, users, empty = at.metric
    assert (temp.label, temp.value, temp.delta, temp.direction, temp.delta_color) == \
        ("Temperature", "70 °F", "1.2 °F", "up", "normal")
    assert (loss.value, loss.delta, loss.direction, loss.delta_color, loss.help, loss.border) == \
        ("0.25", "-0.05", "down", "inverse", "lower is better", True)
    assert (users.direction, users.label_visibility) == ("down", "hidden")
    assert (empty.value, empty.delta, empty.direction, empty.border) == ("—", None, None, False)



def test_json_parses_strings_and_converts_objects(run):
    at = run("""
from collections import OrderedDict
st.json('{"a": [1, 2]}')
st.json(OrderedDict(b=np.int64(3), c=np.array([1.5]), d={1, }))
""")
    assert at.json[0].value == '{"a": [1, 2]}'  # the JSON text, as Streamlit's AppTest
    assert at.json[1].body == {"b": 3, "c": [1.5], "d": [1]}
    assert at.json[1].value == '{"b": 3, "c": [1.5], "d": [1]}'


def test_json_expanded_levels(run):
    at = run("st.json({})\nst.json({}, expanded=False)\nst.json({}, expanded=2)")
    assert [j.expanded for j in at.json] == [1000, 0, 2]


@pytest.mark.parametrize("call, needle", [
    ("st.dataframe(pd.DataFrame({'a': [1]}), column_order=['a', 'zz'])", "column_order names ['zz']"),
    ("st.dataframe({'a': [1]}, height=-5)", "height must be a positive int (pixels), 'auto', 'content', 'stretch' or None; got -5"),
    ("st.dataframe({'a': [1]}, width='wide')", "width must be a positive int (pixels), 'stretch', 'content' or None"),
    ("st.dataframe(np.zeros((2, 2, 2)))", "data must be a DataFrame, Series, numpy array, dict or list; got ndarray"),
    ("st.dataframe(object())", "got object"),
    ("st.metric('m', 1, delta_color='purple')", "delta_color must be one of 'normal', 'inverse', 'off', 'red'"),
    ("st.metric(3, 1)", "label must be str, got 3"),
    ("st.metric('m', [1, 2])", "value must be an int, float, str or None; got [1, 2] (list)"),
    ("st.metric('m', 1, delta=object)", "delta must be an int, float, str or None"),
    ("st.metric('m', 1, label_visibility='gone')", "label_visibility must be one of"),
    ("st.json('{not json')", "body is a string but not valid JSON"),
    ("st.json({}, expanded='yes')", "expanded must be a bool or a non-negative int (levels to open); got 'yes'"),
    ("st.json({}, expanded=-1)", "got -1"),
])
def test_bad_arguments_name_the_function_argument_and_value(call, needle, rejects):
    rejects(call, needle)


def test_missing_values_and_empty_inputs_from_streamlits_data_mocks(run):
    # Streamlit's e2e apps (shared/data_mocks.py) put pd.NA first in object columns, and pass
    # np.array(0), {} and [] as empty tables.
    at = run("""
frame = pd.DataFrame({"flag": pd.Series([pd.NA, True], dtype=object), "word": pd.Series([pd.NA, "x"], dtype=object),
                      "when": pd.Series([pd.NA, date(2024, 1, 2)], dtype=object)})
st.dataframe(frame)
st.table(np.array(0))
edited = st.data_editor({}, key="empty_dict")
st.write(repr(edited), repr(st.data_editor([], key="empty_list")))
""")
    assert not at.exception
    assert [(c["name"], c["type"]) for c in at.dataframe[0].columns] == [
        ("flag", "checkbox"), ("word", "text"), ("when", "date")]
    assert at.table[0].value.shape == (0, 0)
    assert at.markdown.values == ["{} []"]
