"""text_input, text_area and color_picker."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("kind", ["text_input", "text_area"])
def test_value_none_is_empty_until_typed_and_again_when_cleared(kind, run):
    at = run(f"st.text(repr(st.{kind}('Name', None, key='k', placeholder='your name')))")
    assert at.text[0].value == "None"
    assert at.get(kind)[0].placeholder == "your name"
    at.get(kind)[0].input("Ada").run()
    assert at.text[0].value == "'Ada'"
    assert at.session_state.widget("k").deserialize("") is None  # the browser box emptied


def test_a_non_string_value_is_shown_as_text_and_empty_stays_empty_string(run):
    at = run("st.text(repr(st.text_input('n', 42, key='k')))")
    assert at.text[0].value == "'42'"
    assert at.session_state.widget("k").deserialize("") == ""


def test_password_type_and_text_area_height_reach_the_element(run):
    at = run("st.text_input('Token', type='password')\nst.text_area('Notes', height=200)")
    assert at.text_input[0].type == "password"
    assert at.text_area[0].height == 200


def test_browser_text_longer_than_max_chars_is_cut_with_a_warning(run):
    at = run("st.text_input('Tag', max_chars=3, key='k')")
    with pytest.warns(RuntimeWarning, match=r"st.text_input\('Tag'\): value 'abcdef' from the browser was cut to max_chars=3"):
        assert at.session_state.widget("k").deserialize("abcdef") == "abc"
    with pytest.warns(RuntimeWarning, match="is not text; kept the default"):
        assert at.session_state.widget("k").deserialize(12) == ""


@pytest.mark.parametrize("call, message", [
    ("st.text_input('T', 'toolong', max_chars=3)",
     "st.text_input('T'): value has 7 characters, more than max_chars=3: shorten the value or raise max_chars."),
    ("st.text_input('T', max_chars=0)", "st.text_input('T'): max_chars must be a positive int or None, got 0."),
    ("st.text_input('T', type='secret')", "st.text_input('T'): type must be 'default' or 'password', got 'secret'."),
    ("st.text_input('T', placeholder=1)", "st.text_input('T'): placeholder must be a str or None, got 1 (int)."),
    ("st.text_area('A', height=20)", "st.text_area('A'): height must be None or an int of at least 68 (pixels), got 20."),
    ("st.text_input(42)", "st.text_input(): label must be str, got 42 (int)."),
    ("st.color_picker('C', 'red')", "st.color_picker('C'): value must be a hex color such as '#ff8800' or '#f80', got 'red'."),
])
def test_bad_arguments_raise_errors_naming_function_argument_and_value(call, message, run):
    assert run(call).exception[0].value == message


def test_color_picker_returns_hex_and_rejects_other_browser_values(run):
    at = run("st.text(st.color_picker('C', '#f80', key='c'))")
    assert at.text[0].value == "#f80"
    at.color_picker[0].set_value("#00ff00").run()
    assert at.text[0].value == "#00ff00"
    with pytest.warns(RuntimeWarning, match="is not a hex color; kept the default"):
        assert at.session_state.widget("c").deserialize("javascript:x") == "#f80"
