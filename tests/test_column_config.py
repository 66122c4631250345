"""st.column_config: every Streamlit 1.67 column type, with Streamlit's dict shape; importable as streamlit.column_config."""
from __future__ import annotations

import datetime as dt

import pytest

import nbapp as st
from nbapp.errors import NbappAPIError
from nbapp.testing import AppTest

STREAMLIT_1_67 = ["AreaChartColumn", "AudioColumn", "BarChartColumn", "ButtonColumn", "CheckboxColumn", "Column",
                  "DateColumn", "DatetimeColumn", "ImageColumn", "JsonColumn", "LineChartColumn", "LinkColumn",
                  "ListColumn", "MarkdownColumn", "MultiselectColumn", "NumberColumn", "ProgressColumn",
                  "SelectboxColumn", "TextColumn", "TimeColumn", "VideoColumn"]


def test_every_column_type_of_streamlit_1_67_is_there():
    assert sorted(st.column_config.__all__) == STREAMLIT_1_67
    for name in STREAMLIT_1_67:
        assert callable(getattr(st.column_config, name))


def test_a_number_column_is_the_dict_streamlit_builds():
    assert st.column_config.NumberColumn("Price", min_value=0, format="$%d", help="USD") == {
        "label": "Price", "width": None, "help": "USD", "disabled": None, "required": None, "pinned": None,
        "alignment": None, "default": None,
        "type_config": {"type": "number", "min_value": 0, "max_value": None, "format": "$%d", "step": None},
    }


def test_dates_and_steps_travel_as_iso_strings_and_seconds():
    conf = st.column_config.DatetimeColumn(min_value=dt.datetime(2024, 1, 1), step=dt.timedelta(minutes=5),
                                           default=dt.datetime(2024, 2, 1, 9))
    assert conf["default"] == "2024-02-01T09:00:00"
    assert conf["type_config"] == {"type": "datetime", "format": None, "min_value": "2024-01-01T00:00:00",
                                   "max_value": None, "step": 300.0, "timezone": None}
    assert st.column_config.TimeColumn(max_value=dt.time(19))["type_config"]["max_value"] == "19:00:00"


def test_selectbox_options_and_chart_bounds():
    assert st.column_config.SelectboxColumn(options=["a", "b"])["type_config"] == {"type": "selectbox", "options": ["a", "b"]}
    assert "alignment" not in st.column_config.SelectboxColumn()
    assert st.column_config.BarChartColumn(y_min=0, y_max=10)["type_config"] == {
        "type": "bar_chart", "y_min": 0, "y_max": 10, "color": None}


@pytest.mark.parametrize("call, needle", [
    (lambda: st.column_config.Column(width="huge"), "width must be 'small', 'medium', 'large'"),
    (lambda: st.column_config.TextColumn(alignment="middle"), "alignment must be"),
    (lambda: st.column_config.SelectboxColumn(options="abc"), "options must be a list"),
    (lambda: st.column_config.ButtonColumn(on_click=print), "need a key="),
])
def test_bad_arguments_raise_a_clear_error(call, needle):
    with pytest.raises(NbappAPIError, match=needle):
        call()


def test_streamlit_column_config_imports_inside_an_app():
    at = AppTest.from_string("""
import streamlit as st
import streamlit.column_config as cc
from streamlit.column_config import NumberColumn
st.text(repr((NumberColumn is st.column_config.NumberColumn, cc.TextColumn("t")["type_config"]["type"])))
""").run()
    assert at.text[0].value == "(True, 'text')"
