"""st.pydeck_chart, st.echarts_chart, st.mermaid_chart: what reaches the page, selections as Streamlit returns them, errors."""
from __future__ import annotations

import base64
import inspect

import pytest

import nbapp as st
from nbapp.elements import pictures

try:  # imported here, once, so that an app's run does not pay for it (AppTest's run has a time limit)
    import pydeck  # noqa: F401
except ImportError:
    pass

SIGNATURES = {  # Streamlit 1.67's, parameter by parameter
    "pydeck_chart": "(pydeck_obj=None, *, width='stretch', use_container_width=None, height=500, "
                    "selection_mode='single-object', on_select='ignore', key=None, alt=None)",
    "echarts_chart": "(spec, *, width='stretch', height='content', theme='streamlit', key=None, on_select='ignore', "
                     "renderer='canvas', alt=None)",
    "mermaid_chart": "(body, *, width='stretch', alt=None)",
}


@pytest.mark.parametrize("name", SIGNATURES)
def test_signatures_are_streamlits(name):
    signature = inspect.signature(getattr(st, name))
    plain = signature.replace(parameters=[p.replace(annotation=inspect.Parameter.empty) for p in signature.parameters.values()],
                              return_annotation=inspect.Signature.empty)
    assert str(plain) == SIGNATURES[name]


DECK = '''
import pydeck as pdk
cities = pd.DataFrame({"city": ["A", "B"], "lat": [37.76, 37.80], "lon": [-122.40, -122.45]})
deck = pdk.Deck(layers=[pdk.Layer("ScatterplotLayer", cities, id="cities", get_position="[lon, lat]", pickable=True)],
                initial_view_state=pdk.ViewState(latitude=37.78, longitude=-122.42, zoom=11), tooltip={"text": "{city}"})
'''


def test_a_deck_travels_as_its_json_with_tooltip_and_no_tiles_offline(run, monkeypatch):
    pytest.importorskip("pydeck")
    monkeypatch.setenv("NBAPP_MAP_TILES", "off")
    at = run(DECK + "st.pydeck_chart(deck, height=300)", timeout=30)  # pydeck builds its JSON slowly on a busy machine
    chart = at.get("pydeck_chart")[0]
    assert chart.spec["layers"][0]["data"] == [{"city": "A", "lat": 37.76, "lon": -122.40},
                                                {"city": "B", "lat": 37.80, "lon": -122.45}]
    assert chart.spec["layers"][0]["getPosition"] == "@@=[lon, lat]"
    assert chart.tooltip == {"text": "{city}"} and chart.height == 300 and chart.width == "stretch"
    assert chart.tiles is None and "need the internet" in chart.offline_note


def test_st_write_draws_a_deck(run):
    pytest.importorskip("pydeck")
    at = run(DECK + "st.write(deck)", timeout=30)
    assert at.get("pydeck_chart")[0].spec["layers"][0]["id"] == "cities"


