"""pills, segmented_control, feedback, menu_button, pagination: values, state and bad input."""
from __future__ import annotations

import pytest


def test_pills_single_returns_the_option_and_unselects_to_none(run):
    at = run("v = st.pills('Mood', ['happy', 'meh', 'sad'], default='meh')\nst.write(repr(v))")
    assert at.pills[0].value == "meh" and at.pills[0].options == ["happy", "meh", "sad"]
    assert at.markdown[0].value == "'meh'"
    at.pills[0].set_value("sad").run()
    assert at.markdown[0].value == "'sad'"
    at.pills[0].set_value(None).run()
    assert at.markdown[0].value == "None"


def test_pills_multi_returns_a_list_and_select_adds(run):
    at = run("v = st.pills('Tags', [1, 2, 3], selection_mode='multi', default=[2], format_func=lambda o: f'#{o}')\n"
             "st.write(repr(v))")
    assert at.pills[0].options == ["#1", "#2", "#3"]
    at.pills[0].select(3).run()
    assert at.markdown[0].value == "[2, 3]"
    at.pills[0].unselect(2).run()
    assert at.pills[0].value == [3]


def test_segmented_control_and_pills_are_both_button_groups(run):
    at = run("st.pills('a', ['x'])\nst.segmented_control('b', ['y', 'z'], default='z', key='seg')")
    assert [w.kind for w in at.button_group] == ["pills", "segmented_control"]
    assert at.segmented_control[0].value == "z" and at.session_state.seg == "z"


def test_required_single_choice_cannot_be_cleared_from_the_browser(run):
    at = run("v = st.segmented_control('View', ['Table', 'Chart'], default='Table', required=True)\nst.write(v)")
    at.segmented_control[0].set_value(None).run()
    assert at.markdown[0].value == "Table"


def test_a_bad_index_from_the_browser_keeps_the_default_with_a_warning(run):
    at = run("v = st.pills('P', ['a', 'b'], default='a', key='p')\nst.write(v)")
    state = at._app.session_state
    with pytest.warns(RuntimeWarning, match="not a list of option indices"):
        changes = state.receive("p", [7])
    assert changes == {"p": "a"}


def test_feedback_values_follow_streamlit(run):
    at = run("t = st.feedback()\nf = st.feedback('faces', key='f')\ns = st.feedback('stars', default=2, key='s')\n"
             "st.write(repr((t, f, s)))")
    assert at.feedback.values == [None, None, 2]
    assert at.feedback[0].options == ["👍", "👎"] and at.feedback[0].props["values"] == [1, 0]
    at.feedback[0].set_value(0).run()
    at.feedback[1].set_value(4).run()
    assert at.markdown[0].value == "(0, 4, 2)"


def test_feedback_rejects_bad_arguments(rejects):
    rejects("st.feedback('hearts')", "options must be one of 'thumbs', 'faces', 'stars'")
    rejects("st.feedback('thumbs', default=3)", "default must be None or an int in 0..1")


def test_menu_button_returns_the_clicked_option_once(run):
    at = run("v = st.menu_button('Export', ['CSV', 'JSON'])\nst.write(repr(v))")
    assert at.menu_button[0].value is None and at.markdown[0].value == "None"
    at.menu_button[0].click("JSON").run()
    assert at.markdown[0].value == "'JSON'"
    at.run()
    assert at.markdown[0].value == "None"


def test_pagination_returns_the_page_and_clamps_bad_pages(run):
    at = run("p = st.pagination(10, default=2, key='p')\nst.write('page', p)")
    assert at.pagination[0].value == 2 and at.markdown[0].value == "page `2`"
    at.pagination[0].set_value(7).run()
    assert at.markdown[0].value == "page `7`"
    with pytest.warns(RuntimeWarning, match="not a page in 1..10"):
        at.pagination[0].set_value(11).run()
    assert at.markdown[0].value == "page `2`"


def test_pagination_rejects_bad_arguments(rejects):
    rejects("st.pagination(0)", "num_pages must be a positive int")
    rejects("st.pagination(3, default=4)", "default must be a page number in 1..3")


def test_form_submit_buttons_are_listed_with_the_buttons(run):
    at = run("with st.form('f'):\n    st.text_input('t')\n    st.form_submit_button('Go')\nst.button('b')")
    assert [b.label for b in at.button] == ["Go", "b"]
    assert len(at.form_submit_button) == 1


def test_on_change_ignore_stores_the_value_without_a_rerun(run):
    at = run("st.session_state.runs = st.session_state.get('runs', 0) + 1\n"
             "v = st.pills('P', ['a', 'b'], key='p', on_change='ignore')\n"
             "w = st.slider('s', 0, 9, 1, key='s', on_change='ignore')")
    state = at._app.session_state
    assert state.receive("p", [1]) is None and state.receive("s", 5) is None  # no rerun requested
    assert state["p"] == "b" and state["s"] == 5
    at.run()
    assert at.pills[0].value == "b" and at.slider[0].value == 5 and at.session_state.runs == 2
