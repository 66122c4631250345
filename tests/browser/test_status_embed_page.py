"""st.status, st.badge and components.v1.html in a served page: a status that completes, a sandboxed frame."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

APP = '''\
import streamlit as st
import streamlit.components.v1 as components
with st.status("Downloading data", expanded=True) as s:
    st.write("Searching for data...")
    s.update(label="Download complete", state="complete")
st.badge("New", color="green")
components.html("<p id=out>sum</p><script>document.getElementById('out').textContent = 'sum=' + (2 + 2);"
                "try { parent.document.title = 'hijacked'; } catch (e) { document.body.append(' blocked'); }</script>",
                height=60)
'''
WAIT = 20_000


@pytest.fixture(scope="module")
def server(serve):
    return serve(APP)


def test_status_badge_and_a_sandboxed_frame(open_app, server):
    page = open_app(server.url)
    status = page.locator(".nbapp-status")
    expect(status).to_contain_text("✅ Download complete", timeout=WAIT)
    expect(status).to_contain_text("Searching for data...")
    expect(page.locator(".nbapp-badge")).to_have_text("New")
    frame = page.frame_locator(".nbapp-iframe iframe")
    expect(frame.locator("#out")).to_have_text("sum=4", timeout=WAIT)  # its script ran...
    expect(frame.locator("body")).to_contain_text("blocked")  # ...inside the sandbox, not in the app's page
    assert page.title() != "hijacked"
