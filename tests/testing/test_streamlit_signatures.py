"""Signatures a Streamlit 1.67 script relies on: positional order and keyword arguments that exist there."""
from __future__ import annotations

import inspect

import pytest

import nbapp as st
from nbapp.caching.errors import CacheOptionError
from nbapp.testing import AppTest

# Positional parameters as in Streamlit 1.67 (read from its installed package, recorded here).
POSITIONAL = {
    "image": ["image", "caption", "width", "clamp", "channels", "output_format"],
    "exception": ["exception", "width"],
    "table": ["data"],
    "metric": ["label", "value", "delta", "delta_color"],
}
# Keyword arguments of 1.67 that a script may pass.
KEYWORDS = {
    "line_chart": ["alt"], "area_chart": ["alt"], "bar_chart": ["alt"], "scatter_chart": ["alt"],
    "altair_chart": ["alt"], "vega_lite_chart": ["alt"], "plotly_chart": ["alt"], "graphviz_chart": ["alt"],
    "map": ["alt"], "pyplot": ["alt"], "audio": ["alt"], "video": ["alt"], "pdf": ["alt"],
    "image": ["link", "use_column_width", "alt"], "json": ["width"], "form": ["width", "height"],
    "table": ["border", "width", "height", "hide_index", "hide_header", "alt"],
    "metric": ["icon", "width", "height", "chart_data", "chart_type", "delta_arrow", "format", "delta_description"],
}


@pytest.mark.parametrize("name", sorted(POSITIONAL))
def test_positional_order_is_streamlits(name):
    params = inspect.signature(getattr(st, name)).parameters.values()
    assert [p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD] == POSITIONAL[name]


@pytest.mark.parametrize("name", sorted(KEYWORDS))
def test_streamlit_keywords_are_accepted(name):
    assert set(KEYWORDS[name]) <= set(inspect.signature(getattr(st, name)).parameters)


def test_table_hides_its_index_and_header_when_asked():
    at = AppTest.from_string("""
        import nbapp as st
        st.table({"a": [1, 2]}, hide_index=True, hide_header=True)
    """).run()
    assert at.table[0].props["hide_index"] is True and at.table[0].props["hide_header"] is True


def test_select_placeholders_default_to_none_and_show_streamlits_text():
    assert inspect.signature(st.selectbox).parameters["placeholder"].default is None
    at = AppTest.from_string("""
        import nbapp as st
        st.selectbox("Pick", ["a", "b"], index=None)
        st.multiselect("Many", ["a", "b"])
    """).run()
    assert at.selectbox[0].props["placeholder"] == "Choose an option"
    assert at.multiselect[0].props["placeholder"] == "Choose an option"


def test_cache_scope_and_refresh_mode_are_checked():
    st.cache_data(scope="session", refresh_mode="background", max_size="1GB")(lambda: 1)
    st.cache_resource(scope="global", on_release=print)(lambda: 1)
    with pytest.raises(CacheOptionError, match=r"cache_data\(scope='user'\): scope must be 'global' or 'session'"):
        st.cache_data(scope="user")
