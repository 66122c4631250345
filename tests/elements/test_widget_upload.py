"""file_uploader and UploadedFile."""
from __future__ import annotations

import pytest

from nbapp.elements.widgets.upload import UploadedFile, uploaded_file
from nbapp.testing import AppTest

SCRIPT = """
import nbapp as st
f = st.file_uploader("Data", type=["csv", "jpg"], accept_multiple_files={multiple}, key="f")
files = f if isinstance(f, list) else [] if f is None else [f]
st.text(repr([(x.name, x.type, x.size, x.read()) for x in files]) if files else repr(f))
"""


def app(multiple: bool = False) -> AppTest:
    return AppTest.from_string(SCRIPT.format(multiple=multiple)).run()


def browser_file(name: str, content: bytes, type: str = "") -> dict:
    """One item of ipywidgets FileUpload's value, as the browser sends it."""
    return {"name": name, "type": type, "size": len(content), "content": memoryview(content), "last_modified": 0}


def test_nothing_uploaded_is_none_or_an_empty_list():
    assert app().text[0].value == "None"
    assert app(multiple=True).text[0].value == "[]"
    assert app(multiple="'directory'").text[0].value == "[]"  # a folder's files: a list, as with True


def test_an_uploaded_file_is_a_file_like_object_with_name_type_and_size():
    at = app()
    at.file_uploader[0].set_value(uploaded_file("train.csv", b"a,b\n1,2\n")).run()
    assert at.text[0].value == repr([("train.csv", "text/csv", 8, b"a,b\n1,2\n")])


def test_browser_files_become_uploaded_files_and_other_types_are_ignored_with_a_warning():
    at = app(multiple=True)
    meta = at.session_state.widget("f")
    with pytest.warns(RuntimeWarning, match=r"st.file_uploader\('Data'\): value 'notes.txt' from the browser is not one "
                                            r"of .csv, .jpg, .jpeg; ignored it"):
        files = meta.deserialize([browser_file("a.CSV", b"x"), browser_file("notes.txt", b"y"),
                                  browser_file("cat.jpeg", b"\xff\xd8", "image/jpeg")])
    assert [(f.name, f.type, f.getvalue()) for f in files] == [("a.CSV", "text/csv", b"x"), ("cat.jpeg", "image/jpeg", b"\xff\xd8")]
    at.file_uploader[0].set_value(files).run()
    assert at.text[0].value == repr([("a.CSV", "text/csv", 1, b"x"), ("cat.jpeg", "image/jpeg", 2, b"\xff\xd8")])


def test_a_single_file_widget_keeps_the_last_of_several_and_rejects_malformed_values():
    meta = app().session_state.widget("f")
    with pytest.warns(RuntimeWarning, match="has several files but the widget takes one; kept the last"):
        assert meta.deserialize([browser_file("a.csv", b"1"), browser_file("b.csv", b"2")]).name == "b.csv"
    assert meta.deserialize(()) is None
    with pytest.warns(RuntimeWarning, match="is not a list of uploaded files; kept the default"):
        assert meta.deserialize(b"raw") is None
    with pytest.warns(RuntimeWarning, match="is not an uploaded file; ignored it"):
        assert meta.deserialize([{"name": "a.csv"}]) is None


def test_the_same_name_and_content_is_the_same_file():
    one, two = uploaded_file("a.csv", b"1"), uploaded_file("a.csv", b"1")
    assert isinstance(one, UploadedFile) and one == two and hash(one) == hash(two)
    assert one != uploaded_file("a.csv", b"2")


@pytest.mark.parametrize("call, message", [
    ("st.file_uploader('F', type=3)", "st.file_uploader('F'): type must be a file extension such as 'csv', a list of them, or None; got 3."),
    ("st.file_uploader('F', type=[])", "st.file_uploader('F'): type must be a file extension such as 'csv', a list of them, or None; got []."),
    ("st.file_uploader('F', accept_multiple_files='yes')",
     "st.file_uploader('F'): accept_multiple_files must be True or False, got 'yes' (str)."),
    ("st.session_state.f = b'data'\nst.file_uploader('F', key='f')",
     "st.file_uploader('F'): its value cannot be set with st.session_state (only the user can upload files); got b'data'."),
])
def test_bad_arguments_raise_errors_naming_function_argument_and_value(call, message, run):
    assert run(call).exception[0].value == message


def test_on_change_runs_once_per_new_upload_and_a_form_holds_the_file_until_submit(run):
    at = run("""
def seen():
    st.session_state.calls = st.session_state.get('calls', 0) + 1
with st.form('f'):
    f = st.file_uploader('Data', on_change=seen)
    st.form_submit_button('Go')
st.text(f"{f.name if f else None} {st.session_state.get('calls', 0)}")
""")
    at.file_uploader[0].set_value(uploaded_file("a.csv", b"1")).run()
    assert at.text[0].value == "None 0"
    at.form_submit_button[0].click().run()
    assert at.text[0].value == "a.csv 1"
    at.file_uploader[0].set_value(uploaded_file("a.csv", b"1"))
    at.form_submit_button[0].click().run()
    assert at.text[0].value == "a.csv 1"  # the same file again is no change


def test_two_identical_uploaders_without_key_are_a_duplicate_widget_id(run):
    at = run("st.file_uploader('Data')\nst.file_uploader('Data')")
    assert at.exception[0].type == "DuplicateWidgetID" and "'Data'" in at.exception[0].value


def test_each_run_gets_a_fresh_file_positioned_at_the_start():
    at = app()
    at.file_uploader[0].set_value(uploaded_file("a.csv", b"x,y\n1,2\n")).run()
    first = at.text[0].value
    assert "b'x,y\\n1,2\\n'" in first
    assert at.run().text[0].value == first  # the previous run read it to the end


def test_a_file_over_max_upload_size_is_refused_with_a_warning(run):
    import pytest
    at = run("f = st.file_uploader('Data', max_upload_size=1, key='f')\nst.write(repr(f and f.name))")
    state = at._app.session_state
    with pytest.warns(RuntimeWarning, match="larger than max_upload_size=1 MB"):
        assert state.receive("f", [{"name": "big.bin", "content": b"x" * (1024 * 1024 + 1)}]) == {"f": None}
    assert state.receive("f", [{"name": "ok.bin", "content": b"x" * 1024}])["f"].name == "ok.bin"
