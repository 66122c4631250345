"""Built-in charts and Vega-Lite specs: data handling, spec shape (as Streamlit 1.67 builds it), errors, selections."""
from __future__ import annotations

import json
import textwrap

import pytest

from nbapp.elements.charts_data import COLOR_COLUMN, INDEX_COLUMN, VALUE_COLUMN, table_rows
from nbapp.elements.charts_static import chart_svg
from nbapp.elements.registry import KINDS
from nbapp.testing import AppTest

PRELUDE = "import nbapp as st\nimport numpy as np\nimport pandas as pd\n"
TIMEOUT = 60  # the first chart imports pandas' and altair's machinery on a loaded 2-core machine


def run(script: str) -> AppTest:
    at = AppTest.from_string(PRELUDE + textwrap.dedent(script)).run(timeout=TIMEOUT)
    assert not at.exception, [e.value for e in at.exception]
    return at


def error(script: str) -> str:
    at = AppTest.from_string(PRELUDE + textwrap.dedent(script)).run(timeout=TIMEOUT)
    assert len(at.exception) == 1 and at.exception[0].type == "NbappAPIError", at.exception
    return at.exception[0].value


def rows(chart) -> list[dict]:
    return table_rows(chart.data["data"])


def test_a_wide_frame_is_melted_into_one_line_per_column_against_the_index():
    at = run('st.line_chart(pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]}))')
    chart = at.line_chart[0]
    enc = chart.spec["encoding"]
    assert chart.spec["mark"] == {"type": "line"} and chart.spec["data"] == {"name": "data"}
    assert enc["x"]["field"] == INDEX_COLUMN and enc["x"]["title"] == "" and enc["x"]["type"] == "quantitative"
    assert enc["y"]["field"] == VALUE_COLUMN and enc["y"]["title"] == ""
    assert enc["color"] == {"field": COLOR_COLUMN, "legend": {"titlePadding": 5, "offset": 5, "orient": "bottom"},
                            "type": "nominal", "title": " "}
    assert [t.get("title") for t in enc["tooltip"]] == ["index", "value", "color"]
    assert rows(chart) == [{INDEX_COLUMN: 0, COLOR_COLUMN: "a", VALUE_COLUMN: 1.0},
                           {INDEX_COLUMN: 1, COLOR_COLUMN: "a", VALUE_COLUMN: 2.0},
                           {INDEX_COLUMN: 0, COLOR_COLUMN: "b", VALUE_COLUMN: 3.0},
                           {INDEX_COLUMN: 1, COLOR_COLUMN: "b", VALUE_COLUMN: 4.0}]
    assert chart.spec["params"][0]["bind"] == "scales"  # zoom and pan, as .interactive()


def test_named_x_and_y_are_axis_titles_and_one_y_is_not_melted():
    at = run('st.line_chart({"day": [1, 2, 3], "temp": [20.5, 21.0, 19.0], "rain": [0, 1, 0]}, x="day", y="temp")')
    enc = at.line_chart[0].spec["encoding"]
    assert (enc["x"]["field"], enc["x"]["title"], enc["y"]["field"], enc["y"]["title"]) == ("day", "day", "temp", "temp")
    assert enc["x"]["axis"] == {"grid": False, "tickMinStep": 1}  # an int column: whole ticks, no grid on x
    assert "color" not in enc
    assert rows(at.line_chart[0]) == [{"day": 1, "temp": 20.5}, {"day": 2, "temp": 21.0}, {"day": 3, "temp": 19.0}]


def test_labels_override_the_titles():
    at = run('st.area_chart({"a": [1, 2]}, x_label="time", y_label="count")')
    enc = at.area_chart[0].spec["encoding"]
    assert (enc["x"]["title"], enc["y"]["title"]) == ("time", "count")


@pytest.mark.parametrize("data", ["np.array([[1, 2], [3, 4], [5, 6]])", "pd.Series([1, 2, 3], name='s')",
                                  "{'a': [1, 2, 3]}", "[[1, 2], [3, 4]]"])
def test_arrays_series_dicts_and_lists_are_charted(data):
    at = run(f"st.line_chart({data})")
    assert len(rows(at.line_chart[0])) >= 2


def test_a_named_index_becomes_the_x_column():
    at = run('st.line_chart(pd.DataFrame({"v": [1, 2]}, index=pd.Index([10, 20], name="year")))')
    assert at.line_chart[0].spec["encoding"]["x"]["field"] == "year"
    assert rows(at.line_chart[0]) == [{"year": 10, "v": 1.0}, {"year": 20, "v": 2.0}]


