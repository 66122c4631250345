"""Every chart and media kind inline in real JupyterLab: a %%app cell draws them all, with no request leaving 127.0.0.1.

conftest's ``lab`` (one JupyterLab per module) and ``page`` (Chromium resolving no host but
127.0.0.1; the test fails if the page asked elsewhere). The screenshot is kept in artifacts/.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytest.importorskip("pydeck")
pytest.importorskip("plotly")

APP = '''%%app
import io

import altair as alt
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import plotly.express as px
import pydeck as pdk
import nbapp as st

st.logo(np.full((24, 72, 3), [255, 75, 75], dtype=np.uint8))
n = st.slider("n", 5, 50, 10)
df = pd.DataFrame({"a": np.arange(n) ** 1.5, "b": np.arange(n)})
st.line_chart(df, height=160)
st.area_chart(df, height=160)
st.bar_chart(df, height=160)
st.scatter_chart(df, x="a", y="b", height=160)
st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b").properties(height=120))
st.vega_lite_chart(df, {"mark": "tick", "encoding": {"x": {"field": "a", "type": "quantitative"}}})
st.map({"lat": [37.76, 37.80], "lon": [-122.40, -122.45]})
st.plotly_chart(px.scatter(df, x="a", y="b", height=250))
fig, ax = plt.subplots(figsize=(3, 1.5))
ax.plot(df.a)
st.pyplot(fig)
st.graphviz_chart("digraph { data -> model }")
st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("ScatterplotLayer", [{"lat": 37.78, "lon": -122.42}], get_position="[lon, lat]",
                                         get_radius=3000, get_fill_color=[255, 0, 0])],
                         initial_view_state=pdk.ViewState(latitude=37.78, longitude=-122.42, zoom=9)), height=200)
st.echarts_chart({"xAxis": {"data": ["x", "y"]}, "yAxis": {}, "series": [{"type": "bar", "data": [2, 3]}]}, height=200)
st.mermaid_chart("flowchart LR\\n  data --> model")
st.image(np.full((40, 80, 3), 200, dtype=np.uint8), caption="gray")
st.audio(np.sin(np.linspace(0, 2 * np.pi * 440, 8000)), sample_rate=8000)
st.video(b"not really a video", format="video/webm")
pdf = io.BytesIO()
fig.savefig(pdf, format="pdf")
st.pdf(pdf.getvalue(), height=300)
'''
WAIT = 60_000  # ms: JupyterLab, a kernel, the app's first run and five libraries on a loaded 2-core machine


@pytest.fixture
def app(page, lab):
    lab.open_notebook(page, "charts.ipynb", APP)
    page.set_viewport_size({"width": 1400, "height": 4400})  # the whole app on screen (and in the screenshot)
    app = page.locator(".jp-OutputArea .lm-Widget.nbapp-app").filter(visible=True)
    expect(app).to_have_count(1, timeout=WAIT)
    expect(app.locator(".nbapp-mermaid svg")).to_have_count(1, timeout=WAIT)
    return app


def test_every_chart_and_media_kind_draws_inline(app, page, drawn_points):
    expect(app.locator(".nbapp-vega svg.marks")).to_have_count(6, timeout=WAIT)  # line area bar scatter altair vega
    expect(app.locator(".nbapp-plotly .scatterlayer .point")).to_have_count(10, timeout=WAIT)
    expect(app.locator(".nbapp-graphviz_chart svg g.node")).to_have_count(2, timeout=WAIT)
    expect(app.locator(".nbapp-echarts_chart canvas")).to_have_count(1, timeout=WAIT)
    expect(app.locator(".nbapp-mermaid svg").get_by_text("model", exact=True)).to_be_visible()
    for deck in (app.locator(".nbapp-pydeck_chart"), app.locator(".nbapp-map")):  # both drawn by deck.gl
        expect(deck.locator(".nbapp-map-note")).to_contain_text("Map tiles need the internet")
        expect(deck.locator("canvas")).to_have_count(1)
    for kind in ("pydeck_chart", "map"):  # the points are on deck.gl's canvas
        drawn_points(page, f".nbapp-app .nbapp-{kind} canvas", timeout=WAIT)
    page.wait_for_function("() => [...document.querySelectorAll('.nbapp-app .nbapp-image img')]"
                           ".every(i => i.complete && i.naturalWidth > 0)", timeout=WAIT)
    widths = app.locator(".nbapp-image img").evaluate_all("imgs => imgs.map(i => i.naturalWidth)")
    assert 80 in widths and any(w > 400 for w in widths), widths  # the picture, and the plot at dpi 200
    expect(app.get_by_text("gray")).to_be_visible()
    for kind in ("audio", "video"):
        assert app.locator(f".nbapp-{kind} {kind}[controls]").get_attribute("src").startswith("blob:")
    assert app.locator(".nbapp-pdf iframe.nbapp-pdf").get_attribute("src").startswith("blob:")
    logo = app.locator(".nbapp-app-header .nbapp-logo img").bounding_box()  # the app's top-left, as Streamlit's header
    slider = app.locator(".widget-slider").bounding_box()
    assert logo["y"] + logo["height"] <= slider["y"] and logo["x"] <= slider["x"] + 1


def test_a_slider_change_redraws_the_line_chart_in_place(app, page):
    line = app.locator(".nbapp-vega").first
    expect(line).to_have_attribute("data-rendered", "1", timeout=WAIT)
    handle = app.locator(".widget-slider .noUi-handle")
    handle.focus()
    handle.press("ArrowRight")
    expect(line).to_have_attribute("data-updated", "1", timeout=WAIT)
    expect(line).to_have_attribute("data-rendered", "1")  # the same view, new data
    expect(app.locator(".nbapp-plotly .scatterlayer .point")).to_have_count(11, timeout=WAIT)
