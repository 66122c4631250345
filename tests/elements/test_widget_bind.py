"""bind="query-params": every bindable widget reads and writes the URL query parameter named by its key."""
from __future__ import annotations

import textwrap
from datetime import date, datetime, time

import pytest

from nbapp.testing import AppTest

PRELUDE = "from datetime import date, datetime, time\nimport nbapp as st\n"


def opened(script: str, query: str = "") -> AppTest:
    """The app as a page opened at ``?query`` shows it (the URL is there before the first run)."""
    at = AppTest.from_string(PRELUDE + textwrap.dedent(script))
    at.query_params.set_query_string(query)
    return at.run()


def url(at: AppTest) -> dict[str, list[str]]:
    return {k: at.query_params.get_all(k) for k in at.query_params}


# widget call, URL query, the value it seeds, the URL after a set_value, that value
CASES = [
    ('st.slider("x", 0, 10, 3, key="w", bind="query-params")', "w=5", 5, ["7"], 7),
    ('st.slider("x", 0.0, 1.0, 0.5, key="w", bind="query-params")', "w=0.25", 0.25, ["0.75"], 0.75),
    ('st.slider("x", 0, 10, (2, 4), key="w", bind="query-params")', "w=1&w=9", (1, 9), ["3", "6"], (3, 6)),
    ('st.slider("x", value=date(2024, 1, 15), key="w", bind="query-params")', "w=2024-01-20",
     date(2024, 1, 20), ["2024-01-10"], date(2024, 1, 10)),
    ('st.slider("x", value=time(8, 0), key="w", bind="query-params")', "w=09:30", time(9, 30),
     ["10:15"], time(10, 15)),
    ('st.select_slider("x", ["S", "M", "L"], value=("S", "M"), key="w", bind="query-params")', "w=M&w=L",
     ("M", "L"), ["S", "L"], ("S", "L")),
    ('st.select_slider("x", ["S", "M", "L"], key="w", bind="query-params")', "w=L", "L", ["M"], "M"),
    ('st.checkbox("x", key="w", bind="query-params")', "w=true", True, ["true"], True),
    ('st.toggle("x", True, key="w", bind="query-params")', "w=false", False, ["false"], False),
    ('st.text_input("x", "abc", key="w", bind="query-params")', "w=hello+world", "hello world", [""], ""),
    ('st.text_area("x", key="w", bind="query-params")', "w=line", "line", ["two words"], "two words"),
    ('st.number_input("x", 0, 100, 5, key="w", bind="query-params")', "w=42", 42, ["17"], 17),
    ('st.number_input("x", value=None, key="w", bind="query-params")', "w=2.5", 2.5, ["4"], 4.0),
    ('st.color_picker("x", key="w", bind="query-params")', "w=%23ff0000", "#ff0000", ["#00ff00"], "#00ff00"),
    ('st.radio("x", ["a", "b", "c"], key="w", bind="query-params")', "w=c", "c", ["b"], "b"),
    ('st.selectbox("x", [1, 2, 3], format_func=lambda v: f"opt{v}", key="w", bind="query-params")', "w=opt3",
     3, ["opt2"], 2),
    ('st.selectbox("x", ["a", "b"], index=None, key="w", bind="query-params")', "w=b", "b", ["a"], "a"),
    ('st.multiselect("x", ["a", "b", "c"], default=["b"], key="w", bind="query-params")', "w=a&w=c",
     ["a", "c"], [""], []),
    ('st.pills("x", ["a", "b", "c"], key="w", bind="query-params")', "w=b", "b", ["c"], "c"),
    ('st.pills("x", ["a", "b", "c"], selection_mode="multi", key="w", bind="query-params")', "w=a&w=b",
     ["a", "b"], ["c"], ["c"]),
    ('st.segmented_control("x", ["a", "b"], default="a", key="w", bind="query-params")', "w=b", "b", [""], None),
    ('st.date_input("x", date(2024, 1, 1), key="w", bind="query-params")', "w=2024-02-03", date(2024, 2, 3),
     ["2024-03-04"], date(2024, 3, 4)),
    ('st.date_input("x", (date(2024, 1, 1), date(2024, 1, 5)), key="w", bind="query-params")',
     "w=2024-01-02&w=2024-01-09", (date(2024, 1, 2), date(2024, 1, 9)), ["2024-01-03", "2024-01-04"],
     (date(2024, 1, 3), date(2024, 1, 4))),
    ('st.time_input("x", time(8, 0), key="w", bind="query-params")', "w=14:30", time(14, 30), ["09:45"],
     time(9, 45)),
    ('st.datetime_input("x", datetime(2024, 1, 1, 9, 0), key="w", bind="query-params")',
     "w=2024-01-05T10:15", datetime(2024, 1, 5, 10, 15), ["2024-01-06T11:30"], datetime(2024, 1, 6, 11, 30)),
    ('st.feedback("stars", key="w", bind="query-params")', "w=3", 3, ["1"], 1),
    ('st.pagination(5, key="w", bind="query-params")', "w=4", 4, ["2"], 2),
]


