"""Chat in a served page: the input pinned to the bottom, a round trip with a streamed answer, no network."""
from __future__ import annotations

from playwright.sync_api import expect

APP = '''\
import time
import streamlit as st

st.title("Chat test")
if "messages" not in st.session_state:
    st.session_state.messages = []
for m in st.session_state.messages:
    with st.chat_message(m["role"]):
        st.markdown(m["content"])

def reply(prompt):
    for word in f"Echo: {prompt} (streamed)".split(" "):
        yield word + " "
        time.sleep(0.15)

if prompt := st.chat_input("Say something"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        answer = st.write_stream(reply(prompt))
    st.session_state.messages.append({"role": "assistant", "content": answer})
st.write(f"{len(st.session_state.messages)} messages")
'''
WAIT = 20_000
READY = ".nbapp-chat-text"  # conftest's app fixture opens the page and waits for it


def test_the_chat_input_is_pinned_to_the_bottom_of_the_window(app):
    expect(app.locator(".nbapp-snapshot")).to_have_count(0)  # the live app, not its first-paint snapshot
    app.locator(".lm-Widget.nbapp-app .nbapp-main").evaluate("main => { main.style.minHeight = '3000px'; }")  # a long chat
    box = app.locator(".nbapp-chat-input-box").bounding_box()
    viewport = app.viewport_size
    assert viewport["height"] - (box["y"] + box["height"]) < 60  # at the bottom edge
    title = app.get_by_text("Chat test").bounding_box()["y"]
    assert box["y"] > title
    app.mouse.move(viewport["width"] / 2, viewport["height"] / 2)
    app.mouse.wheel(0, 2000)
    expect(app.get_by_text("Chat test")).not_to_be_in_viewport()  # the app scrolled...
    # ...and the box stayed (Voilà's shell panels once made it scroll away with the app)
    assert app.locator(".nbapp-chat-input-box").bounding_box()["y"] == box["y"]


def test_a_message_round_trip_with_a_streamed_answer(app):
    text = app.locator(".nbapp-chat-text")
    text.fill("hello nbapp")
    text.press("Enter")
    expect(text).to_have_value("")  # the box empties on send
    user = app.locator(".nbapp-chat-message.nbapp-chat-user")
    expect(user).to_contain_text("hello nbapp", timeout=WAIT)
    answer = app.locator(".nbapp-chat-message.nbapp-chat-assistant")
    # Streaming: part of the answer shows before all of it does.
    expect(answer).to_contain_text("Echo:", timeout=WAIT)
    partial = answer.inner_text()
    expect(answer).to_contain_text("Echo: hello nbapp (streamed)", timeout=WAIT)
    assert "(streamed)" not in partial
    expect(app.get_by_text("2 messages")).to_be_visible(timeout=WAIT)
    # A second message: the history is redrawn from session_state, the new answer streams below it.
    text.fill("again")
    app.locator(".nbapp-chat-send").click()
    expect(app.get_by_text("4 messages")).to_be_visible(timeout=WAIT)
    expect(answer).to_have_count(2)
    expect(answer.nth(1)).to_contain_text("Echo: again (streamed)")


def test_shift_enter_makes_a_new_line_instead_of_sending(app):
    text = app.locator(".nbapp-chat-text")
    text.fill("line one")
    text.press("Shift+Enter")
    text.type("line two")
    expect(text).to_have_value("line one\nline two")
    expect(app.get_by_text("0 messages")).to_be_visible()
