"""camera_input and audio_input in a served page, with Chromium's fake camera and microphone."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

APP = '''\
import streamlit as st
photo = st.camera_input("Pic")
st.write(f"photo={photo.name if photo else None} {photo.type if photo else ''} {photo.size > 1000 if photo else ''}")
voice = st.audio_input("Voice", sample_rate=8000)
if voice:
    data = voice.read()
    st.write(f"voice={voice.name} {voice.type} riff={data[:4] == b'RIFF'} rate={int.from_bytes(data[24:28], 'little')}")
'''
WAIT = 20_000


@pytest.fixture(scope="module")
def server(serve):
    return serve(APP)


@pytest.fixture
def app(open_app, server):
    page = open_app(server.url)
    expect(page.get_by_text("photo=None")).to_be_visible(timeout=WAIT)
    return page


def test_take_a_photo_and_clear_it(app):
    app.get_by_role("button", name="Take Photo").click()
    expect(app.get_by_text("photo=image.jpg image/jpeg True")).to_be_visible(timeout=WAIT)
    expect(app.locator(".nbapp-media-photo")).to_be_visible()
    app.get_by_role("button", name="Clear photo").click()
    expect(app.get_by_text("photo=None")).to_be_visible(timeout=WAIT)


def test_record_audio_as_wav_at_the_sample_rate(app):
    app.get_by_role("button", name="● Record").click()
    expect(app.get_by_role("button", name="■ Stop")).to_be_visible()
    app.wait_for_timeout(800)  # record for a while: the fake microphone plays a tone
    app.get_by_role("button", name="■ Stop").click()
    expect(app.get_by_text("voice=audio.wav audio/wav riff=True rate=8000")).to_be_visible(timeout=WAIT)


CHAT = '''\
import streamlit as st
v = st.chat_input("Say or record", accept_audio=True, audio_sample_rate=16000)
if v:
    data = v.audio.read() if v.audio else b""
    st.write(f"text={v.text!r} audio={v.audio.name if v.audio else None} rate={int.from_bytes(data[24:28], 'little')}")
'''


@pytest.fixture(scope="module")
def chat_server(serve):
    return serve(CHAT)


def test_a_voice_message_from_the_chat_input(open_app, chat_server):
    page = open_app(chat_server.url)
    mic = page.locator(".nbapp-chat-mic")
    expect(mic).to_be_visible(timeout=WAIT)
    page.locator(".nbapp-chat-text").fill("listen")
    mic.click()
    expect(mic).to_have_class("nbapp-chat-mic nbapp-chat-recording")
    page.wait_for_timeout(800)  # the fake microphone plays a tone meanwhile
    mic.click()
    expect(page.get_by_text("text='listen' audio=audio.wav rate=16000")).to_be_visible(timeout=WAIT)
