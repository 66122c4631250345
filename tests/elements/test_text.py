"""Text elements: what each call draws, its defaults, and the errors bad arguments raise."""
from __future__ import annotations

import pytest


def test_headings_show_their_text_with_derived_anchors(run):
    at = run("""
st.title("My App")
st.header("Data & Models", divider=True)
st.subheader("Loss curve", anchor="loss", divider="blue")
""")
    assert at.title[0].value == "My App"
    assert at.title[0].anchor == "my-app"
    assert at.header[0].value == "Data & Models"
    assert at.header[0].anchor == "data--models"
    assert at.header[0].divider is True
    assert (at.subheader[0].anchor, at.subheader[0].divider) == ("loss", "blue")


def test_heading_anchor_false_means_no_anchor_and_defaults_have_no_divider(run):
    at = run("st.header('Plain', anchor=False)")
    assert at.header[0].anchor is False
    assert at.header[0].divider is False
    assert at.header[0].help is None


@pytest.mark.parametrize("call, argument, value", [
    ("st.header('h', divider='pink')", "divider", "'pink'"),
    ("st.title('t', anchor=True)", "anchor", "True"),
    ("st.subheader('s', anchor=3)", "anchor", "3"),
    ("st.title('t', help=42)", "help", "42"),
    ("st.code('x', language=3)", "language", "3"),
])
def test_bad_arguments_name_function_argument_and_value(call, argument, value, rejects):
    rejects(call, f"{argument} must be", f"got {value}")


def test_markdown_body_is_dedented_and_stripped(run):
    at = run('''
st.markdown("""
    # Notes
    - one
    - two
""")
''')
    assert at.markdown[0].value == "# Notes\n- one\n- two"
    assert at.markdown[0].unsafe_allow_html is False


def test_non_string_bodies_are_shown_as_their_str(run):
    at = run("st.markdown(42)\nst.text(None)\nst.caption(3.5)")
    assert at.markdown.values == ["42"]
    assert at.text[0].value == "None"
    assert at.caption[0].value == "3.5"


def test_caption_and_markdown_keep_unsafe_allow_html_and_help(run):
    at = run("st.caption('<b>x</b>', unsafe_allow_html=True, help='tip')")
    assert at.caption[0].value == "<b>x</b>"
    assert at.caption[0].unsafe_allow_html is True
    assert at.caption[0].help == "tip"


def test_code_defaults_to_python_and_keeps_options(run):
    at = run("st.code('x = 1')\nst.code('SELECT 1', language='sql', line_numbers=True, wrap_lines=True)\n"
             "st.code('plain', language=None)")
    first, sql, plain = at.code
    assert (first.value, first.language, first.line_numbers, first.wrap_lines) == ("x = 1", "python", False, False)
    assert (sql.language, sql.line_numbers, sql.wrap_lines) == ("sql", True, True)
    assert plain.language is None


def test_latex_text_divider(run):
    at = run(r"st.latex(r'\sum_i x_i')" + "\nst.text('  a  b')\nst.divider()")
    assert at.latex[0].value == "$$\n\\sum_i x_i\n$$"  # the Markdown Streamlit's AppTest reports
    assert at.latex[0].body == r"\sum_i x_i"
    assert at.text[0].value == "a  b"
    assert at.divider.values == ["---"]


def test_html_accepts_strings_paths_and_objects_with_repr_html(tmp_path, run):
    page = tmp_path / "snippet.html"
    page.write_text("<p>from a file</p>", encoding="utf-8")
    (tmp_path / "look.css").write_text("p { color: red }", encoding="utf-8")
    at = run(f"""
from pathlib import Path
class Card:
    def _repr_html_(self):
        return "<div>card</div>"
st.html("<b>bold</b>")
st.html(Path({str(page)!r}))
st.html(Path({str(tmp_path / "look.css")!r}))
st.html(Card())
""")
    assert at.html.values == ["<b>bold</b>", "<p>from a file</p>", "<style>p { color: red }</style>", "<div>card</div>"]
    assert not at.warning


def test_html_shows_a_string_path_as_text_with_a_warning_as_streamlit_1_67(tmp_path, run):
    page = tmp_path / "snippet.html"
    page.write_text("<p>from a file</p>", encoding="utf-8")
    at = run(f"st.html({str(page)!r})\nst.html('')")
    assert at.warning.values == ["Passing a local file path as a string to `st.html` is no longer supported. "
                                 "To load a local file, pass a `pathlib.Path` object instead."]
    assert at.html.values == [str(page)]
    assert at.exception[0].value == "st.html(): body must not be empty: give the HTML to show."


def test_every_text_element_returns_a_handle_that_replaces_it(run):
    at = run("h = st.markdown('first')\nh.markdown('second')\nt = st.title('T')\nt.header('now a header')")
    assert at.markdown.values == ["second"]
    assert len(at.title) == 0
    assert at.header.values == ["now a header"]


def test_echo_shows_the_block_code_above_then_runs_it(run):
    at = run("""
with st.echo():
    x = 6 * 7
    st.write(x)
st.write("after")
""")
    kinds = [c.kind for c in at.main.children]
    assert kinds == ["code", "markdown", "markdown"]
    assert at.code[0].value == "x = 6 * 7\nst.write(x)"
    assert at.markdown.values == ["`42`", "after"]


def test_echo_below_shows_the_code_after_the_output(run):
    at = run("""
with st.echo(code_location="below"):
    st.write("out")
""")
    assert [c.kind for c in at.main.children] == ["markdown", "code"]
    assert at.code[0].value == 'st.write("out")'


def test_echo_rejects_unknown_location(api_error):
    assert api_error("with st.echo('left'):\n    pass") == \
        'st.echo(): code_location must be "above" or "below"; got \'left\'.'
