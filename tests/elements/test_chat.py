"""Chat: chat_message containers, chat_input's one-shot value (pinned to the bottom root), write_stream."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from nbapp.testing import AppTest

CHAT_APP = """
import streamlit as st
if "messages" not in st.session_state:
    st.session_state.messages = []
for m in st.session_state.messages:
    with st.chat_message(m["role"]):
        st.markdown(m["content"])
if prompt := st.chat_input("Say something"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        reply = st.write_stream(word + " " for word in f"You said {prompt}".split())
    st.session_state.messages.append({"role": "assistant", "content": reply})
st.write("prompt is", repr(prompt))
"""


def test_chat_input_returns_the_message_once_then_none():
    at = AppTest.from_string(CHAT_APP).run()
    assert at.chat_input[0].placeholder == "Say something"
    assert at.markdown[-1].value == "prompt is None"
    at.chat_input[0].set_value("hello").run()
    assert at.markdown[-1].value == "prompt is 'hello'"
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert at.chat_message[1].markdown[0].value == "You said hello"
    assert at.session_state.messages[1] == {"role": "assistant", "content": "You said hello "}  # as streamed
    at.run()
    assert at.markdown[-1].value == "prompt is None"
    assert len(at.chat_message) == 2  # the history, redrawn from session_state


def test_the_same_message_twice_is_two_submits():
    at = AppTest.from_string(CHAT_APP).run()
    at.chat_input[0].set_value("again").run()
    at.chat_input[0].set_value("again").run()
    assert [m["content"] for m in at.session_state.messages] == ["again", "You said again "] * 2


def test_chat_input_on_st_goes_to_the_bottom_root_and_inline_in_a_container():
    at = AppTest.from_string("""
import nbapp as st
st.chat_input("pinned")
with st.container():
    st.chat_input("inline")
st.sidebar.chat_input("side")
""").run()
    roots = {child.kind: child for child in at.children}
    assert [e.placeholder for e in roots["bottom"].chat_input] == ["pinned"]
    assert [e.placeholder for e in roots["main"].chat_input] == ["inline"]
    assert [e.placeholder for e in roots["sidebar"].chat_input] == ["side"]


def test_on_submit_runs_before_the_script_with_the_value_in_session_state(run):
    at = run("""
seen = st.session_state.setdefault("seen", [])
def sent():
    seen.append(st.session_state.box)
st.chat_input(key="box", on_submit=sent)
st.write(len(seen))
""")
    at.chat_input[0].set_value("hi").run()
    assert at.session_state.seen == ["hi"]
    at.run()
    assert at.session_state.box is None and at.session_state.seen == ["hi"]


def test_a_paste_longer_than_max_chars_is_cut_with_a_warning(run):
    at = run("v = st.chat_input(max_chars=5)\nst.write(repr(v))")
    with pytest.warns(RuntimeWarning, match="longer than max_chars=5"):
        at.chat_input[0].set_value("x" * 10_000).run()
    assert at.markdown[0].value == "'xxxxx'"


def test_accept_file_returns_text_and_files(run):
    at = run("""
v = st.chat_input(accept_file="multiple", file_type=["txt"])
if v:
    st.write(v.text, v["text"], [f.name for f in v.files], v.files[0].read().decode())
""")
    from nbapp.elements.chat import ChatInputValue
    from nbapp.elements.widgets.upload import uploaded_file
    at.chat_input[0].set_value(ChatInputValue("see", [uploaded_file("a.txt", b"abc")])).run()
    assert at.markdown[0].value == "see see"
    assert at.json[0].value == '["a.txt"]'
    assert at.markdown[-1].value == "abc"


def test_chat_input_rejects_bad_arguments(rejects, api_error):
    rejects("st.chat_input(max_chars=0)", "max_chars must be a positive int")
    rejects("st.chat_input(accept_file='some')", "accept_file must be False, True, 'multiple' or 'directory'")
    assert "st.chat_input(): it can't be used inside an st.form()" in api_error("with st.form('f'):\n    st.chat_input()")


def test_chat_message_avatars(run):
    at = run("""
for name, avatar in [("user", None), ("human", None), ("assistant", None), ("ai", None), ("Bob", None),
                     ("x", "🦖"), ("y", "assistant"), ("z", "https://example.com/a.png"), ("w", b"\\x89PNG....")]:
    st.chat_message(name, avatar=avatar).write(name)
""")
    got = [(m.name, m.avatar_type, m.avatar[:22]) for m in at.chat_message]
    assert got == [("user", "icon", "user"), ("human", "icon", "user"), ("assistant", "icon", "assistant"),
                   ("ai", "icon", "assistant"), ("Bob", "letter", "B"), ("x", "emoji", "🦖"),
                   ("y", "icon", "assistant"), ("z", "image", "https://example.com/a."),
                   ("w", "image", "data:image/png;base64,")]


def test_chat_message_rejects_a_bad_avatar(rejects):
    rejects("st.chat_message('user', avatar=3)", "avatar must be")
    rejects("st.chat_message('')", "name must be a non-empty str")


def test_write_stream_returns_the_full_text_from_generators_and_async_generators(run):
    at = run("""
import asyncio
def gen():
    yield "Hello"
    yield ""
    yield " world"
async def agen():
    for part in ["a", "b", "c"]:
        await asyncio.sleep(0)
        yield part
st.session_state.out = [st.write_stream(gen), st.write_stream(agen()), st.write_stream(iter([])),
                        st.write_stream(["x", 1, "y"])]
""")
    assert at.session_state.out == ["Hello world", "abc", "", ["x", 1, "y"]]
    assert [m.value for m in at.markdown] == ["Hello world", "abc", "x", "`1`", "y"]


def test_write_stream_reads_openai_chunks():
    def chunk(content):
        return SimpleNamespace(choices=[SimpleNamespace(delta=SimpleNamespace(content=content))])

    chunks = [SimpleNamespace(choices=[]), chunk(None), chunk("Hi"), chunk(" there")]
    at = AppTest.from_string("import nbapp as st\nst.session_state.out = st.write_stream(CHUNKS)")
    at._app.globals_fn = lambda: {"CHUNKS": chunks}
    at.run()
    assert at.session_state.out == "Hi there"
    assert at.markdown[0].value == "Hi there"


def test_write_stream_rejects_what_cannot_be_iterated(rejects):
    rejects("st.write_stream(5)", "stream must be a generator")


def test_apptest_upload_stages_files_for_the_next_submit_as_streamlits_does(run):
    at = run("v = st.chat_input(accept_file='multiple')\nif v:\n    st.write(v.text, '|', ', '.join(f.name for f in v.files))")
    at.chat_input[0].upload("a.txt", b"a").upload("b.txt", b"b").set_value("two files").run()
    assert at.markdown[0].value == "two files | a.txt, b.txt"
    at.chat_input[0].upload("c.txt", b"c").clear().set_value("none").run()
    assert at.markdown[0].value == "none |"


def test_accept_audio_returns_the_recording_and_only_the_attributes_asked_for(run):
    at = run("""
v = st.chat_input(accept_audio=True)
if v:
    st.write(repr(v.text), v.audio.name, v.audio.read()[:4].decode(), sorted(v.to_dict()))
    try:
        v.files
    except AttributeError as err:
        st.write(str(err))
""")
    from nbapp.elements.chat import ChatInputValue
    from nbapp.elements.widgets.upload import uploaded_file
    at.chat_input[0].set_value(ChatInputValue("", [], uploaded_file("audio.wav", b"RIFF..", "audio/wav"),
                                              include_files=False, include_audio=True)).run()
    assert at.markdown[0].value == "'' audio.wav RIFF" and at.json[0].body == ["audio", "text"]
    assert "has no attribute 'files' (accept_file=False)" in at.markdown[1].value


def test_a_plain_chat_input_returns_a_str_and_a_file_one_has_no_audio(run):
    at = run("v = st.chat_input(accept_file=True)\nif v:\n    st.write(sorted(v.to_dict()), hasattr(v, 'audio'))")
    at.chat_input[0].set_value("hi").run()
    assert at.json[0].body == ["files", "text"] and at.markdown[0].value == "`False`"
