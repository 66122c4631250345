"""The decorators inside app runs (AppTest): hits across reruns, the spinner on a miss only."""
from __future__ import annotations

import textwrap

from nbapp.testing import AppTest

SPINNERS = """
from nbapp.runtime.context import get_run_context

def spinners_now():
    return [(n.props.get("text"), n.props.get("show_time")) for n in get_run_context().root.walk()
            if n.kind == "spinner"]

def record(name):
    texts = [text for text, _ in spinners_now()]
    st.session_state[name] = st.session_state[name] + [texts] if name in st.session_state else [texts]
"""


def script(*parts: str) -> str:
    return "\n".join(textwrap.dedent(part) for part in parts)


def test_cache_data_hits_across_reruns_and_recomputes_on_a_new_argument():
    at = AppTest.from_string("""
        import nbapp as st

        @st.cache_data
        def total(n):
            st.session_state["calls"] = st.session_state["calls"] + 1 if "calls" in st.session_state else 1
            return sum(range(n + 1))

        n = st.slider("n", 0, 10, 3)
        st.write(total(n))
    """).run()
    assert at.markdown[0].value == "`6`"
    assert at.session_state["calls"] == 1
    at.run()
    assert at.session_state["calls"] == 1  # a rerun defines the function again: still a hit
    at.slider[0].set_value(4).run()
    assert at.markdown[0].value == "`10`" and at.session_state["calls"] == 2
    at.slider[0].set_value(3).run()
    assert at.markdown[0].value == "`6`" and at.session_state["calls"] == 2


def test_cache_resource_object_survives_reruns():
    at = AppTest.from_string("""
        import nbapp as st

        @st.cache_resource
        def registry():
            return {"runs": 0}

        registry()["runs"] += 1
        st.write(registry()["runs"])
    """).run()
    assert at.markdown[0].value == "`1`"
    assert at.run().markdown[0].value == "`2`"


def test_spinner_is_shown_while_a_miss_computes_and_not_on_a_hit():
    at = AppTest.from_string(script("""
        import nbapp as st
    """, SPINNERS, """
        @st.cache_data(show_spinner="Loading data...")
        def load(n):
            record("load")
            return n

        @st.cache_data
        def default_text(n):
            record("default")
            return n

        @st.cache_data(show_spinner=False)
        def quiet(n):
            record("quiet")
            return n

        @st.cache_resource(show_spinner="Connecting...", show_time=True)
        def connect():
            record("connect")
            st.session_state["timed"] = spinners_now()
            return object()

        _ = load(1), default_text(1), quiet(1), connect()
        st.write("done")
    """)).run()
    assert at.markdown[0].value == "done"
    state = at.session_state
    assert state["load"] == [["Loading data..."]]
    assert state["default"] == [["Running `default_text(...)`."]]
    assert state["quiet"] == [[]]
    assert state["connect"] == [["Connecting..."]]
    assert state["timed"] == [("Connecting...", True)]
    assert not at.get("spinner")  # gone once computed
    at.run()
    assert state["load"] == [["Loading data..."]]  # a hit: no spinner, no call


def test_nested_cached_calls_show_both_spinners():
    at = AppTest.from_string(script("""
        import nbapp as st
    """, SPINNERS, """
        @st.cache_data(show_spinner="inner")
        def inner():
            record("inner")
            return 1

        @st.cache_data(show_spinner="outer")
        def outer():
            return inner() + 1

        st.write(outer())
    """)).run()
    assert at.markdown[0].value == "`2`"
    assert at.session_state["inner"] == [["outer", "inner"]]
