"""st.pydeck_chart, st.echarts_chart and st.mermaid_chart in a served page: drawn with no network, selections rerun.

Map tiles come from a tile server on 127.0.0.1 in the second app (NBAPP_MAP_TILES), so the
"with a network, tiles" path is exercised without leaving this machine.
"""
from __future__ import annotations

import http.server
import os
import threading
import zlib
import struct

import pytest
from playwright.sync_api import expect

pytest.importorskip("pydeck")

APP = '''\
import pandas as pd
import pydeck as pdk
import streamlit as st

cities = pd.DataFrame({"city": ["A", "B", "C"], "lat": [37.76, 37.80, 37.78], "lon": [-122.40, -122.45, -122.42]})
layer = pdk.Layer("ScatterplotLayer", cities, id="cities", get_position="[lon, lat]", get_radius=600,
                  get_fill_color=[255, 75, 75], pickable=True)
view = pdk.ViewState(latitude=37.78, longitude=-122.42, zoom=11)
event = st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view, tooltip={"text": "{city}"}),
                        on_select="rerun", key="map", height=300)
st.write("deck:", str(dict(event.selection.indices)))
chosen = st.echarts_chart({
    "xAxis": {"type": "category", "data": ["mon", "tue", "wed"]}, "yAxis": {"type": "value"},
    "series": [{"type": "bar", "data": [5, 9, 3], "selectedMode": "single"}]}, on_select="rerun", key="bars", height=260)
st.write("bars:", str([g["data_indices"] for g in chosen.selection.selected]))
st.echarts_chart({"series": [{"type": "pie", "data": [{"name": "x", "value": 3}, {"name": "y", "value": 5}]}]},
                 renderer="svg", height=220)
st.mermaid_chart("flowchart LR\\n  data --> model --> predictions")
'''
WAIT = 40_000  # ms: a kernel to start and three large libraries to load on a loaded 2-core machine


def png(width: int = 256, height: int = 256, rgb: tuple[int, int, int] = (120, 200, 120)) -> bytes:
    """A plain-colored PNG tile."""
    raw = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def tiles():
    """A tile server on 127.0.0.1 that answers every tile with a green PNG; yields its URL template and the paths asked."""
    asked: list[str] = []
    tile = png()

    class Tiles(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/{{style}}/{{z}}/{{x}}/{{y}}.png", asked
    httpd.shutdown()


READY = ".nbapp-mermaid svg"  # conftest's app fixture opens the page and waits for it


def test_a_deck_draws_its_points_on_a_plain_background_offline(app, drawn_points):
    deck = app.locator(".nbapp-pydeck_chart")
    expect(deck.locator("canvas")).to_have_count(1, timeout=WAIT)
    expect(deck.locator(".nbapp-map-note")).to_have_text("Map tiles need the internet: the points are drawn on a plain background.")
    assert drawn_points(app, ".nbapp-pydeck_chart canvas", at_least=50, timeout=WAIT) > 50  # the three red points


def test_clicking_a_deck_point_returns_its_index(app, drawn_points):
    canvas = app.locator(".nbapp-pydeck_chart canvas")
    expect(canvas).to_be_visible(timeout=WAIT)
    drawn_points(app, ".nbapp-pydeck_chart canvas", at_least=50, timeout=WAIT)
    box = canvas.bounding_box()
    x, y = red_center(app, canvas)
    app.mouse.click(box["x"] + x, box["y"] + y)
    expect(app.get_by_text("deck: {'cities': [")).to_be_visible(timeout=WAIT)


def test_echarts_draw_and_a_clicked_bar_is_returned(app):
    charts = app.locator(".nbapp-echarts_chart")
    expect(charts).to_have_count(2)
    expect(charts.nth(0).locator("canvas")).to_have_count(1, timeout=WAIT)
    expect(charts.nth(1).locator("svg path")).not_to_have_count(0, timeout=WAIT)  # the pie, as SVG
    bars = charts.nth(0).locator("canvas")
    box = bars.bounding_box()
    # the tallest bar (tue) sits in the middle of the plot
    app.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.5)
    expect(app.get_by_text("bars: [[1]]")).to_be_visible(timeout=WAIT)


def test_mermaid_draws_the_flowchart_as_svg(app):
    diagram = app.locator(".nbapp-mermaid svg")
    for label in ("data", "model", "predictions"):
        expect(diagram.get_by_text(label, exact=True)).to_be_visible()


def test_with_a_tile_server_the_deck_draws_tiles_and_drops_the_note(serve, page, tiles):
    url, asked = tiles
    os.environ["NBAPP_MAP_TILES"] = url
    try:
        server = serve(APP.split("chosen =")[0])
    finally:
        del os.environ["NBAPP_MAP_TILES"]
    page.goto(server.url)
    deck = page.locator(".nbapp-pydeck_chart")
    expect(deck.locator("canvas")).to_have_count(1, timeout=WAIT)
    expect(deck.locator(".nbapp-map-note")).to_be_hidden(timeout=WAIT)
    assert any(path.split("/")[1:3] in (["dark_all", "11"], ["dark_all", "12"]) for path in asked), asked  # CARTO dark: pydeck's default
    assert green_pixels(page, deck.locator("canvas")) > 10_000


PIXELS = """(canvas) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width; copy.height = canvas.height;
    const ctx = copy.getContext('2d');
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    let red = 0, green = 0, sx = 0, sy = 0;
    for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (r > 200 && g < 120 && b < 120) { red++; const p = i / 4; sx += p % copy.width; sy += Math.floor(p / copy.width); }
        if (g > 180 && r < 150 && b < 150) green++;
    }
    return { red, green, x: red ? sx / red / ratio : 0, y: red ? sy / red / ratio : 0 };
}"""


def pixels(page, canvas) -> dict:
    return canvas.evaluate(PIXELS)


def red_center(page, canvas) -> tuple[float, float]:
    # one of the three points: the red pixels' centroid sits near the middle one (C), inside its circle
    found = pixels(page, canvas)
    return found["x"], found["y"]


def green_pixels(page, canvas) -> int:
    page.wait_for_function(f"() => ({PIXELS})(document.querySelector('.nbapp-pydeck_chart canvas')).green > 10000",
                           timeout=WAIT)
    return pixels(page, canvas)["green"]

