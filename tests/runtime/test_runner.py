"""The run loop: errors in the app, syntax errors, recovery, callbacks, stale runs, duplicate widgets."""
from __future__ import annotations

import textwrap

from nbapp.runtime.runner import App, tree_text
from nbapp.testing import AppTest
from nbapp.tree import Element


def elements(tree) -> list[tuple[str, str]]:
    """(kind, text) of every element in the tree, in order."""
    return [(n.kind, n.props.get("body", n.props.get("message", n.props.get("label"))))
            for n in tree.walk() if isinstance(n, Element)]


def test_an_app_exception_shows_after_the_earlier_output_and_widgets_stay_live():
    at = AppTest.from_string("""
        import nbapp as st
        x = st.slider("x", 0, 10, 5)
        st.write("x is", x)
        if x > 3:
            raise ValueError(f"x too big: {x}")
        st.write("fine")
    """).run()
    assert [c.kind for c in at.main.children] == ["slider", "markdown", "exception"]
    shown = at.exception[0]
    assert (shown.type, shown.value) == ("ValueError", "x too big: 5")
    at.slider[0].set_value(2).run()
    assert at.markdown.values == ["x is `2`", "fine"]
    assert len(at.exception) == 0


def test_exception_traceback_is_trimmed_to_the_users_frames():
    at = AppTest.from_string("""
        import nbapp as st
        def load(path):
            return open(path).read()
        load("/definitely/not/here.csv")
    """).run()
    shown = at.exception[0]
    assert shown.type == "FileNotFoundError"
    trace = "".join(shown.traceback)
    assert 'line 5, in <module>' in trace and 'line 4, in load' in trace
    assert "nbapp/runtime" not in trace and "runner.py" not in trace


def test_api_errors_point_at_the_users_call():
    at = AppTest.from_string("""
        import nbapp as st
        st.write("ok")
        st.progress(500)
    """).run()
    shown = at.exception[0]
    assert shown.type == "NbappAPIError"
    assert shown.value == "st.progress(): an int value must be in 0..100, got 500."
    assert shown.traceback[-1].startswith('  File "<apptest>", line 4, in <module>')
    assert "st.progress(500)" in shown.traceback[-1]
    assert at.markdown.values == ["ok"]


def test_a_syntax_error_is_shown_and_fixing_the_source_recovers():
    app = App("import nbapp as st\nst.write('a'\n", filename="<cell>")
    tree = app.run()
    (kind, message), = elements(tree)
    assert kind == "exception" and "was never closed" in message
    trace = "".join(tree.children[0].children[0].props["traceback"])
    assert "st.write('a'" in trace and "nbapp" not in trace
    app.set_source("import nbapp as st\nst.write('a')\n")
    assert elements(app.run()) == [("markdown", "a")]


def test_the_run_after_a_crash_recovers():
    at = AppTest.from_string("""
        import nbapp as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.session_state.runs == 1:
            1 / 0
        st.write("run", st.session_state.runs)
    """).run()
    assert at.exception[0].type == "ZeroDivisionError"
    at.run()
    assert (len(at.exception), at.markdown.values) == (0, ["run `2`"])


def test_an_exception_inside_a_column_still_shows_in_the_main_column():
    at = AppTest.from_string("""
        import nbapp as st
        left, right = st.columns(2)
        with left:
            st.write("in left")
            raise KeyError("k")
    """).run()
    assert at.columns[0].markdown.values == ["in left"]
    assert at.main.children[-1].kind == "exception"


def test_callbacks_run_before_the_script_with_their_arguments():
    at = AppTest.from_string("""
        import nbapp as st
        def changed(label):
            st.session_state.log = st.session_state.get("log", []) + [label + str(st.session_state.x)]
        st.slider("x", 0, 10, 1, key="x", on_change=changed, args=("x=",))
        st.write(str(st.session_state.get("log", [])))
    """).run()
    assert at.markdown.values == ["[]"]
    at.slider[0].set_value(6).run()
    assert at.markdown.values == ["['x=6']"]


def test_an_exception_in_a_callback_is_shown_like_any_other():
    at = AppTest.from_string("""
        import nbapp as st
        def boom():
            raise RuntimeError("callback failed")
        st.button("go", on_click=boom)
    """).run()
    at.button[0].click().run()
    assert (at.exception[0].type, at.exception[0].value) == ("RuntimeError", "callback failed")


def test_a_stale_run_stops_at_the_next_element_and_returns_none():
    app = App("import nbapp as st\nst.write('a')\nst.write('b')\n", filename="<stale>")
    assert app.run(interrupt=lambda: True) is None
    assert app.tree is None
    assert elements(app.run()) == [("markdown", "a"), ("markdown", "b")]


