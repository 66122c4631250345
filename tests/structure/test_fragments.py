"""@st.fragment: a widget inside a fragment reruns only the fragment; st.rerun(scope=...)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from nbapp.fragments import _seconds
from nbapp.errors import NbappAPIError

COUNTERS = """
st.session_state.setdefault("app_runs", 0)
st.session_state.setdefault("fragment_runs", 0)
st.session_state.app_runs += 1

@st.fragment
def part():
    st.session_state.fragment_runs += 1
    n = st.slider("n", 0, 10, 1)
    st.write(f"fragment: n={n} runs={st.session_state.fragment_runs}")
    if st.button("rerun fragment"):
        st.rerun(scope="fragment")
    if st.button("rerun app"):
        st.rerun()

part()
outside = st.number_input("outside", value=0)
st.write(f"app: runs={st.session_state.app_runs} outside={outside}")
"""


def test_a_widget_inside_a_fragment_reruns_only_the_fragment(run):
    at = run(COUNTERS)
    assert at.markdown.values == ["fragment: n=1 runs=1", "app: runs=1 outside=0"]
    at.slider[0].set_value(7).run()
    # the fragment redrew; the counter and the text outside it did not move
    assert at.markdown.values == ["fragment: n=7 runs=2", "app: runs=1 outside=0"]
    assert at.session_state.app_runs == 1


def test_a_widget_outside_reruns_the_app_and_its_fragments(run):
    at = run(COUNTERS)
    at.slider[0].set_value(4).run()
    at.number_input[0].set_value(3).run()
    assert at.markdown.values == ["fragment: n=4 runs=3", "app: runs=2 outside=3"]


def test_rerun_scope_fragment_and_app(run):
    at = run(COUNTERS)
    at.button[0].click().run()  # fragment run, then st.rerun(scope="fragment"): the fragment again
    assert at.session_state.fragment_runs == 3 and at.session_state.app_runs == 1
    at.button[1].click().run()  # st.rerun() from inside the fragment: the whole app
    assert at.session_state.app_runs == 2
    assert at.markdown.values[-1] == "app: runs=2 outside=0"


def test_fragment_returns_its_value_and_takes_arguments(run):
    at = run("""
@st.fragment()
def double(x):
    st.write(f"x={x}")
    return 2 * x
st.write(f"got {double(21)}")
""")
    assert at.markdown.values == ["x=21", "got 42"]
    assert at.get("fragment")[0].markdown.values == ["x=21"]


def test_two_calls_of_one_fragment_are_separate_fragments(run):
    at = run("""
@st.fragment
def counter(name):
    st.write(f"{name}: {st.number_input(name, value=0)}")
counter("a")
counter("b")
""")
    at.number_input[1].set_value(5).run()
    assert at.markdown.values == ["a: 0", "b: 5"]
    assert len({f.props.get("run_every") for f in at.get("fragment")}) == 1
    ids = {id(f._node) for f in at.get("fragment")}
    assert len(ids) == 2


def test_nested_fragment_reruns_alone(run):
    at = run("""
st.session_state.setdefault("outer", 0)
@st.fragment
def inner():
    st.write(f"inner {st.slider('i', 0, 5, 0)}")
@st.fragment
def outer():
    st.session_state.outer += 1
    st.write(f"outer ran {st.session_state.outer}")
    inner()
outer()
""")
    at.slider[0].set_value(3).run()
    assert at.markdown.values == ["outer ran 1", "inner 3"]


def test_widget_in_an_outside_container_raises(shown_error):
    message = shown_error("""
box = st.container()
@st.fragment
def part():
    box.button("outside")
part()
""")
    assert "st.button('outside')" in message and "outside containers" in message


def test_sidebar_inside_a_fragment_raises_and_with_sidebar_works(run, shown_error):
    assert "with st.sidebar" in shown_error("""
@st.fragment
def part():
    st.sidebar.write("x")
part()
""")
    at = run("""
@st.fragment
def part():
    st.write("in the sidebar")
    st.checkbox("c")
with st.sidebar:
    part()
""")
    assert at.sidebar.markdown.values == ["in the sidebar"]
    at.checkbox[0].check().run()
    assert at.sidebar.checkbox[0].value is True


def test_rerun_scope_fragment_in_a_full_run_raises(shown_error):
    message = shown_error("""
@st.fragment
def part():
    st.rerun(scope="fragment")
part()
""")
    assert 'scope="fragment"' in message and "st.rerun()" in message


def test_rerun_bad_scope_raises(shown_error):
    assert "a fragment key can only be passed from a widget callback" in shown_error("st.rerun(scope='page')")
    assert "a fragment key or a list of fragment keys, got []" in shown_error("st.rerun([])")


def test_an_error_in_a_fragment_rerun_shows_inside_it_and_the_rest_stays(run):
    at = run("""
@st.fragment
def part():
    x = st.number_input("x", value=1)
    st.write(f"1/x = {1 / x}")