def test_no_deck_draws_an_empty_world_and_the_tile_setting_is_a_template(run, monkeypatch):
    monkeypatch.setenv("NBAPP_MAP_TILES", "http://127.0.0.1:1/{z}/{x}/{y}.png")
    chart = run("st.pydeck_chart()").get("pydeck_chart")[0]
    assert chart.spec == {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
    assert chart.tiles == "http://127.0.0.1:1/{z}/{x}/{y}.png"


def test_deck_selection_is_empty_then_what_the_browser_sent(run):
    pytest.importorskip("pydeck")
    at = run(DECK + '''
event = st.pydeck_chart(deck, on_select="rerun", selection_mode="multi-object", key="map")
st.text(repr(event.selection.indices) + " " + repr(event["selection"]["objects"]))
''', timeout=30)
    assert at.text[0].value == "{} {}"
    chart = at.get("pydeck_chart")[0]
    assert chart.selection_mode == "multi-object"
    chart.set_value({"selection": {"indices": {"cities": [1]}, "objects": {"cities": [{"city": "B"}]}}}).run()
    assert at.text[0].value == "{'cities': [1]} {'cities': [{'city': 'B'}]}"
    assert at.session_state["map"].selection.objects["cities"][0]["city"] == "B"


def test_echarts_take_a_dict_with_a_dataframe_source_and_json_text(run):
    at = run('''
df = pd.DataFrame({"day": ["mon", "tue"], "sales": [3, 5]})
st.echarts_chart({"dataset": {"source": df}, "xAxis": {"type": "category"}, "yAxis": {}, "series": [{"type": "bar"}]})
st.echarts_chart('{"series": [{"type": "pie", "data": [1, 2]}]}', theme=None, renderer="svg", height=200)
''')
    first, second = at.get("echarts_chart")
    assert first.option["dataset"]["source"] == [["day", "sales"], ["mon", 3], ["tue", 5]]
    assert (first.width, first.height, first.theme, first.renderer) == ("stretch", 350, "streamlit", "canvas")
    assert second.option == {"series": [{"type": "pie", "data": [1, 2]}]}
    assert (second.theme, second.renderer, second.height) == (None, "svg", 200)


def test_a_pyecharts_chart_is_accepted_and_its_default_size_ignored(run):
    pytest.importorskip("pyecharts")
    at = run('''
from pyecharts import options as opts
from pyecharts.charts import Bar
st.echarts_chart(Bar().add_xaxis(["a", "b"]).add_yaxis("s", [1, 2]).set_global_opts(title_opts=opts.TitleOpts(title="T")),
                 width="content")
st.echarts_chart(Bar(init_opts=opts.InitOpts(width="480px", height="240px")).add_xaxis(["a"]).add_yaxis("s", [1]),
                 width="content")
''')
    first, second = at.get("echarts_chart")
    assert first.option["series"][0]["data"] == [1, 2] and first.option["title"][0]["text"] == "T"
    assert (first.width, first.height) == (700, 350) and (second.width, second.height) == (480, 240)


def test_echarts_selection_is_streamlits_shape(run):
    at = run('''
event = st.echarts_chart({"xAxis": {"data": ["a", "b"]}, "yAxis": {},
                          "series": [{"type": "bar", "data": [1, 2], "selectedMode": "multiple"}]},
                         on_select="rerun", key="bars")
st.text(repr(dict(event.selection)))
''')
    assert at.text[0].value == "{'selected': [], 'areas': []}"
    group = {"series_index": 0, "series_id": None, "series_name": None, "data_type": "main", "data_indices": [1]}
    at.get("echarts_chart")[0].set_value({"selection": {"selected": [group]}}).run()
    assert at.session_state["bars"].selection.selected == [group]
    assert at.session_state["bars"].selection.areas == []


def test_mermaid_body_reaches_the_page(run):
    chart = run('st.mermaid_chart("flowchart LR\\n  a --> b", width=300, alt="two boxes")').get("mermaid_chart")[0]
    assert chart.value == "flowchart LR\n  a --> b" and chart.width == 300 and chart.alt == "two boxes"


@pytest.mark.parametrize(("call", "needles"), [
    ("st.pydeck_chart(42)", ("pydeck_obj must be a pydeck.Deck", "42 (int)")),
    ("st.pydeck_chart(None, height='content')", ("height must be",)),
    ("st.pydeck_chart(None, on_select='rerun', selection_mode='lasso')", ("selection_mode must be", "lasso")),
    ("st.echarts_chart(42)", ("spec must be a dict, a JSON string or a pyecharts chart", "42 (int)")),
    ("st.echarts_chart('{not json')", ("spec is not valid JSON",)),
    ("st.echarts_chart({'series': [{'type': 'scatter3D'}]})", ("scatter3D", "GL")),
    ("st.echarts_chart({'series': [{'type': 'custom'}]})", ("custom",)),
    ("st.echarts_chart({'series': []}, theme='dark')", ("theme must be", "dark")),
    ("st.echarts_chart({'series': []}, renderer='webgl')", ("renderer must be", "webgl")),
    ("st.echarts_chart({'series': [{'type': 'line', 'data': [float('nan')]}]})", ("NaN",)),
    ("st.mermaid_chart(42)", ("body must be Mermaid diagram text", "42 (int)")),
    ("st.mermaid_chart('graph TD', width=0)", ("width must be",)),
])
def test_bad_arguments_show_an_error_naming_them(rejects, call, needles):
    rejects(call, *needles)


def test_frozen_pictures_are_what_a_browser_drew_or_the_source(tmp_path, monkeypatch):
    from nbapp.elements.echarts_chart import ECHARTS_FRONTEND, echarts_static
    from nbapp.elements.mermaid_chart import MERMAID_FRONTEND, mermaid_static
    from nbapp.elements.pydeck_chart import deck_static

    monkeypatch.setenv(pictures.ENV_VAR, str(tmp_path))
    props = {"body": "graph TD\n a-->b"}  # what the widget's synced state holds, all frozen output has
    assert "<pre" in mermaid_static(props) and "a--&gt;b" in mermaid_static(props)
    assert MERMAID_FRONTEND.on_message(props, {"picture": "<svg><text>drawn</text></svg>"}, {}) is None
    assert mermaid_static(props).startswith('<div class="nbapp-mermaid"><img class="nbapp-picture" src="data:image/svg+xml;base64,')
    assert not pictures.remember("x", "<script>alert(1)</script>") and pictures.recall("x") is None
    assert "Sales" in echarts_static({"option": {"title": {"text": "Sales"}}})
    png = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\nrest").decode()
    ECHARTS_FRONTEND.on_message({"option": {"title": {"text": "Sales"}}}, {"picture": png}, {})
    assert 'src="data:image/png;base64,' in echarts_static({"option": {"title": {"text": "Sales"}}})
    spec = {"initialViewState": {"latitude": 37.78, "longitude": -122.42, "zoom": 11},
            "layers": [{"data": [{"lat": 37.76, "lon": -122.40}], "getPosition": "@@=[lon, lat]"}]}
    svg = deck_static({"spec": spec, "height": 300})
    assert svg.count("<circle") == 1 and "need the internet" in svg