def test_dates_travel_as_times_and_the_axis_is_temporal():
    at = run('st.line_chart({"t": pd.date_range("2024-01-01", periods=2, freq="D"), "v": [1, 2]}, x="t", y="v")')
    chart = at.line_chart[0]
    assert chart.spec["encoding"]["x"]["type"] == "temporal"
    assert chart.data["data"]["kinds"][0] == "time"
    assert rows(chart)[1]["t"] == 1704153600000.0  # 2024-01-02 UTC in ms


def test_vertical_bars_have_an_ordinal_x_and_horizontal_bars_swap_the_axes():
    at = run('''
        df = pd.DataFrame({"fruit": ["kiwi", "apple"], "n": [5, 3]})
        st.bar_chart(df, x="fruit", y="n")
        st.bar_chart(df, x="fruit", y="n", horizontal=True)
    ''')
    up, side = at.bar_chart[0].spec["encoding"], at.bar_chart[1].spec["encoding"]
    assert up["x"]["type"] == "ordinal" and up["x"]["field"] == "fruit" and up["y"]["field"] == "n"
    assert side["y"]["type"] == "ordinal" and side["y"]["field"] == "fruit" and side["x"]["field"] == "n"
    assert side["x"]["axis"]["grid"] is True and side["y"]["axis"]["grid"] is False


@pytest.mark.parametrize(("sort", "expected"), [
    ("True", None), ("False", None), ('"n"', {"field": "n", "op": "sum", "order": "ascending"}),
    ('"-n"', {"field": "n", "op": "sum", "order": "descending"}), ('"-fruit"', "descending")])
def test_bar_sort(sort, expected):
    at = run(f'st.bar_chart({{"fruit": ["b", "a"], "n": [1, 2]}}, x="fruit", y="n", sort={sort})')
    x = at.bar_chart[0].spec["encoding"]["x"]
    if sort == "True":
        assert "sort" not in x
    else:
        assert x["sort"] == expected


@pytest.mark.parametrize(("stack", "expected"), [
    ('"normalize"', "normalize"), ('"center"', "center"), ('"layered"', False), ("True", True), ("False", False)])
def test_stack_is_set_on_the_value_axis(stack, expected):
    at = run(f'st.bar_chart({{"a": [1, 2], "b": [3, 4]}}, stack={stack})')
    enc = at.bar_chart[0].spec["encoding"]
    assert enc["y"]["stack"] == expected
    assert ("opacity" in enc) == (stack == '"layered"')
    assert ("xOffset" in enc) == (stack == "False")  # grouped bars


def test_area_charts_with_several_series_are_translucent():
    at = run('st.area_chart({"a": [1, 2], "b": [3, 4]})')
    assert at.area_chart[0].spec["encoding"]["opacity"] == {"value": 0.7}


def test_scatter_size_and_color():
    at = run('''
        df = pd.DataFrame({"x": [1, 2], "y": [3, 4], "kind": ["p", "q"], "w": [10, 20]})
        st.scatter_chart(df, x="x", y="y")
        st.scatter_chart(df, x="x", y="y", color="kind", size="w")
        st.scatter_chart(df, x="x", y="y", color=(255, 0, 0), size=40)
        st.line_chart(df, x="x", y=["y", "w"], color=["#f00", "#00f"])
    ''')
    plain, sized, red, two = (c.spec["encoding"] for c in (*at.scatter_chart, at.line_chart[0]))
    assert at.scatter_chart[0].spec["mark"] == {"type": "circle"}
    assert plain["size"] == {"value": 100}
    assert sized["size"]["field"] == "w" and sized["color"]["field"] == "kind" and sized["color"]["type"] == "nominal"
    assert [t["field"] for t in sized["tooltip"]] == ["x", "y", "kind", "w"]
    assert red["color"] == {"value": "rgb(255, 0, 0)"} and red["size"] == {"value": 40}
    assert two["color"]["scale"] == {"range": ["#f00", "#00f"]}


def test_a_column_of_colors_colors_the_points_without_a_legend():
    at = run('st.scatter_chart({"x": [1, 2], "y": [1, 2], "c": ["#ff0000", "#0000ff"]}, x="x", y="y", color="c")')
    color = at.scatter_chart[0].spec["encoding"]["color"]
    assert color["legend"] is None and color["scale"] == {"range": ["#ff0000", "#0000ff"]}


