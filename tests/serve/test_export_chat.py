"""nbapp export freezes the chat, choice, status and frame elements into the HTML snapshot."""
from __future__ import annotations

from nbapp.cli import main

APP = '''\
import streamlit as st
import streamlit.components.v1 as components
with st.chat_message("assistant"):
    st.write("Hello from the bot")
st.chat_input("Ask away")
st.pills("Mood", ["happy", "sad"], default="sad")
st.pagination(4, default=2)
with st.status("Crunching", state="complete"):
    st.write("done")
st.badge("Beta", color="violet")
components.html("<p>frame</p>", height=40)
'''


def test_export_freezes_the_new_elements(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    assert main(["export", str(script), "--to", "html"]) == 0
    page = (tmp_path / "app.html").read_text(encoding="utf-8")
    assert "Hello from the bot" in page and "nbapp-chat-message" in page
    assert 'placeholder="Ask away"' in page and "nbapp-bottom" in page
    assert '<button class="nbapp-choice-option nbapp-chosen" disabled>sad</button>' in page
    assert "Page 2 of 4" in page
    assert "✅ Crunching" in page
    assert "nbapp-badge" in page and ">Beta</span>" in page
    assert "srcdoc=" in page and 'sandbox="allow-scripts' in page
