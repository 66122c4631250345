"""`nbapp export --to html` freezes pydeck, echarts, mermaid and plotly charts as pictures, with none of their libraries."""
from __future__ import annotations

import re

import pytest

from nbapp.cli import main
from nbapp.elements import pictures
from nbapp.elements.mermaid_chart import picture_key

pytest.importorskip("pydeck")
pytest.importorskip("plotly")

APP = '''\
import plotly.express as px
import pydeck as pdk
import streamlit as st

st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("ScatterplotLayer", [{"lat": 37.78, "lon": -122.42}, {"lat": 37.79, "lon": -122.4}],
                                           get_position="[lon, lat]", get_fill_color=[255, 0, 0])],
                         initial_view_state=pdk.ViewState(latitude=37.78, longitude=-122.41, zoom=11)), height=300)
st.echarts_chart({"title": {"text": "Weekly sales"}, "series": [{"type": "pie", "data": [1, 2]}]})
st.mermaid_chart("flowchart LR\\n  a --> b")
st.mermaid_chart("flowchart LR\\n  never --> drawn")
st.plotly_chart(px.line(x=[1, 2, 3], y=[2, 1, 3], title="Trend"))
'''


def test_new_charts_are_pictures_in_the_exported_page(tmp_path, monkeypatch):
    monkeypatch.setenv(pictures.ENV_VAR, str(tmp_path / "pictures"))
    # a page drew the first diagram before (its SVG was sent back and kept)
    assert pictures.remember(picture_key({"body": "flowchart LR\n  a --> b"}), "<svg><text>a to b</text></svg>")
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    assert main(["export", str(script), "--to", "html"]) == 0
    page = (tmp_path / "app.html").read_text(encoding="utf-8")
    deck = re.search(r'<div class="nbapp-pydeck-static"><svg .*?</svg>', page, re.S)
    assert deck and deck.group(0).count("<circle") == 2 and "need the internet" in page
    assert "ECharts chart: Weekly sales" in page
    assert re.search(r'<img class="nbapp-picture" src="data:image/svg\+xml;base64,', page)  # the kept diagram
    assert "never --&gt; drawn" in page  # the other one's source, in a box
    plot = re.search(r'<div class="nbapp-chart-static"><svg .*?</svg></div>', page, re.S)
    assert plot and "Trend" in plot.group(0)
    assert len(page) < 1_000_000  # pictures, not the 1-4 MB libraries
