"""Chat inline in real JupyterLab: a %%app cell's chat_input sends, write_stream shows the answer as it streams."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_chat_page import APP as CHAT_APP

# The served page's chat app (tests/browser/test_chat_page.py), as a notebook's %%app cell.
APP = "%%app\n" + CHAT_APP.replace("import streamlit as st", "import nbapp as st").replace('st.title("Chat test")\n', "")
WAIT = 30_000  # ms: JupyterLab, a kernel and the app's first run on a loaded 2-core machine

pytestmark = pytest.mark.skipif(__import__("shutil").which("jupyter-lab") is None, reason="JupyterLab is not installed")


def test_a_chat_round_trip_with_a_streamed_answer_in_a_notebook_cell(page, lab):
    lab.open_notebook(page, "chat.ipynb", APP)
    app = page.locator(".jp-OutputArea .lm-Widget.nbapp-app")  # the live app, not its hidden snapshot
    expect(app.get_by_text("0 messages")).to_be_visible(timeout=WAIT)
    text = app.locator(".nbapp-chat-text")
    box = text.bounding_box()
    output = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea").bounding_box()
    assert output["y"] <= box["y"] <= output["y"] + output["height"]  # inline in the cell, not pinned to the window
    text.fill("hello lab")
    text.press("Enter")
    expect(text).to_have_value("")
    expect(app.locator(".nbapp-chat-message.nbapp-chat-user")).to_contain_text("hello lab", timeout=WAIT)
    answer = app.locator(".nbapp-chat-message.nbapp-chat-assistant")
    expect(answer).to_contain_text("Echo:", timeout=WAIT)
    partial = answer.inner_text()
    expect(answer).to_contain_text("Echo: hello lab (streamed)", timeout=WAIT)
    assert "(streamed)" not in partial  # it showed before the whole answer was there: streamed
    expect(app.get_by_text("2 messages")).to_be_visible(timeout=WAIT)
    text.fill("again")
    app.locator(".nbapp-chat-send").click()
    expect(app.get_by_text("4 messages")).to_be_visible(timeout=WAIT)
    expect(answer).to_have_count(2)
    expect(answer.nth(1)).to_contain_text("Echo: again (streamed)")
    page.screenshot(path=str(__import__("pathlib").Path(__file__).resolve().parents[2] / "artifacts" / "lab_chat.png"))