@pytest.mark.parametrize("call, query, seeded, after, value", CASES, ids=[c[0].split("(")[0] + "-" + c[1]
                                                                           for c in CASES])
def test_each_widget_is_seeded_from_the_url_and_writes_its_changes_back(call, query, seeded, after, value):
    at = opened(f"v = {call}\nst.session_state['seen'] = v\n", query)
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["seen"] == seeded
    assert at.session_state["w"] == seeded
    at.session_state["w"] = value  # as the user changing it (the URL follows the value however it changes)
    at.run()
    assert at.session_state["seen"] == value
    assert url(at).get("w") == after


def test_a_slider_moved_in_the_browser_updates_the_url_and_its_default_clears_it():
    at = opened('x = st.slider("x", 0, 10, 3, key="x", bind="query-params")\nst.write(x)', "x=5&other=1")
    assert at.slider[0].value == 5 and at.markdown[0].value == "`5`"
    at.slider[0].set_value(8).run()
    assert url(at) == {"x": ["8"], "other": ["1"]}
    at.slider[0].set_value(3).run()
    assert url(at) == {"other": ["1"]}  # back at the default: not kept in the URL


def test_multiselect_uses_repeated_params_and_drops_unknown_options():
    at = opened('st.multiselect("m", ["a", "b", "c"], key="m", bind="query-params")', "m=a&m=zzz&m=c&m=a")
    assert at.multiselect[0].value == ["a", "c"]
    assert url(at) == {"m": ["a", "c"]}  # corrected, as Streamlit corrects it
    at.multiselect[0].set_value(["c", "b"]).run()
    assert at.query_params.query_string() == "m=c&m=b"


@pytest.mark.parametrize("call, query", [
    ('st.slider("x", 0, 10, 3, key="w", bind="query-params")', "w=abc"),
    ('st.slider("x", 0, 10, 3, key="w", bind="query-params")', "w=50"),  # out of bounds: ignored, not clamped
    ('st.number_input("x", 0, 10, 3, key="w", bind="query-params")', "w=11"),
    ('st.checkbox("x", key="w", bind="query-params")', "w=yes"),
    ('st.checkbox("x", key="w", bind="query-params")', "w="),  # not clearable
    ('st.radio("x", ["a", "b"], key="w", bind="query-params")', "w=zz"),
    ('st.multiselect("x", ["a", "b"], key="w", bind="query-params")', "w=zz&w=yy"),
    ('st.date_input("x", date(2024, 1, 1), key="w", bind="query-params")', "w=not-a-date"),
    ('st.date_input("x", date(2024, 1, 1), min_value=date(2023, 1, 1), key="w", bind="query-params")',
     "w=1999-01-01"),
    ('st.slider("x", value=date(2024, 1, 15), key="w", bind="query-params")', "w=2099-01-01"),
    ('st.time_input("x", time(8, 0), key="w", bind="query-params")', "w=25:99"),
    ('st.feedback("thumbs", key="w", bind="query-params")', "w=7"),
    ('st.pagination(3, key="w", bind="query-params")', "w=9"),
    ('st.slider("x", 0, 10, 3, key="w", bind="query-params")', "w=3"),  # the default: not kept either
])
def test_an_invalid_url_value_is_ignored_and_removed(call, query):
    at = opened(f"v = {call}\nst.session_state['seen'] = v\n", query + "&keep=1")
    assert not at.exception
    default = opened(f"v = {call}\nst.session_state['seen'] = v\n").session_state["seen"]
    assert at.session_state["seen"] == default
    assert url(at) == {"keep": ["1"]}


