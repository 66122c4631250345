"""@st.dialog: a modal whose body is a fragment, closed by st.rerun(); one dialog at a time."""
from __future__ import annotations

import pytest

import nbapp as st
from nbapp.errors import NbappAPIError

CONFIRM = """
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1

@st.dialog("Delete the file?", width="medium")
def confirm(name):
    st.write(f"Delete {name}?")
    why = st.text_input("Why")
    st.write(f"because {why or '...'}")
    if st.button("Delete"):
        st.session_state.deleted = name
        st.rerun()

if st.button("Delete data.csv"):
    confirm("data.csv")
st.write(f"deleted: {st.session_state.get('deleted', 'nothing')}")
"""


def test_calling_the_dialog_function_opens_a_modal_with_its_output(run):
    at = run(CONFIRM)
    assert len(at.dialog) == 0
    at.button[0].click().run()
    (dialog,) = at.dialog
    assert dialog.props["title"] == "Delete the file?" and dialog.props["width"] == "medium"
    assert dialog.markdown.values == ["Delete data.csv?", "because ..."]
    assert at.main.markdown.values == ["deleted: nothing"]


def test_dialog_widgets_rerun_only_the_dialog_and_st_rerun_closes_it(run):
    at = run(CONFIRM)
    at.button[0].click().run()
    at.dialog[0].text_input[0].input("old").run()
    assert at.dialog[0].markdown.values == ["Delete data.csv?", "because old"]
    assert at.session_state.app_runs == 2  # the dialog's input reran the dialog alone
    at.dialog[0].button[0].click().run()
    assert len(at.dialog) == 0
    assert at.markdown.values == ["deleted: data.csv"]


def test_dismiss_rerun_and_callable(run):
    at = run("""
st.session_state.setdefault("dismissed", 0)
def count():
    st.session_state.dismissed += 1
@st.dialog("Info", on_dismiss=count)
def info():
    st.write("hello")
info()
st.write(f"dismissed {st.session_state.dismissed}")
""")
    frame = at.dialog[0]
    assert frame.props["on_dismiss"] == "callable"
    key = frame.props["state_key"]
    at._set(key, True)  # what the X button sends
    at.run()
    assert at.markdown.values[0] == "dismissed 1"


def test_not_dismissible_and_ignore_send_nothing(run):
    at = run("""
@st.dialog("Locked", dismissible=False)
def locked():
    st.write("stay")
locked()
""")
    assert at.dialog[0].props["dismissible"] is False and "state_key" not in at.dialog[0].props


def test_a_dialog_inside_a_dialog_raises(run):
    at = run("""
@st.dialog("Inner")
def inner():
    st.write("inner")
@st.dialog("Outer")
def outer():
    inner()
outer()
""")
    (error,) = at.exception
    assert error.type == "NbappAPIError" and "'Inner'" in error.value and "nested" in error.value


def test_two_dialogs_in_one_run_raise(run):
    at = run("""
@st.dialog("One")
def one():
    st.write("1")
@st.dialog("Two")
def two():
    st.write("2")
one()
two()
""")
    assert "only one dialog" in at.exception[0].value and "'Two'" in at.exception[0].value


@pytest.mark.parametrize("call, needle", [
    (lambda: st.dialog(""), "non-empty title"),
    (lambda: st.dialog("T", width="huge"), "'huge'"),
    (lambda: st.dialog("T", on_dismiss="close"), "'close'"),
])
def test_bad_dialog_arguments(call, needle):
    with pytest.raises(NbappAPIError, match="st.dialog") as err:
        call()
    assert needle in str(err.value)


def test_a_fragment_opens_a_dialog_in_its_own_rerun(run):
    at = run("""
@st.dialog("From a fragment")
def info():
    st.write("dialog body")
@st.fragment
def part():
    if st.button("open"):
        info()
part()
""")
    at.button[0].click().run()  # a fragment-only rerun
    assert len(at.dialog) == 1 and at.dialog[0].markdown.values == ["dialog body"]
