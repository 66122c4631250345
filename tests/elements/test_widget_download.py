"""download_button (True the run after a click) and link_button."""
from __future__ import annotations

import pytest


def test_download_button_is_true_only_on_the_run_after_a_click_and_calls_on_click_first(run):
    at = run("""
def clicked(n):
    st.session_state.clicks = st.session_state.get('clicks', 0) + n
done = st.download_button('Get', 'a,b', 'x.csv', on_click=clicked, args=(1,))
st.text(f"{done} {st.session_state.get('clicks', 0)}")
""")
    assert at.text[0].value == "False 0"
    at.download_button[0].click().run()
    assert at.text[0].value == "True 1"
    at.run()
    assert at.text[0].value == "False 1"


@pytest.mark.parametrize("data, payload, mime", [
    ("'héllo'", "héllo".encode(), "text/plain"),
    ("b'\\x00\\x01'", b"\x00\x01", "application/octet-stream"),
    ("bytearray(b'ab')", b"ab", "application/octet-stream"),
    ("io.StringIO('text')", b"text", "text/plain"),
    ("io.BytesIO(b'bin')", b"bin", "application/octet-stream"),
])
def test_data_may_be_str_bytes_or_a_file_and_sets_the_default_mime(data, payload, mime, run):
    element = run(f"st.download_button('Get', {data})").download_button[0]
    assert (element.data, element.mime, element.file_name) == (payload, mime, None)


def test_an_open_file_is_read_from_its_start(tmp_path, run):
    path = tmp_path / "w.bin"
    path.write_bytes(b"weights")
    at = run(f"f = open({str(path)!r}, 'rb')\nf.read(3)\nst.download_button('Get', f, 'w.bin', 'application/x-bin')\nf.close()")
    assert (at.download_button[0].data, at.download_button[0].mime) == (b"weights", "application/x-bin")


def test_a_file_opened_from_disk_names_the_download_and_its_type(tmp_path, run):
    path = tmp_path / "scores.csv"
    path.write_text("a,b\n1,2\n")
    element = run(f"st.download_button('Get', open({str(path)!r}, 'rb'))").download_button[0]
    assert (element.file_name, element.mime, element.data) == ("scores.csv", "text/csv", b"a,b\n1,2\n")
    named = run(f"st.download_button('Get', open({str(path)!r}), 'mine.txt', 'text/x-mine')").download_button[0]
    assert (named.file_name, named.mime) == ("mine.txt", "text/x-mine")


def test_callable_data_is_not_called_by_the_run_and_makes_the_bytes_on_demand(run):
    at = run("""
calls = st.session_state.setdefault('calls', [])
def make():
    calls.append(1)
    return 'x' * 3
st.download_button('Get', make, 'x.txt')
st.text(f"calls {len(calls)}")
""")
    assert at.exception == [] and at.text[0].value == "calls 0"
    assert at.download_button[0].data() == (b"xxx", "text/plain")  # what a click in the browser gets


def test_new_data_keeps_the_click_and_ignore_means_no_notification(run):
    at = run("import random\nst.text(str(st.download_button('Get', str(random.random()))))\n"
             "st.download_button('Quiet', 'x', on_click='ignore')")
    at.download_button[0].click().run()
    assert at.text[0].value == "True"  # the data changed between runs, the click still counts
    assert at.download_button[0].notify is True and at.download_button[1].notify is False


@pytest.mark.parametrize("call, message", [
    ("st.download_button('Get', {'a': 1})",
     "st.download_button('Get'): data must be a str, bytes, a file-like object or a callable returning one, "
     "got dict. "
     "Convert it first, e.g. df.to_csv(index=False) for a DataFrame."),
    ("st.download_button('Get', 'x', on_click='later')",
     "st.download_button('Get'): on_click must be 'rerun', 'ignore' or a callable, got 'later'."),
    ("st.download_button('Get', 'x', type='loud')",
     "st.download_button(): type must be one of 'primary', 'secondary', 'tertiary'; got 'loud'."),
    ("with st.form('f'):\n    st.download_button('Get', 'x')",
     "st.download_button('Get') can't be used in an st.form(); put it after the form."),
    ("st.link_button('Docs', None)", "st.link_button(): url must be a str, got None."),
])
def test_bad_arguments_raise_errors_naming_function_argument_and_value(call, message, run):
    assert run(call).exception[0].value == message


def test_link_button_is_an_element_with_its_url_and_style(run):
    at = run("st.link_button('Docs', 'https://docs.example.org', type='primary', help='Opens a tab', disabled=True)")
    link = at.link_button[0]
    assert (link.label, link.url, link.type, link.help, link.disabled) == (
        "Docs", "https://docs.example.org", "primary", "Opens a tab", True)
