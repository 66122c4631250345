"""Status elements: alerts, exception, progress and spinner (live mid-run), toast, balloons, snow."""
from __future__ import annotations

import textwrap

import pytest

from nbapp.runtime.runner import App
from nbapp.tree import Element


@pytest.mark.parametrize("kind", ["success", "info", "warning", "error"])
def test_alerts_show_markdown_body_and_optional_icon(kind, run):
    at = run(f"st.{kind}('**Done**')\nst.{kind}('with icon', icon='🔥')\nst.{kind}('shortcode', icon=':rocket:')")
    plain, fire, rocket = at.get(kind)
    assert (plain.value, plain.icon) == ("**Done**", None)
    assert (fire.value, fire.icon) == ("with icon", "🔥")
    assert rocket.icon == "🚀"


def test_material_icons_are_accepted(run):
    assert run("st.success('ok', icon=':material/check:')").success[0].icon == ":material/check:"


def test_exception_shows_type_message_and_the_apps_own_frames(run):
    at = run("""
def divide(a, b):
    return a / b
try:
    divide(1, 0)
except ZeroDivisionError as err:
    st.exception(err)
st.write("still running")
""")
    shown = at.exception[0]
    assert (shown.type, shown.value) == ("ZeroDivisionError", "division by zero")
    trace = "".join(shown.traceback)
    assert "in divide" in trace and "return a / b" in trace
    assert "nbapp" not in trace
    assert at.markdown.values == ["still running"]


def test_progress_accepts_ints_and_fractions_and_moves_in_place(run):
    at = run("bar = st.progress(0.25, text='Loading')\nst.progress(40)\nbar.progress(1.0, text='Done')")
    assert [(p.value, p.text) for p in at.get("progress")] == [(100, "Done"), (40, None)]


def run_with_flushes(script: str):
    """Run ``script`` with a flush callback; return the final tree and what each flush showed."""
    seen: list[list[tuple[str, object]]] = []

    def flush(root):
        seen.append([(n.kind, next(n.props[k] for k in ("value", "text", "body") if k in n.props))
                     for n in root.walk() if isinstance(n, Element) and n.kind in ("progress", "spinner", "markdown")])

    app = App(textwrap.dedent(script), filename="<status-test>")
    return app.run(flush=flush), seen


def test_progress_is_flushed_live_as_it_changes_mid_run():
    tree, seen = run_with_flushes("""
        import nbapp as st
        bar = st.progress(0)
        for i in range(1, 4):
            bar.progress(i * 25)
        st.write("done")
    """)
    values = [v for shot in seen for kind, v in shot if kind == "progress"]
    distinct = [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
    assert distinct == [0, 25, 50, 75]


def test_spinner_shows_while_its_block_runs_then_disappears():
    tree, seen = run_with_flushes("""
        import nbapp as st
        with st.spinner("Crunching"):
            st.write("working")
        st.write("finished")
    """)
    with_spinner = [shot for shot in seen if ("spinner", "Crunching") in shot]
    assert with_spinner, seen
    assert all(("markdown", "finished") not in shot for shot in with_spinner)
    assert ("spinner", "Crunching") not in seen[-1]  # clearing it is flushed at once too
    final = [(n.kind, n.props.get("body")) for n in tree.walk() if isinstance(n, Element)]
    assert final == [("markdown", "working"), ("markdown", "finished")]


def test_spinner_defaults_and_errors(run, api_error):
    at = run("with st.spinner():\n    st.session_state.text = 'ran'")
    assert at.session_state.text == "ran"
    assert api_error("with st.spinner(3):\n    pass") == "st.spinner(): text must be a str, got 3 (int)."


def test_toast_balloons_and_snow(run):
    at = run("st.toast('Saved', icon='💾')\nst.toast('Long', duration='long')\nst.balloons()\nst.snow()")
    saved, long = at.toast
    assert (saved.value, saved.icon, saved.duration) == ("Saved", "💾", 4)
    assert long.duration == 10
    assert len(at.balloons) == 1 and len(at.snow) == 1


def test_a_toast_handle_updates_the_message_in_place(run):
    at = run("msg = st.toast('Gathering...')\nmsg.toast('Ready!', icon='🥞')")
    assert [(t.value, t.icon) for t in at.toast] == [("Ready!", "🥞")]


def test_repeated_celebrations_are_new_elements_each_time(run):
    at = run("st.balloons()")
    first = at.balloons[0].seq
    assert at.run().balloons[0].seq != first


@pytest.mark.parametrize("call, needle", [
    ("st.info('x', icon='fire')", "icon must be a single emoji (e.g. '🚨' or ':rotating_light:') or ':material/name:', got 'fire'"),
    ("st.success('x', icon='🔥🔥')", "got '🔥🔥'"),
    ("st.error('x', icon=3)", "got 3"),
    ("st.progress(101)", "an int value must be in 0..100, got 101"),
    ("st.progress(1.5)", "a float value must be in 0.0..1.0, got 1.5"),
    ("st.progress('half')", "value must be an int in 0..100 or a float in 0.0..1.0, got 'half'"),
    ("st.progress(True)", "got True"),
    ("st.progress(0.5, text=3)", "text must be a str or None, got 3"),
    ("st.toast('x', duration=0)", "duration must be 'short', 'long', 'infinite' or a positive number of seconds; got 0"),
    ("st.toast('x', icon='no')", "icon must be a single emoji"),
    ("st.exception('oops')", "exception must be an exception, got 'oops' (str)."),
])
def test_bad_arguments_name_the_function_argument_and_value(call, needle, rejects):
    rejects(call, needle)