def test_duplicate_widgets_raise_an_error_suggesting_a_key():
    at = AppTest.from_string("""
        import nbapp as st
        st.slider("x", 0, 10)
        st.slider("x", 0, 10)
    """).run()
    shown = at.exception[0]
    assert shown.type == "DuplicateWidgetID"
    assert "multiple `st.slider` widgets with the same identity (label 'x')" in shown.value
    assert "key=" in shown.value


def test_tree_text_lists_kinds_and_props_for_debugging():
    tree = App("import nbapp as st\nst.title('T')", filename="<t>").run()
    text = tree_text(tree)
    assert text.splitlines()[0].startswith("app:")
    assert "title: {'body': 'T'" in text


def test_flush_sees_partial_output_of_a_long_run():
    shots: list[list[tuple[str, str]]] = []
    app = App(textwrap.dedent("""
        import time
        import nbapp as st
        st.write("first")
        time.sleep(0.06)  # longer than the flush interval
        st.write("second")
        st.write("third")
    """), filename="<flush>")
    app.run(flush=lambda tree: shots.append(elements(tree)))
    assert [("markdown", "first"), ("markdown", "second")] in shots


def test_st_rerun_in_a_callback_is_the_rerun_that_follows_and_later_callbacks_still_run():
    at = AppTest.from_string("""
        import nbapp as st
        def first():
            st.session_state.log = st.session_state.get("log", []) + ["first"]
            st.rerun()
        def second():
            st.session_state.log = st.session_state.get("log", []) + ["second"]
        st.slider("a", 0, 10, 1, on_change=first)
        st.slider("b", 0, 10, 1, on_change=second)
        st.write(str(st.session_state.get("log", [])))
    """).run()
    at.slider[0].set_value(2)
    at.slider[1].set_value(3)
    at.run(timeout=2)
    assert at.markdown.values == ["['first', 'second']"]
    assert at.warning.values == []  # Streamlit 1.67 counts it as the interaction's own rerun, silently
    assert at.runs == 2


def test_one_key_on_two_widgets_raises_duplicate_widget_id_whatever_their_kinds():
    at = AppTest.from_string("""
        import nbapp as st
        st.slider("a", 0, 10, 3, key="k")
        st.text_input("b", key="k")
    """).run()
    shown = at.exception[0]
    assert shown.type == "DuplicateWidgetID"
    assert "with key='k'" in shown.value and "unique `key=`" in shown.value
    assert at.slider[0].value == 3 and len(at.text_input) == 0


CLICK_APP = """
import nbapp as st
st.session_state.setdefault("n", 0)
if st.button("add"):
    st.session_state.n += 1
    st.write("added")
st.write("n", st.session_state.n)
"""


def _stale_from(call: int):
    """An interrupt that reports newer state from its ``call``-th check on (a change arriving mid-run)."""
    calls = []
    return lambda: calls.append(1) or len(calls) >= call


def _click(app: App, interrupt) -> None:
    key = next(k for k, m in app.session_state._widgets.items() if m.kind == "button")
    assert app.run({key: True}, interrupt=interrupt) is None


def test_a_click_whose_run_is_cut_short_after_the_button_counts_once():
    app = App(CLICK_APP, filename="<click>")
    app.run()
    _click(app, _stale_from(2))  # stops at st.write("added"): the branch already ran
    assert app.session_state.n == 1
    assert elements(app.run()) == [("button", "add"), ("markdown", "n `1`")]


def test_a_click_whose_run_is_cut_short_before_the_button_still_counts():
    app = App(CLICK_APP, filename="<click-early>")
    app.run()
    _click(app, _stale_from(1))  # stops at the button itself: the script never saw the click
    assert elements(app.run()) == [("button", "add"), ("markdown", "added"), ("markdown", "n `1`")]


def test_sys_exit_ends_the_run_like_st_stop_and_the_app_lives_on():
    at = AppTest.from_string("""
        import sys
        import nbapp as st
        x = st.slider("x", 0, 10, 0)
        st.write("x is", x)
        if x == 0:
            sys.exit()
        if x == 1:
            sys.exit("x must not be 1")
        st.write("past the exits")
    """).run()
    assert (at.markdown.values, len(at.exception)) == (["x is `0`"], 0)
    at.slider[0].set_value(1).run()
    assert (at.exception[0].type, at.exception[0].value) == ("SystemExit", "x must not be 1")
    at.slider[0].set_value(2).run()
    assert at.markdown.values == ["x is `2`", "past the exits"]
