"""st.plotly_chart: the figure as JSON, selections as Streamlit returns them, errors; plotly.js sent once."""
from __future__ import annotations

import textwrap

import pytest

from nbapp.testing import AppTest

pytest.importorskip("plotly")


def run(script: str) -> AppTest:
    return AppTest.from_string("import nbapp as st\nimport plotly.express as px\n" + textwrap.dedent(script)).run(timeout=60)


def test_the_figure_travels_as_json_data_and_layout():
    at = run('st.plotly_chart(px.bar(x=["a", "b"], y=[1, 2], title="t"), config={"scrollZoom": False})')
    chart = at.plotly_chart[0]
    assert chart.figure["data"][0]["type"] == "bar" and chart.figure["layout"]["title"]["text"] == "t"
    assert chart.config == {"scrollZoom": False} and chart.width == "stretch"


def test_on_select_returns_an_empty_selection_then_what_the_browser_sent():
    at = run('''
        event = st.plotly_chart(px.scatter(x=[1, 2], y=[3, 4]), on_select="rerun", key="p")
        st.text(repr(dict(event.selection)))
    ''')
    assert at.text[0].value == "{'points': [], 'point_indices': [], 'box': [], 'lasso': []}"
    at.plotly_chart[0].set_value({"selection": {"points": [{"x": 1, "y": 3}], "point_indices": [0]}}).run(timeout=60)
    assert at.session_state["p"].selection.point_indices == [0]
    assert at.session_state["p"].selection.box == []


@pytest.mark.parametrize(("call", "needle"), [
    ("st.plotly_chart(42)", "figure_or_data must be a Plotly figure"),
    ("st.plotly_chart(px.bar(x=[1], y=[1]), theme='neon')", "theme must be"),
    ("st.plotly_chart(px.bar(x=[1], y=[1]), on_select='rerun', selection_mode='circle')", "selection_mode must be"),
])
def test_bad_arguments_show_an_error(call, needle):
    at = run(call)
    assert at.exception[0].type == "NbappAPIError" and needle in at.exception[0].value


def test_plotly_js_is_one_library_model_shared_by_every_chart():
    from nbapp.render.plotly import library

    assert library() is library() and len(library()._esm) > 4_000_000
    assert "export default" in library()._esm


def test_the_frozen_chart_is_a_picture_without_kaleido():
    pytest.importorskip("vl_convert")
    import json

    import plotly.express as px

    from nbapp.elements.plotly_static import plotly_static, values

    figure = json.loads(px.line(x=[1, 2, 3], y=[3.5, 1.0, 2.0], title="Sales").to_json())
    assert values(figure["data"][0]["y"]) == [3.5, 1.0, 2.0]  # plotly 6's base64 arrays, decoded
    html = plotly_static({"figure": figure, "width": "stretch", "height": "content"})
    assert "<svg" in html and "Sales" in html and "mark-line" in html
    pie = json.loads(px.pie(values=[1, 2], names=["a", "b"], title="Share").to_json())
    assert "Plotly chart: Share" in plotly_static({"figure": pie})
