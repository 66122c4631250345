"""Charts in a served page: every kind draws with no network, reruns update in place, the library loads once."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

APP = '''\
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

n = st.slider("points", 2, 50, 10)
st.line_chart(pd.DataFrame({"a": np.arange(n) ** 1.5, "b": np.arange(n)}))
st.area_chart({"a": [1, 3, 2], "b": [2, 1, 3]}, stack="normalize")
st.bar_chart({"fruit": ["apple", "kiwi", "fig"], "n": [3, 5, 1]}, x="fruit", y="n", horizontal=True, sort="-n")
st.scatter_chart({"x": [1, 2, 3], "y": [3, 1, 2], "k": ["p", "q", "p"]}, x="x", y="y", color="k")
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 1, 6]})
st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b"))
event = st.vega_lite_chart(df, {"mark": "point", "params": [{"name": "box", "select": "interval"}],
    "encoding": {"x": {"field": "a", "type": "quantitative"}, "y": {"field": "b", "type": "quantitative"}}},
    on_select="rerun", key="sel")
st.write("selected:", str(event.selection.box))
st.map({"lat": [37.76, 37.80, 37.78], "lon": [-122.40, -122.45, -122.42]})
'''
WAIT = 30_000  # ms: a kernel to start and six charts to draw on a loaded 2-core machine
CHARTS = 6  # Vega-Lite charts; st.map is drawn by deck.gl


@pytest.fixture
def app(open_app, server):
    page = open_app(server.url)
    expect(page.locator(".nbapp-vega svg.marks")).to_have_count(CHARTS, timeout=WAIT)
    return page


def test_every_chart_kind_draws_marks(app):
    charts = app.locator(".nbapp-vega")
    for i in range(CHARTS):
        marks = charts.nth(i).locator("svg.marks g.mark-line path, svg.marks g.mark-area path, "
                                      "svg.marks g.mark-rect path, svg.marks g.mark-symbol path")
        assert marks.count() >= 1, f"chart {i} drew no marks"
    # the horizontal bars run sideways, longest (kiwi) first
    labels = charts.nth(2).locator("g.role-axis-label text").all_text_contents()
    assert [t for t in labels if t.isalpha()] == ["kiwi", "apple", "fig"], labels


def test_a_rerun_with_new_data_updates_the_chart_in_place(app):
    line = app.locator(".nbapp-vega").first
    expect(line).to_have_attribute("data-rendered", "1")
    points_before = line.locator("g.mark-line path").first.get_attribute("d").count("L")
    app.locator(".nbapp-slider .noUi-handle").focus()
    app.keyboard.press("ArrowRight")
    expect(line).to_have_attribute("data-updated", "1", timeout=WAIT)
    expect(line).to_have_attribute("data-rendered", "1")  # the same view: no new embed, no flicker
    assert line.locator("g.mark-line path").first.get_attribute("d").count("L") == points_before + 1
    # the other charts' data did not change: nothing was sent to them
    for i in range(1, CHARTS):
        assert app.locator(".nbapp-vega").nth(i).get_attribute("data-updated") is None


def test_the_library_travels_once_for_all_charts(app):
    sizes = app.evaluate("""() => {
        const scripts = performance.getEntriesByType('resource').filter(e => e.name.startsWith('blob:'));
        return scripts.map(e => e.decodedBodySize);
    }""")
    big = [s for s in sizes if s > 500_000]
    assert len(big) == len(set(big)) <= 2, sizes  # vega once, deck.gl (the map's) once


def test_a_map_offline_draws_its_points_and_says_tiles_need_the_internet(app, drawn_points):
    chart = app.locator(".nbapp-map")
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".nbapp-map-note")).to_have_text("Map tiles need the internet: the points are drawn on a plain background.")
    drawn_points(app, ".nbapp-map canvas", timeout=WAIT)  # deck.gl's canvas holds the three points


def test_dragging_a_box_returns_the_selection(app):
    chart = app.locator(".nbapp-vega").nth(5).locator("svg.marks")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    app.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.2)
    app.mouse.down()
    app.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.7, steps=5)
    app.mouse.up()
    expect(app.get_by_text("selected: {'a': [")).to_be_visible(timeout=WAIT)

