"""Layout: sidebar, columns, tabs, expander, container, empty, form."""
from __future__ import annotations

import pytest

from nbapp.testing import AppTest


def test_sidebar_holds_its_own_elements_by_call_and_by_with(run):
    at = run("""
st.sidebar.title("Settings")
with st.sidebar:
    st.write("inside")
st.write("main")
""")
    assert at.sidebar.title.values == ["Settings"]
    assert at.sidebar.markdown.values == ["inside"]
    assert at.main.markdown.values == ["main"]


def test_columns_with_blocks_and_method_calls(run):
    at = run("""
left, right = st.columns(2)
left.write("a")
with right:
    st.write("b")
    st.metric("m", 1)
st.write("below")
""")
    assert len(at.columns) == 2
    assert at.columns[0].markdown.values == ["a"]
    assert at.columns[1].markdown.values == ["b"]
    assert len(at.columns[1].metric) == 1
    assert [c.kind for c in at.main.children] == ["horizontal", "markdown"]


def test_column_ratios_gap_alignment_and_border(run):
    at = run("cols = st.columns([3, 1], gap='large', vertical_alignment='center', border=True)")
    assert [c.props["weight"] for c in at.columns] == [0.75, 0.25]
    assert all(c.props["border"] for c in at.columns)
    row = at.main.children[0]
    assert (row.props["gap"], row.props["align"]) == ("4rem", "center")


def test_columns_defaults(run):
    at = run("st.columns(3)")
    row = at.main.children[0]
    assert (row.props["gap"], row.props["align"]) == ("1rem", "top")
    assert [c.props["border"] for c in at.columns] == [False] * 3


def test_tabs_return_one_container_per_label(run):
    at = run("""
one, two = st.tabs(["Train", "Evaluate"])
one.write("training")
with two:
    st.write("evaluation")
""")
    assert [t.label for t in at.tabs] == ["Train", "Evaluate"]
    assert at.tabs[0].markdown.values == ["training"]
    assert at.tabs[1].markdown.values == ["evaluation"]


def test_expander_label_state_and_icon(run):
    at = run("""
with st.expander("Details", icon=":mag:"):
    st.write("hidden")
st.expander("Open", expanded=True).write("shown")
""")
    first, second = at.get("expander")
    assert (first.label, first.props["expanded"], first.props["icon"]) == ("Details", False, "🔍")
    assert first.markdown.values == ["hidden"]
    assert (second.props["expanded"], second.props["icon"]) == (True, None)


def test_container_border_and_height(run):
    at = run("""
plain = st.container()
boxed = st.container(border=True)
scroll = st.container(height=300)
with scroll:
    st.write("scrolls")
plain.write("later, into the first container")
""")
    plain, boxed, scroll = at.get("container")
    assert (plain.props["border"], plain.props["height"]) == (False, None)
    assert boxed.props["border"] is True
    assert (scroll.props["border"], scroll.props["height"]) == (True, 300)
    assert plain.markdown.values == ["later, into the first container"]
    assert scroll.markdown.values == ["scrolls"]


def test_empty_is_overwritten_by_each_call(run):
    at = run("""
slot = st.empty()
st.write("after")
slot.text("one")
slot.text("two")
""")
    assert [c.kind for c in at.main.children] == ["text", "markdown"]  # the slot lists what it holds, as Streamlit
    assert at.text.values == ["two"]


def test_empty_dot_empty_clears_and_container_holds_several(run):
    at = run("""
cleared = st.empty()
cleared.write("gone")
cleared.empty()
group = st.empty()
with group.container():
    st.write("x")
    st.write("y")
""")
    assert at.markdown.values == ["x", "y"]
    assert len(at.main.children[0].markdown) == 0


def form_app(clear: bool) -> AppTest:
    return AppTest.from_string(f"""
import nbapp as st
with st.form("settings", clear_on_submit={clear}):
    n = st.slider("n", 0, 10, 2)
    submitted = st.form_submit_button("Apply")
st.write("n is", n, "submitted" if submitted else "waiting")
""").run()


def test_form_holds_values_until_submitted():
    at = form_app(clear=False)
    assert at.markdown.values == ["n is `2` waiting"]
    at.slider[0].set_value(7).run()
    assert at.markdown.values == ["n is `2` waiting"]
    at.get("form_submit_button")[0].click().run()
    assert at.markdown.values == ["n is `7` submitted"]
    at.run()
    assert at.markdown.values == ["n is `7` waiting"]


def test_form_clear_on_submit_resets_widgets_after_the_submitting_run():
    at = form_app(clear=True)
    at.slider[0].set_value(9).run()
    at.get("form_submit_button")[0].click().run()
    assert at.markdown.values == ["n is `9` submitted"]
    assert at.slider[0].value == 2
    at.run()
    assert at.markdown.values == ["n is `2` waiting"]


def test_form_errors(api_error):
    assert api_error("st.form_submit_button()").startswith("st.form_submit_button('Submit') must be inside an st.form()")
    assert api_error("with st.form('a'):\n    st.form('b')") == "st.form('b'): forms cannot be nested in other forms."


@pytest.mark.parametrize("call, needle", [
    ("st.columns(0)", "spec must be a positive int or a list of positive numbers, got 0"),
    ("st.columns([1, -1])", "got [1, -1]"),
    ("st.columns('2')", "got '2'"),
    ("st.columns(2, gap='huge')", "gap must be 'xxsmall', 'xsmall', 'small', 'medium', 'large', 'xlarge', 'xxlarge', a number of pixels or None; got 'huge'"),
    ("st.columns(2, vertical_alignment='middle')", "vertical_alignment must be 'top', 'center' or 'bottom'; got 'middle'"),
    ("st.tabs([])", "tabs must be a non-empty list of strings, got []"),
    ("st.tabs('abc')", "got 'abc'"),
    ("st.tabs(['a', 1])", "got ['a', 1]"),
    ("st.expander(3)", "label must be a string, got 3."),
    ("st.expander('x', icon='not an emoji')", "icon must be a single emoji"),
    ("st.container(height=0)", "height must be a positive int (pixels), got 0"),
    ("st.container(height='tall')", "got 'tall'"),
    ("st.container(height=True)", "got True"),
    ("st.form('')", "key must be a non-empty string"),
])
def test_bad_arguments_name_the_function_argument_and_value(call, needle, rejects):
    rejects(call, needle)


def test_two_forms_with_one_key_raise():
    at = AppTest.from_string("""
import nbapp as st
for _ in range(2):
    with st.form('f'):
        st.form_submit_button()
""").run()
    assert "there is already a form with this key" in at.exception[0].value


def test_a_container_used_as_a_widget_key_is_distinct_per_container_and_stable_across_reruns():
    # Streamlit's own tests do `st.slider(..., key=tab)`: keys are str() of the container.
    at = AppTest.from_string(
        "import nbapp as st\n"
        "for i, tab in enumerate(st.tabs(['A', 'B'])):\n"
        "    with tab:\n"
        "        st.slider(f'S{i}', 0, 10, 5, key=tab)\n"
    ).run()
    assert not at.exception
    at.slider[1].set_value(7).run()
    assert [s.value for s in at.slider] == [5, 7]