part()
st.write("after")
""")
    at.number_input[0].set_value(0).run()
    assert at.get("fragment")[0].exception[0].type == "ZeroDivisionError"
    assert at.markdown.values == ["after"]


def test_run_every_is_parsed_and_recorded(run):
    at = run("""
from datetime import timedelta
@st.fragment(run_every=timedelta(seconds=2))
def a(): st.write("a")
@st.fragment(run_every="1m30s")
def b(): st.write("b")
@st.fragment(run_every=0.5)
def c(): st.write("c")
a(); b(); c()
""")
    assert [f.props["run_every"] for f in at.get("fragment")] == [2.0, 90.0, 0.5]


@pytest.mark.parametrize("value", [0, -1, "soon", True, [1]])
def test_bad_run_every_raises_naming_the_value(value):
    with pytest.raises(NbappAPIError, match="run_every") as err:
        _seconds(value)
    assert repr(value) in str(err.value)


def test_durations():
    assert _seconds("500ms") == 0.5
    assert _seconds("1h 2m 3s") == 3723
    assert _seconds("1.5 days") == 129600
    assert _seconds(timedelta(minutes=1)) == 60


def test_fragment_outside_a_run_does_nothing():
    import nbapp as st

    @st.fragment
    def part():
        raise AssertionError("must not run")

    assert part() is None


KEYED = """
st.session_state.setdefault("runs", {"app": 0, "charts": 0, "table": 0})
runs = st.session_state.runs
runs["app"] += 1
@st.fragment(key="charts")
def charts():
    runs["charts"] += 1
    st.write(f"charts {runs['charts']}")
@st.fragment(key=7)
def table():
    runs["table"] += 1
    st.write(f"table {runs['table']}")
charts()
table()
st.button("refresh charts", on_click=lambda: st.rerun("charts"))
st.button("refresh both", on_click=lambda: st.rerun(["charts", 7]))
st.checkbox("plain", on_change=lambda: None)
st.write(f"app {runs['app']}")
"""


def test_rerun_with_a_fragment_key_from_a_callback_reruns_only_that_fragment(run):
    at = run(KEYED)
    runs = at.runs
    at.button[0].click().run()
    assert at.markdown.values == ["charts 2", "table 1", "app 1"]  # the app's own rerun was replaced
    assert at.runs == runs + 1  # one run started: the fragment's
    at.button[1].click().run()
    assert at.markdown.values == ["charts 3", "table 2", "app 1"]  # int keys are str()-ed, as in Streamlit


def test_a_sibling_callback_that_returns_escalates_to_the_whole_app(run):
    at = run(KEYED)
    at.button[0].click()
    at.checkbox[0].check()
    at.run()
    assert at.markdown.values == ["charts 2", "table 2", "app 2"]


def test_rerun_with_an_unknown_key_in_a_callback_is_shown(run):
    at = run(KEYED.replace('st.rerun("charts")', 'st.rerun("nope")'))
    at.button[0].click().run()
    (error,) = at.exception
    assert "no fragment has key='nope'" in error.value and "@st.fragment(key='nope')" in error.value


def test_rerun_scope_fragment_in_a_fragment_widgets_callback_reruns_that_fragment(run):
    at = run("""
st.session_state.setdefault("n", 0)
st.session_state.n += 1
@st.fragment
def part():
    st.button("again", on_click=lambda: st.rerun(scope="fragment"))
    st.write(f"part {st.session_state.n}")
part()
st.write(f"app {st.session_state.n}")
""")
    at.button[0].click().run()
    assert at.markdown.values == ["part 1", "app 1"]
    assert at.exception == []


def test_st_rerun_in_a_callback_asks_for_the_rerun_that_follows_anyway(run):
    at = run("""
st.session_state.setdefault("n", 0)
st.session_state.n += 1
st.button("go", on_click=st.rerun)
st.write(f"runs {st.session_state.n}")
""")
    at.button[0].click().run()
    assert at.markdown.values == ["runs 2"] and at.warning == []  # one rerun, no warning (Streamlit 1.67)


def test_elements_a_fragment_writes_to_an_outside_container_accumulate_until_the_app_reruns(run):
    at = run("""
log = st.container()
@st.fragment
def part():
    n = st.number_input("n", value=0)
    log.write(f"logged {n}")
part()
""")
    at.number_input[0].set_value(1).run()
    at.number_input[0].set_value(2).run()
    assert at.get("container")[0].markdown.values == ["logged 0", "logged 1", "logged 2"]
    at.run()  # a full rerun starts the log again
    assert at.get("container")[0].markdown.values == ["logged 2"]


def test_an_error_in_a_fragment_shows_inside_it_and_stops_the_run(run):
    at = run("""
st.write("before")
@st.fragment
def part():
    st.write("in part")
    raise ValueError("broken part")
part()
st.write("after")
""")
    (fragment,) = at.get("fragment")
    assert fragment.exception[0].value == "broken part"
    assert at.markdown.values == ["before", "in part"]  # the run stopped at the fragment, as in Streamlit
