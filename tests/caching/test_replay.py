"""Cached element replay: what a cached function drew is drawn again on a hit, as in Streamlit."""
from __future__ import annotations

from nbapp.testing import AppTest

LOADER = """
import nbapp as st
import numpy as np

@st.{decorator}
def load(n, _calls):
    _calls.append(n)
    st.write("loading", n)
    st.sidebar.info("loaded in the sidebar")
    with st.expander("Details"):
        st.text(f"{{n}} rows")
    return np.arange(n)

calls = st.session_state.setdefault("calls", [])
n = st.slider("n", 1, 10, 3)
left, right = st.columns(2)
with (left if n == 3 else right):
    data = load(n, calls)
st.write("sum", int(data.sum()))
"""


def drawn(at: AppTest) -> tuple:
    return ([m.value for m in at.markdown], [i.value for i in at.info], [t.value for t in at.text],
            [e.label for e in at.expander])


def test_a_cache_data_hit_draws_what_the_miss_drew():
    at = AppTest.from_string(LOADER.format(decorator="cache_data")).run()
    first = drawn(at)
    assert first == (["loading `3`", "sum `3`"], ["loaded in the sidebar"], ["3 rows"], ["Details"])
    at.run()
    assert at.session_state["calls"] == [3]  # the second run was a hit...
    assert drawn(at) == first  # ...and drew the same elements
    assert not at.exception


def test_a_hit_draws_where_the_function_is_called_now():
    at = AppTest.from_string(LOADER.format(decorator="cache_data")).run()
    at.slider[0].set_value(4).run()  # a miss in the right column
    at.slider[0].set_value(3).run()  # a hit, called in the left column again
    left, right = at.columns
    assert [m.value for m in left.markdown] == ["loading `3`"] and not right.markdown
    assert at.session_state["calls"] == [3, 4]


def test_cache_resource_replays_too():
    at = AppTest.from_string(LOADER.format(decorator="cache_resource")).run()
    at.run()
    assert at.session_state["calls"] == [3]
    assert drawn(at)[0] == ["loading `3`", "sum `3`"]


def test_the_spinner_of_a_miss_is_not_replayed():
    at = AppTest.from_string("""
        import nbapp as st

        @st.cache_data(show_spinner="Working")
        def compute(x):
            st.caption("computed")
            return x * 2

        st.write(compute(2))
    """).run()
    at.run()
    assert [c.value for c in at.caption] == ["computed"]
    assert not at.spinner and [m.value for m in at.markdown] == ["`4`"]


def test_replayed_elements_survive_a_kernel_restart(run_python):
    script = '''
        from nbapp.testing import AppTest
        at = AppTest.from_string("""
        import nbapp as st

        @st.cache_data
        def greet(name):
            print("computed")
            st.success(f"hello {name}")
            return len(name)

        st.write(greet("ada"))
        """).run()
        print([s.value for s in at.success], [m.value for m in at.markdown])
    '''
    assert run_python(script).stdout.splitlines() == ["computed", "['hello ada'] ['`3`']"]
    assert run_python(script).stdout.splitlines() == ["['hello ada'] ['`3`']"]  # a disk hit, drawn again


def test_a_widget_in_a_cached_function_shows_streamlits_warning_each_call():
    # Streamlit's own e2e app st_cache_resource.py: the warning shows on the miss and on every hit.
    at = AppTest.from_string("""
import streamlit as st

@st.cache_resource
def pick():
    st.write("cached")
    return st.selectbox("pick", ["a", "b"], index=1)

st.write(pick(), pick())
""").run()
    assert [e.type for e in at.exception] == ["CachedWidgetWarning", "CachedWidgetWarning"]
    assert at.exception[0].value.startswith("Your script uses a widget command in a cached function")
    assert "move all widget commands outside the cached function" in at.exception[0].value
    assert at.markdown.values == ["cached", "cached", "b b"] and len(at.selectbox) == 1
