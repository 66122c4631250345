"""`nbapp hello`'s gallery: every demo runs without an error."""
from __future__ import annotations

import pytest

from nbapp.serve.gallery import GALLERY
from nbapp.testing import AppTest


def test_the_gallery_opens_on_hello():
    at = AppTest.from_file(str(GALLERY)).run()
    assert not at.exception
    assert at.title[0].value == "Welcome to nbapp 👋"
    assert "`25` squared is `625`" in [m.value for m in at.markdown]


@pytest.mark.parametrize("demo", ["Plotting", "DataFrame", "Animation", "Chat"])
def test_every_demo_runs(demo):
    at = AppTest.from_file(str(GALLERY), default_timeout=30).run()
    at.sidebar.radio[0].set_value(demo).run()
    assert not at.exception
    assert at.title[0].value == demo


def test_the_chat_demo_streams_a_canned_answer_and_keeps_the_history():
    at = AppTest.from_file(str(GALLERY), default_timeout=30).run()
    at.sidebar.radio[0].set_value("Chat").run()
    at.chat_input[0].set_value("hello there").run()
    assert [m.name for m in at.chat_message] == ["assistant", "user", "assistant"]
    assert at.chat_message[2].markdown[0].value.startswith("You said *hello there* (2 words).")
    at.run()
    assert len(at.chat_message) == 3 and at.session_state.messages[1]["content"] == "hello there"