@pytest.mark.parametrize(("call", "needles"), [
    ('st.line_chart({"a": [1]}, x="nope")', ["x names the column 'nope'", "its columns are: a"]),
    ('st.bar_chart({"a": [1]}, y=["a", "zz"])', ["y names the column 'zz'"]),
    ('st.bar_chart({"a": [1]}, stack="sideways")', ["stack must be", "'sideways'"]),
    ('st.scatter_chart({"a": [1]}, size="big")', ["size must be", "'big'"]),
    ('st.line_chart({"a": [1], "b": [2]}, color="#f00")', ["one color", "2 y columns"]),
    ('st.line_chart({"a": [1]}, color="not a color")', ["color must be", "'not a color'"]),
    ('st.line_chart({"a": [1]}, width=-3)', ["width must be", "-3"]),
    ('st.line_chart(object())', ["data must be"]),
    ('st.altair_chart({"mark": "bar"})', ["altair_chart must be an Altair chart"]),
    ('st.vega_lite_chart({"a": [1]}, {"mark": "bar"}, theme="dark")', ["theme must be", "'dark'"]),
])
def test_bad_arguments_show_an_error_naming_them(call, needles):
    message = error(call)
    assert message.startswith(call.split("(")[0] + "(")
    for needle in needles:
        assert needle in message, message


def test_an_error_leaves_the_rest_of_the_app_running():
    at = AppTest.from_string(PRELUDE + 'st.line_chart({"a": [1]}, x="b")\nst.write("after")').run(timeout=TIMEOUT)
    assert at.exception[0].type == "NbappAPIError"


def test_width_height_and_use_container_width():
    at = run('''
        st.line_chart({"a": [1]})
        st.line_chart({"a": [1]}, width=300, height=200)
        st.line_chart({"a": [1]}, use_container_width=False)
    ''')
    assert [(c.width, c.height) for c in at.line_chart] == [("stretch", "content"), (300, 200), ("content", "content")]


def test_vega_lite_chart_takes_data_and_spec_and_keywords():
    at = run('''
        df = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
        st.vega_lite_chart(df, {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}})
        st.vega_lite_chart({"data": {"values": [{"a": 1}]}, "mark": "bar"})
        st.vega_lite_chart(df, mark="line", x_field="a", x_type="quantitative")
    ''')
    first, inline, kw = at.vega_lite_chart
    assert first.spec["data"] == {"name": "data"} and rows(first) == [{"a": 1, "b": 3}, {"a": 2, "b": 4}]
    assert rows(inline) == [{"a": 1}]
    assert kw.spec["mark"] == "line" and kw.spec["encoding"]["x"] == {"field": "a", "type": "quantitative"}
    assert first.spec["autosize"] == {"type": "fit", "contains": "padding"}


def test_vega_lite_spec_may_hold_a_dataframe_inline():
    # Streamlit's own e2e app st_vega_lite_chart.py: "data": df and "data": {"values": df} in the spec.
    at = run('''
        df = pd.DataFrame([["A", "B"], [28, 55]], index=["a", "b"]).T
        bar = {"mark": "bar", "encoding": {"x": {"field": "a", "type": "ordinal"}}}
        st.vega_lite_chart({"data": df, **bar})
        st.vega_lite_chart({"data": {"values": df}, **bar})
        st.vega_lite_chart({"datasets": {"foo": df}, "data": {"name": "foo"}, **bar})
    ''')
    for chart in at.vega_lite_chart[:2]:
        assert chart.spec["data"] == {"name": "data"} and rows(chart) == [{"a": "A", "b": 28}, {"a": "B", "b": 55}]
    assert at.vega_lite_chart[2].spec["data"] == {"name": "foo"}


def test_altair_charts_give_the_same_spec_on_every_run_and_every_row():
    pytest.importorskip("altair")
    at = run('''
        import altair as alt
        df = pd.DataFrame({"a": range(6000), "b": range(6000)})
        brush = alt.selection_interval()
        st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b").add_params(brush))
    ''')
    first = at.altair_chart[0].spec
    at.run(timeout=TIMEOUT)
    chart = at.altair_chart[0]
    assert chart.spec == first  # counters and hashed dataset names are stable: only data would travel
    assert chart.spec["data"] == {"name": "dataset_0"} and chart.spec["params"][0]["name"].startswith("param_")
    assert chart.data["dataset_0"]["length"] == 6000  # Altair's 5,000-row cap does not apply


SELECT = '''
    spec = {"mark": "point", "params": [{"name": "pick", "select": "point"}, {"name": "box", "select": "interval"}],
            "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}}
    event = st.vega_lite_chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]}), spec, on_select="rerun", key="c")
    st.text(repr((sorted(event.selection.keys()), event.selection.box)))
'''


def test_on_select_returns_an_empty_selection_per_parameter_then_what_the_browser_selected():
    at = run(SELECT)
    assert at.text[0].value == "(['box', 'pick'], {})"
    chart = at.vega_lite_chart[0]
    assert chart.selection_mode == ["box", "pick"]
    chart.set_value({"selection": {"box": {"a": [1, 2]}, "pick": [{"a": 1, "b": 3}]}}).run(timeout=TIMEOUT)
    assert at.session_state["c"]["selection"]["box"] == {"a": [1, 2]}
    assert at.session_state["c"].selection.pick == [{"a": 1, "b": 3}]


