"""st.status, st.badge, st.help, st.iframe, components.v1, st.skeleton: what AppTest reads, and bad input."""
from __future__ import annotations

from nbapp.render.embed import iframe_html


def test_status_updates_and_completes_when_its_block_ends(run):
    at = run("""
with st.status("Downloading", expanded=True) as s:
    st.write("Searching...")
    s.update(label="Downloaded")
st.status("Waiting")
""")
    done, waiting = at.status
    assert (done.label, done.state, done.expanded) == ("Downloaded", "complete", True)
    assert done.markdown[0].value == "Searching..."
    assert (waiting.label, waiting.state, waiting.expanded) == ("Waiting", "running", False)


def test_status_turns_error_when_its_block_raises(run):
    at = run("""
try:
    with st.status("Risky") as s:
        raise ValueError("boom")
except ValueError:
    pass
s.update(expanded=True)
""")
    assert (at.status[0].state, at.status[0].expanded) == ("error", True)


def test_status_rejects_a_bad_state(rejects):
    rejects("st.status('x', state='done')", "state must be one of 'running', 'complete', 'error'")


def test_badge_is_a_markdown_badge_as_in_streamlit(run):
    at = run("st.badge('New')\nst.badge('a[1]', icon='🔥', color='red')")
    assert at.markdown.values == [":blue-badge[New]", ":red-badge[🔥 a\\[1\\]]"]


def test_badge_rejects_an_unknown_color(rejects):
    rejects("st.badge('x', color='pink')", "color must be one of")


def test_help_describes_functions_classes_and_values(run):
    at = run("st.help(len)\nst.help(3)\nclass Point:\n    '''A point.'''\n    x = 1\nst.help(Point)")
    fn, value, cls = at.help
    assert (fn.value, fn.name, fn.type) == ("len", "len", "builtin_function_or_method")
    assert "Return the number of items" in fn.doc_string
    assert (value.value, value.type) == ("3", "int")
    assert cls.doc_string == "A point." and [m["name"] for m in cls.members] == ["x"]


def test_iframe_takes_a_url_a_file_or_html(run, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>from a file</p>")
    at = run(f"st.iframe('https://example.com', height=300)\nst.iframe({str(page)!r})\nst.iframe('<p>inline</p>')")
    assert [(f.src, f.srcdoc) for f in at.iframe] == [("https://example.com", None), (None, "<p>from a file</p>"),
                                                       (None, "<p>inline</p>")]


def test_components_html_is_a_sandboxed_srcdoc_frame(run):
    at = run("import streamlit.components.v1 as components\n"
             "components.html('<script>document.write(1)</script>', height=60)\n"
             "components.iframe('https://example.com', scrolling=True)")
    frame = at.iframe[0]
    assert frame.srcdoc == "<script>document.write(1)</script>" and frame.height == 60
    drawn = iframe_html(frame.props)
    assert 'sandbox="allow-scripts' in drawn and "allow-same-origin" not in drawn
    assert 'srcdoc="&lt;script&gt;document.write(1)&lt;/script&gt;"' in drawn and "height:60px" in drawn
    assert at.iframe[1].src == "https://example.com" and at.iframe[1].scrolling is True


def test_components_declare_component_says_it_is_not_supported(api_error):
    message = api_error("import streamlit.components.v1 as components\ncomponents.declare_component('x', url='u')")
    assert "not supported" in message and "'x'" in message


def test_skeleton_is_replaced_by_the_next_element_written_to_it(run):
    at = run("s = st.skeleton(height=100)")
    assert at.skeleton[0].height == 100
    at = run("s = st.skeleton()\ns.write('loaded')")
    assert len(at.skeleton) == 0 and at.markdown[0].value == "loaded"


def test_skeleton_rejects_a_bad_height(rejects):
    rejects("st.skeleton(height=-1)", "height must be a positive int")


def test_help_of_nbapp_itself_skips_a_member_whose_repr_raises(run, tmp_path, monkeypatch):
    # st.secrets' repr reads secrets.toml: with none, it raises; st.help(st) (or a bare `st` line) lives on.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # no secrets.toml anywhere nbapp looks
    at = run("st.help(st)")
    assert at.exception == [] and at.help[0].type == "module"
    names = [m["name"] for m in at.help[0].members]
    assert "slider" in names and "secrets" not in names