def test_an_empty_param_empties_a_clearable_widget_only():
    at = opened('st.multiselect("m", ["a", "b"], default=["a"], key="m", bind="query-params")', "m=")
    assert at.multiselect[0].value == [] and url(at) == {"m": [""]}
    at = opened('st.text_input("q", "abc", key="q", bind="query-params")', "q=")
    assert at.text_input[0].value == "" and url(at) == {"q": [""]}
    at = opened('st.selectbox("s", ["a", "b"], key="s", bind="query-params")', "s=")  # index=0: not clearable
    assert at.selectbox[0].value == "a" and url(at) == {}
    at = opened('st.selectbox("s", ["a", "b"], index=0, key="s", bind="query-params")', "s=b")
    at.selectbox[0].set_value(None).run()  # emptied by the app: ?s= says so
    assert url(at) == {"s": [""]}


def test_url_texts_that_say_the_value_are_left_as_written():
    at = opened('st.checkbox("c", key="c", bind="query-params")\nst.number_input("n", 0.0, 9.0, key="n", '
                'bind="query-params")', "c=TRUE&n=5.0")
    assert at.checkbox[0].value is True and at.number_input[0].value == 5.0
    assert url(at) == {"c": ["TRUE"], "n": ["5.0"]}


def test_the_url_wins_over_session_state_on_the_first_draw_only():
    script = ('st.session_state.setdefault("x", 2)\n'
              'x = st.slider("x", 0, 10, 3, key="x", bind="query-params")\nst.write(x)')
    at = opened(script, "x=6")
    assert at.slider[0].value == 6
    at.session_state["x"] = 9  # the app (or a callback) sets it later: the URL follows
    at.run()
    assert at.slider[0].value == 9 and url(at) == {"x": ["9"]}


def test_a_callback_setting_the_state_updates_the_url():
    at = opened("""
        def bump():
            st.session_state.n += 1
        st.number_input("n", 0, 10, 0, key="n", bind="query-params")
        st.button("bump", on_click=bump)
    """)
    assert url(at) == {}
    at.button[0].click().run()
    assert url(at) == {"n": ["1"]}


def test_back_and_forward_put_the_urls_value_or_the_default():
    at = opened('x = st.slider("x", 0, 10, 3, key="x", bind="query-params")\nst.write(x)', "x=5")
    at.slider[0].set_value(7).run()
    at.query_params.set_query_string("x=2")  # the page went back to a URL with ?x=2
    at.run()
    assert at.slider[0].value == 2 and at.markdown[0].value == "`2`"
    at.query_params.set_query_string("")  # ...and to one without it: the default
    at.run()
    assert at.slider[0].value == 3
    at.query_params.set_query_string("x=oops")  # an invalid one: the default, and removed
    at.run()
    assert at.slider[0].value == 3 and url(at) == {}


def test_a_widget_no_longer_drawn_leaves_the_url_and_comes_back_with_its_value():
    at = opened("""
        show = st.checkbox("show", True)
        if show:
            st.slider("x", 0, 10, 3, key="x", bind="query-params")
    """, "x=6")
    assert url(at) == {"x": ["6"]}
    at.checkbox[0].uncheck().run()
    assert url(at) == {}
    assert at.session_state["x"] == 6  # the value is kept (the binding keeps it, as Streamlit)
    at.checkbox[0].check().run()
    assert at.slider[0].value == 6 and url(at) == {"x": ["6"]}


