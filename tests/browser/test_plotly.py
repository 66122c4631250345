"""st.plotly_chart and st.graphviz_chart in a served page: their libraries travel once, no network."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytest.importorskip("plotly")

APP = '''\
import plotly.express as px
import streamlit as st

n = st.slider("n", 2, 20, 3)
st.plotly_chart(px.scatter(x=list(range(n)), y=[i * i for i in range(n)], title="squares"))
st.plotly_chart(px.bar(x=["a", "b"], y=[1, 2]))
st.graphviz_chart(f"digraph {{ data -> model -> predictions; model -> n{n} }}")
'''
WAIT = 40_000


@pytest.fixture(scope="module")
def server(serve):
    return serve(APP)


@pytest.fixture
def app(page, server, offsite):
    page.goto(server.url)
    expect(page.locator(".nbapp-snapshot")).to_have_count(0, timeout=WAIT)
    expect(page.locator(".nbapp-plotly .main-svg").first).to_be_visible(timeout=WAIT)
    return page


def test_plotly_charts_draw_and_update_in_place(app):
    expect(app.locator(".nbapp-plotly")).to_have_count(2)
    scatter = app.locator(".nbapp-plotly_chart").first
    expect(scatter.locator(".scatterlayer .point")).to_have_count(3)
    assert app.get_by_text("squares").count() >= 1
    app.locator(".nbapp-slider .noUi-handle").focus()
    app.keyboard.press("ArrowRight")
    expect(scatter.locator(".scatterlayer .point")).to_have_count(4, timeout=WAIT)
    expect(scatter).to_have_attribute("data-drawn", "2")  # redrawn in the same element
    assert scatter.bounding_box()["height"] > 300
    expect(app.locator(".nbapp-plotly_chart").nth(1)).to_have_attribute("data-drawn", "1")  # unchanged: nothing sent


def test_graphviz_draws_dot_without_a_dot_binary_and_redraws_in_place(app):
    graph = app.locator(".nbapp-graphviz_chart")
    expect(graph.locator("svg g.node")).to_have_count(4, timeout=WAIT)
    expect(graph.locator("svg g.node title")).to_have_text(["data", "model", "predictions", "n3"])
    app.locator(".nbapp-slider .noUi-handle").focus()
    app.keyboard.press("ArrowRight")
    expect(graph.locator("svg g.node title").last).to_have_text("n4", timeout=WAIT)
    expect(graph).to_have_attribute("data-drawn", "2")
