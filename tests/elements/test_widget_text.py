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


def test_text_area_takes_any_positive_height_and_draws_at_least_two_lines(run):
    # Streamlit's own e2e app st_text_area.py asks for height=65; 1.67 draws it 68 px high.
    from nbapp.render.widgets import WidgetRenderer
    from nbapp.runtime.runner import App

    script = "import nbapp as st\nst.text_area('Low', height=65)\nst.text_area('High', height=300)\nst.text_area('Fit', height='content')"
    at = run(script.split("\n", 1)[1])
    assert not at.exception and [t.height for t in at.text_area] == [65, 300, "content"]
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(App(script, filename="<draw>").run())
    heights, stack = [], [renderer.root]
    while stack:
        widget = stack.pop(0)
        if type(widget).__name__ == "Textarea":
            heights.append(widget.layout.height)
        stack[:0] = list(getattr(widget, "children", ()))
    assert heights == ["68px", "300px", None]


def test_browser_text_longer_than_max_chars_is_cut_with_a_warning(run):
    at = run("st.text_input('Tag', max_chars=3, key='k')")
    with pytest.warns(RuntimeWarning, match=r"st.text_input\('Tag'\): value 'abcdef' from the browser was cut to max_chars=3"):
        assert at.session_state.widget("k").deserialize("abcdef") == "abc"
    with pytest.warns(RuntimeWarning, match="is not text; kept the default"):
        assert at.session_state.widget("k").deserialize(12) == ""


def test_typed_boxes_bring_streamlits_defaults_which_arguments_replace_or_turn_off(run):
    at = run("""
st.text_input('Mail', type='email')
st.text_input('Site', type='url', placeholder='docs', icon='', validate='')
st.text_input('Find', type='search', autocomplete='on')
st.text_input('Call', type='phone', icon=':telephone_receiver:')
""")
    mail, site, find, call = at.text_input
    assert (mail.input_type, mail.placeholder, mail.icon, mail.autocomplete, mail.message) == (
        "email", "you@example.com", "nbapp:mail", "email", "Enter a valid email address.")
    assert (site.input_type, site.placeholder, site.icon, site.pattern) == ("url", "docs", None, None)
    assert (find.input_type, find.placeholder, find.icon, find.autocomplete) == ("search", "Search", "nbapp:search", "on")
    assert (call.input_type, call.icon, call.autocomplete, call.pattern) == ("tel", "📞", "tel", None)


def test_text_that_fails_validate_or_required_never_becomes_the_value(run):
    at = run("""
st.text(repr(st.text_input('Mail', 'a@b.co', type='email', key='m')))
st.text(repr(st.text_input('Code', validate=('^[0-9]{3}$', 'Three digits'), key='c')))
st.text(repr(st.text_input('Name', 'Ada', required=True, key='n')))
""")
    assert at.text_input[1].message == "Three digits"
    at.text_input[0].input("me@example.org")
    at.text_input[1].input("123").run()
    assert [t.value for t in at.text] == ["'me@example.org'", "'123'", "'Ada'"]
    # What the page refuses to send; a browser that skipped its check gets the default back.
    with pytest.warns(RuntimeWarning, match=r"does not match validate"):
        assert at.session_state.widget("m").deserialize("not-an-address") == "a@b.co"
    with pytest.warns(RuntimeWarning, match=r"is empty and the box is required"):
        assert at.session_state.widget("n").deserialize("  ") == "Ada"


@pytest.mark.parametrize("live, ms", [(False, None), (True, 250), ("0ms", 0), ("0.5s", 500), ("1m", 60_000)])
def test_live_is_a_pause_in_milliseconds(live, ms, run):
    assert run(f"st.text_input('Q', live={live!r})").text_input[0].live == ms


@pytest.mark.parametrize("call, message", [
    ("st.text_input('T', validate=3)",
     "st.text_input('T'): validate must be None, a regex string or a (regex, message) tuple of strings; got 3 (int)."),
    ("st.text_input('T', validate='(')", "st.text_input('T'): validate is not a regular expression"),
    ("st.text_input('T', live=300)", "st.text_input('T'): live must be True, False or a duration string such as "
                                     "'300ms' or '0.5s' (a number has no unit: live=300 is not milliseconds); got 300 (int)."),
    ("st.text_input('T', live='2h')", "st.text_input('T'): live must be a duration from '0ms' to '1m' such as '300ms'; "
                                      "got '2h' (str)."),
])
def test_bad_validate_or_live_is_named(call, message, run):
    assert run(call).exception[0].value.startswith(message)


@pytest.mark.parametrize("call, message", [
    ("st.text_input('T', 'toolong', max_chars=3)",
     "st.text_input('T'): value has 7 characters, more than max_chars=3: shorten the value or raise max_chars."),
    ("st.text_input('T', max_chars=0)", "st.text_input('T'): max_chars must be a positive int or None, got 0."),
    ("st.text_input('T', type='secret')", "st.text_input('T'): type must be one of 'default', 'password', 'email', 'url', 'phone', 'search'; "
     "got 'secret' (str)."),
    ("st.text_input('T', placeholder=1)", "st.text_input('T'): placeholder must be a str or None, got 1 (int)."),
    ("st.text_area('A', height=0)", 'st.text_area(\'A\'): height must be None, a positive int (pixels), "stretch" or '
     '"content", got 0.'),
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