def test_query_params_cannot_set_or_delete_a_bound_key():
    for statement in ('st.query_params["x"] = "1"', 'del st.query_params["x"]', "st.query_params.clear()",
                      'st.query_params.update(x="1")', 'st.query_params.from_dict({"x": "1"})',
                      'st.query_params.x = "1"'):
        at = opened(f'st.slider("x", 0, 10, 3, key="x", bind="query-params")\n{statement}', "x=5")
        assert len(at.exception) == 1, statement
        message = at.exception[0].value
        assert "'x'" in message and ("it is bound to a widget" in message or "are bound to widgets" in message), \
            message
    at = opened('st.slider("x", 0, 10, 3, key="x", bind="query-params")\n'
                'st.query_params["y"] = "1"\nst.query_params.from_dict({"z": "2"})', "x=5")
    assert not at.exception
    assert url(at) == {"z": ["2"], "x": ["5"]}  # other keys are the app's: the bound one stays


def test_bind_needs_a_key_and_a_known_value(api_error):
    message = api_error('st.slider("x", bind="query-params")')
    assert message.startswith("st.slider('x'): The `key` parameter is required. When using bind='query-params'")
    message = api_error('st.checkbox("c", key="c", bind="url")')
    assert "bind must be 'query-params' or None" in message and "'url'" in message


def test_a_form_widget_writes_the_url_when_the_form_is_submitted():
    at = opened("""
        with st.form("f"):
            st.text_input("q", key="q", bind="query-params")
            st.form_submit_button("Go")
    """)
    at.text_input[0].input("cats")
    at.run()
    assert url(at) == {}
    at.button[0].click().run()
    assert url(at) == {"q": ["cats"]}


def test_the_drawn_widget_shows_the_urls_value_and_is_pushed_on_back_forward():
    at = opened('st.slider("x", 0, 10, 3, key="x", bind="query-params")', "x=5")
    assert at.slider[0].props["value"] == 5
    at.query_params.set_query_string("x=9")
    at.run()
    assert at.slider[0].props["value"] == 9
    assert at.slider[0].props.get("pushed")  # the browser's slider is moved to the URL's value


def test_on_change_ignore_writes_the_url_at_once_without_a_rerun():
    at = opened("""
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.slider("y", 0, 10, 3, key="y", bind="query-params", on_change="ignore")
    """)
    assert at.session_state.receive("y", 7) is None  # stored, no rerun asked
    assert url(at) == {"y": ["7"]} and at.session_state["runs"] == 1
    assert at.session_state.receive("y", 3) is None
    assert url(at) == {}


# Every widget Streamlit 1.67 gives bind= and persist_state= (read from its signatures).
BINDABLE = ["checkbox", "color_picker", "date_input", "datetime_input", "feedback", "multiselect", "number_input",
            "pagination", "pills", "radio", "segmented_control", "select_slider", "selectbox", "slider", "text_area",
            "text_input", "time_input", "toggle"]


@pytest.mark.parametrize("name", BINDABLE)
def test_every_bindable_widget_takes_bind_and_persist_state(name):
    import inspect

    import nbapp

    params = inspect.signature(getattr(nbapp, name)).parameters
    assert params["bind"].default is None and params["persist_state"].default is None
    assert params["bind"].kind is params["bind"].KEYWORD_ONLY


def test_an_int_widget_truncates_a_decimal_in_the_url_and_corrects_it():
    at = opened('st.slider("s", 0, 10, 3, key="s", bind="query-params")\n'
                'st.number_input("n", 0, 10, 3, key="n", bind="query-params")', "s=5.7&n=6.2")
    assert (at.slider[0].value, at.number_input[0].value) == (5, 6)
    assert url(at) == {"s": ["5"], "n": ["6"]}
