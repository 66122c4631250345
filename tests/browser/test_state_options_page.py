"""In a served page: ButtonColumn clicks reach the app, Audio/Video columns are players, metric sparklines
and table borders are drawn."""
from __future__ import annotations

import base64
import io
import struct
import wave

from playwright.sync_api import expect


def _wav_url() -> str:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(struct.pack("<800h", *([0] * 800)))
    return "data:audio/wav;base64," + base64.b64encode(buffer.getvalue()).decode()


APP = f'''\
import pandas as pd
import streamlit as st

df = pd.DataFrame({{"name": ["Ada", "Bob", "Cy"], "action": ["Open", "Open", ["Edit", "Delete"]],
                    "sound": ["{_wav_url()}"] * 3, "clip": ["data:video/mp4;base64,AAAA"] * 3}})
if "calls" not in st.session_state:
    st.session_state.calls = 0

def count():
    st.session_state.calls += 1

st.dataframe(df, hide_index=True, column_config={{
    "action": st.column_config.ButtonColumn("Action", key="act", on_click=count),
    "sound": st.column_config.AudioColumn("Sound"),
    "clip": st.column_config.VideoColumn("Clip"),
}})
click = st.session_state.act
st.write(f"click={{None if click is None else (click.row, click.label)}} calls={{st.session_state.calls}}")
st.metric("Revenue", 1234.5, -12, format="dollar", chart_data=[3, 1, 4, 1, 5, 9, 2, 6], chart_type="area",
          icon="💰", delta_description="vs. last week", border=True)
st.table(pd.DataFrame({{"a": [1, 2], "b": ["x", "y"]}}), border="horizontal")
st.slider("Narrow", 0, 10, 5, width=300)
with st.form("quick"):
    name = st.text_input("Name")
    st.form_submit_button("Save")
st.write(f"saved name={{name}}")
with st.form("slow", enter_to_submit=False):
    city = st.text_input("City")
    st.form_submit_button("Save city")
st.write(f"saved city={{city}}")
if prompt := st.chat_input("Ask", submit_mode="disable"):
    import time
    time.sleep(1.5)  # a slow answer (an LLM streaming)
    st.write(f"answered {{prompt}}")
'''
WAIT = 20_000  # ms: a page with a kernel to start, on a loaded 2-core machine
READY = "text=click=None calls=0"  # conftest's app fixture opens the page and waits for it


def test_a_button_column_click_reaches_the_app_once(app):
    grid = app.locator(".nbapp-dataframe")
    expect(grid.locator(".nbapp-grid-button")).to_have_count(4, timeout=WAIT)  # a list of labels: one button each
    delete = grid.get_by_role("button", name="Delete")
    cell = delete.locator("xpath=ancestor::*[contains(@class, 'nbapp-grid-cell')][1]")
    assert delete.bounding_box()["x"] + delete.bounding_box()["width"] <= cell.bounding_box()["x"] + \
        cell.bounding_box()["width"]  # the column is wide enough for both buttons
    grid.locator(".nbapp-grid-window .nbapp-grid-row", has_text="Bob").get_by_role("button", name="Open").click()
    expect(app.get_by_text("click=(1, 'Open') calls=1")).to_be_visible(timeout=WAIT)
    grid.locator(".nbapp-grid-window .nbapp-grid-row", has_text="Cy").get_by_role("button", name="Delete").click()
    expect(app.get_by_text("click=(2, 'Delete') calls=2")).to_be_visible(timeout=WAIT)
    app.get_by_text("Revenue").click()  # nothing else happens: the click was for one run only
    grid.locator(".nbapp-grid-window .nbapp-grid-row", has_text="Bob").get_by_role("button", name="Open").click()
    expect(app.get_by_text("click=(1, 'Open') calls=3")).to_be_visible(timeout=WAIT)


def test_audio_and_video_columns_are_players(app):
    grid = app.locator(".nbapp-dataframe")
    expect(grid.locator("audio.nbapp-grid-audio[controls]")).to_have_count(3, timeout=WAIT)
    expect(grid.locator("video.nbapp-grid-video[controls]")).to_have_count(3)
    assert grid.locator("audio").first.get_attribute("src").startswith("data:audio/wav;base64,")


def test_metric_sparkline_icon_format_and_table_border_are_drawn(app):
    metric = app.locator(".nbapp-metric")
    expect(metric.locator(".nbapp-metric-value")).to_have_text("$1,234.50")
    expect(metric.locator(".nbapp-delta-pill")).to_have_text("↓ -$12.00")
    expect(metric).to_contain_text("💰")
    expect(metric).to_contain_text("vs. last week")
    chart = metric.locator("svg.nbapp-metric-chart-area")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["height"] > 20
    table = app.locator(".nbapp-static-table")
    assert "nbapp-table-horizontal" in table.get_attribute("class")
    cell = table.locator("td").first
    assert cell.evaluate("e => getComputedStyle(e).borderRightStyle") == "none"
    assert cell.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"


def test_a_widget_width_in_pixels(app):
    box = app.locator(".nbapp-widget.nbapp-slider").bounding_box()
    assert 295 <= box["width"] <= 305


def test_chat_input_submit_mode_disable_waits_for_the_run(app):
    box = app.locator(".nbapp-chat-text")
    box.fill("hello")
    box.press("Enter")
    expect(box).to_be_disabled(timeout=2_000)  # at once, while the run answers
    expect(app.get_by_text("answered hello")).to_be_visible(timeout=WAIT)
    expect(box).to_be_enabled(timeout=WAIT)  # the run is over: the box takes input again
    box.fill("again")
    box.press("Enter")
    expect(app.get_by_text("answered again")).to_be_visible(timeout=WAIT)


def test_enter_submits_a_form_unless_enter_to_submit_is_false(app):
    name = app.locator(".nbapp-form").nth(0).locator("input")
    name.fill("Ada")
    name.press("Enter")
    expect(app.get_by_text("saved name=Ada")).to_be_visible(timeout=WAIT)
    city = app.locator(".nbapp-form").nth(1).locator("input")
    city.fill("Oslo")
    city.press("Enter")  # enter_to_submit=False: no submit
    name.fill("Bob")
    name.press("Enter")  # this submit reaches the app after anything the Enter above sent
    expect(app.get_by_text("saved name=Bob")).to_be_visible(timeout=WAIT)
    expect(app.get_by_text("saved city=")).to_have_text("saved city=")
    app.get_by_role("button", name="Save city").click()
    expect(app.get_by_text("saved city=Oslo")).to_be_visible(timeout=WAIT)