def test_selection_mode_must_name_a_parameter_of_the_chart():
    message = error(SELECT.replace('key="c"', 'key="c", selection_mode="zoom"'))
    assert "selection_mode names 'zoom'" in message and "['box', 'pick']" in message


def test_on_select_needs_a_selection_parameter():
    message = error('st.vega_lite_chart({"a": [1]}, {"mark": "bar", "encoding": {}}, on_select="rerun")')
    assert "defines no selection parameter" in message


def test_the_static_picture_is_an_svg_of_the_chart():
    pytest.importorskip("vl_convert")
    at = run('st.bar_chart({"a": [1, 5, 2]})')
    html = chart_svg(at.bar_chart[0].props)
    assert html.startswith('<div class="nbapp-chart-static"><svg')
    assert html.count("<path") >= 3  # a bar each
    assert 'width="640"' in html and 'height="350"' in html
    json.dumps(at.bar_chart[0].spec)  # the spec is plain JSON


def test_map_draws_the_points_with_deck_gl_as_streamlit_and_says_tiles_need_the_internet(monkeypatch):
    monkeypatch.setenv("NBAPP_MAP_TILES", "off")
    at = run('''
        st.map(pd.DataFrame({"LAT": [37.76, 37.78], "lon": [-122.4, -122.42], "n": [10, 50]}), size="n", color="#ff000080")
    ''')
    chart = at.get("map")[0]
    (layer,) = chart.spec["layers"]
    assert layer["@@type"] == "ScatterplotLayer" and layer["getPosition"] == "@@=[lon, lat]"
    assert layer["data"] == [{"lat": 37.76, "lon": -122.4, "size": 10.0}, {"lat": 37.78, "lon": -122.42, "size": 50.0}]
    assert layer["getRadius"] == "@@=size" and layer["getFillColor"] == [255, 0, 0, 128]
    view = chart.spec["initialViewState"]
    assert view["latitude"] == pytest.approx(37.77) and view["longitude"] == pytest.approx(-122.41)
    assert view["zoom"] == 14  # Streamlit's level for a 0.02 degree spread (0.011 < 0.02 <= 0.022)
    assert chart.tiles is None and "need the internet" in chart.offline_note
    picture = KINDS["map"].static(chart.props)
    assert picture.count("<circle") == 2 and "need the internet" in picture


def test_map_without_coordinates_names_the_columns_it_looks_for():
    message = error('st.map({"x": [1]})')
    assert message.startswith("st.map(") and "'LAT', 'LATITUDE', 'lat', 'latitude'" in message


def test_map_without_data_draws_the_empty_world_map(monkeypatch):
    # Streamlit's own e2e app st_map.py starts with a bare st.map().
    monkeypatch.setenv("NBAPP_MAP_TILES", "off")
    at = run('st.map()\nst.map(pd.DataFrame({"lat": [], "lon": []}), height=250)')
    bare, empty = at.get("map")
    for chart in (bare, empty):
        assert chart.spec["initialViewState"] == {"latitude": 0.0, "longitude": 0.0, "zoom": 1, "pitch": 0}
        assert chart.spec["layers"] == [] and "need the internet" in chart.offline_note
        assert "<circle" not in KINDS["map"].static(chart.props)
    assert empty.height == 250


def test_graphviz_chart_takes_dot_text_and_graphviz_objects():
    pytest.importorskip("graphviz")
    at = run('''
        import graphviz
        g = graphviz.Digraph()
        g.edge("data", "model")
        st.graphviz_chart(g)
        st.graphviz_chart("digraph { a -> b }", use_container_width=True)
    ''')
    first, second = at.graphviz_chart
    assert "data -> model" in first.dot and first.width == "content"
    assert second.dot == "digraph { a -> b }" and second.width == "stretch"


def test_graphviz_chart_rejects_other_objects():
    assert "figure_or_dot must be a DOT string" in error("st.graphviz_chart(3)")


def test_map_zoom_colors_and_bad_arguments():
    at = run('st.map({"lat": [1.0, 2.0], "lon": [3.0, 4.0], "c": [(0, 0, 255), (0.0, 1.0, 0.0, 0.5)]}, color="c", zoom=4)')
    chart = at.get("map")[0]
    assert chart.spec["initialViewState"]["zoom"] == 4
    assert [p["color"] for p in chart.spec["layers"][0]["data"]] == [[0, 0, 255, 255], [0, 255, 0, 128]]
    assert "zoom must be a number" in error('st.map({"lat": [1], "lon": [2]}, zoom="near")')
    assert "color must be" in error('st.map({"lat": [1], "lon": [2]}, color=42)')
