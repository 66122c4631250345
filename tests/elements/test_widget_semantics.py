"""What every input widget shares, checked for each: value, session_state, identity, callbacks, forms."""
from __future__ import annotations

from datetime import date, time

import pytest

from nbapp.testing import AppTest

HEADER = "import datetime\nimport nbapp as st\nfrom datetime import date, time\n"
KEY = ', key="k"'
CALLBACK = ", on_change=seen, args=(1,), kwargs={'x': 2}"


class Spec:
    """One widget: its call (``{label}`` and ``{kw}`` are filled in), the element kind AppTest lists it
    under, its default, a value a user could choose, and a call with other value bounds (or None)."""

    def __init__(self, call, kind, default, new, rebound=None, name=None):
        self.call, self.kind, self.default, self.new, self.rebound = call, kind, default, new, rebound
        self.name = name or kind

    def __repr__(self):
        return self.name


SPECS = [
    Spec("st.checkbox({label!r}{kw})", "checkbox", False, True),
    Spec("st.toggle({label!r}{kw})", "toggle", False, True),
    Spec("st.radio({label!r}, ['a', 'b', 'c']{kw})", "radio", "a", "c", "st.radio({label!r}, ['a', 'c']{kw})"),
    Spec("st.selectbox({label!r}, [10, 20, 30]{kw})", "selectbox", 10, 30, "st.selectbox({label!r}, [30, 10]{kw})"),
    Spec("st.multiselect({label!r}, ['x', 'y', 'z']{kw})", "multiselect", [], ["z", "x"],
         "st.multiselect({label!r}, ['x', 'z']{kw})"),
    Spec("st.slider({label!r}, 0, 10, 3{kw})", "slider", 3, 7, "st.slider({label!r}, 0, 20, 3{kw})"),
    Spec("st.slider({label!r}, value=date(2024, 1, 1){kw})", "slider", date(2024, 1, 1), date(2024, 1, 9),
         "st.slider({label!r}, value=date(2024, 1, 1), max_value=date(2024, 3, 1){kw})", name="date slider"),
    Spec("st.select_slider({label!r}, ['S', 'M', 'L']{kw})", "select_slider", "S", "L",
         "st.select_slider({label!r}, ['S', 'M', 'L', 'XL']{kw})"),
    Spec("st.text_input({label!r}{kw})", "text_input", "", "typed", "st.text_input({label!r}, max_chars=9{kw})"),
    Spec("st.text_area({label!r}{kw})", "text_area", "", "two\nlines", "st.text_area({label!r}, max_chars=99{kw})"),
    Spec("st.number_input({label!r}, 0, 10{kw})", "number_input", 0, 4, "st.number_input({label!r}, 0, 99{kw})"),
    Spec("st.date_input({label!r}, date(2024, 1, 1){kw})", "date_input", date(2024, 1, 1), date(2024, 5, 6),
         "st.date_input({label!r}, date(2024, 1, 1), max_value=date(2025, 1, 1){kw})"),
    Spec("st.time_input({label!r}, time(8, 0){kw})", "time_input", time(8, 0), time(17, 45)),
    Spec("st.color_picker({label!r}{kw})", "color_picker", "#000000", "#1c83e1"),
]


def call(spec: Spec, label: str = "Pick", kw: str = "", template: str | None = None) -> str:
    return (template or spec.call).format(label=label, kw=kw)


def app(body: str) -> AppTest:
    return AppTest.from_string(HEADER + body)


@pytest.fixture(params=SPECS, ids=repr)
def spec(request) -> Spec:
    return request.param


def test_returns_the_default_then_the_value_the_user_set(spec):
    at = app(f"v = {call(spec)}\nst.text(repr(v))").run()
    assert at.text[0].value == repr(spec.default)
    assert at.get(spec.kind)[0].value == spec.default
    at.get(spec.kind)[0].set_value(spec.new).run()
    assert at.text[0].value == repr(spec.new)
    assert not at.exception


PUSH = "if 'push' in st.session_state:\n    st.session_state.k = st.session_state.pop('push')\n"


def test_session_state_reads_the_value_and_sets_it_before_the_widget_is_drawn(spec):
    at = app(f"{PUSH}v = {call(spec, kw=KEY)}\nst.text(repr(v))").run()
    assert at.session_state["k"] == spec.default
    at.session_state["push"] = spec.new
    at.run()
    assert at.text[0].value == repr(spec.new)
    assert at.get(spec.kind)(key="k").value == spec.new


def test_setting_session_state_after_the_widget_is_drawn_is_an_error_shown_in_the_app(spec):
    at = app(f"{call(spec, kw=KEY)}\nst.session_state.k = {spec.new!r}").run()
    assert "cannot be modified after the widget with key `k` is instantiated" in at.exception[0].value


def test_two_identical_widgets_without_key_raise_duplicate_widget_id_naming_the_label(spec):
    at = app(f"{call(spec, 'Twin')}\n{call(spec, 'Twin')}").run()
    assert at.exception[0].type == "DuplicateWidgetID"
    assert "'Twin'" in at.exception[0].value and "key=" in at.exception[0].value


def test_with_a_key_a_new_label_keeps_the_value(spec):
    at = app(f"label = st.session_state.get('label', 'Old')\nv = {call(spec, kw=KEY).replace(repr('Pick'), 'label')}\n"
             "st.text(repr(v))").run()
    at.get(spec.kind)[0].set_value(spec.new).run()
    at.session_state["label"] = "New"
    at.run()
    assert at.get(spec.kind)[0].label == "New"
    assert at.text[0].value == repr(spec.new)


@pytest.mark.parametrize("spec", [s for s in SPECS if s.rebound], ids=repr)
def test_with_a_key_new_value_bounds_reset_the_value(spec):
    narrow, wide = call(spec, kw=', key="k"'), call(spec, kw=', key="k"', template=spec.rebound)
    at = app(f"v = {wide} if st.session_state.get('wide') else {narrow}\nst.text(repr(v))").run()
    at.get(spec.kind)[0].set_value(spec.new).run()
    assert at.text[0].value == repr(spec.new)
    at.session_state["wide"] = True
    at.run()
    fresh = app(f"st.text(repr({wide}))").run().text[0].value
    assert at.text[0].value == fresh


def test_a_widget_not_drawn_in_a_run_loses_its_state(spec):
    at = app(f"if st.session_state.get('show', True):\n    st.text(repr({call(spec, kw=KEY)}))").run()
    at.get(spec.kind)[0].set_value(spec.new).run()
    at.session_state["show"] = False
    at.run()
    assert "k" not in at.session_state
    at.session_state["show"] = True
    at.run()
    assert at.text[0].value == repr(spec.default)


def test_on_change_runs_before_the_rerun_only_when_the_value_changed(spec):
    script = (
        "def seen(*args, **kwargs):\n"
        "    st.session_state.calls = st.session_state.get('calls', 0) + 1\n"
        "    st.session_state.got = (args, kwargs)\n"
        f"v = {call(spec, kw=CALLBACK)}\n"
        "st.text(str(st.session_state.get('calls', 0)))\n"
    )
    at = app(script).run()
    assert at.text[0].value == "0"
    at.get(spec.kind)[0].set_value(spec.new).run()
    assert at.text[0].value == "1"  # the callback ran before the script
    assert at.session_state["got"] == ((1,), {"x": 2})
    at.run()
    at.get(spec.kind)[0].set_value(spec.new).run()  # the same value again: no change
    assert at.text[0].value == "1"


def test_in_a_form_the_value_waits_for_the_submit_button(spec):
    at = app(f"with st.form('f'):\n    v = {call(spec)}\n    st.form_submit_button('Go')\nst.text(repr(v))").run()
    at.get(spec.kind)[0].set_value(spec.new).run()
    assert at.text[0].value == repr(spec.default)
    at.form_submit_button[0].click().run()
    assert at.text[0].value == repr(spec.new)


def test_clear_on_submit_puts_the_form_back_to_its_defaults(spec):
    at = app(f"with st.form('f', clear_on_submit=True):\n    v = {call(spec)}\n    st.form_submit_button('Go')\n"
             "st.text(repr(v))").run()
    at.get(spec.kind)[0].set_value(spec.new)
    at.form_submit_button[0].click().run()
    assert at.text[0].value == repr(spec.new)  # the submitted value reaches the script
    assert at.get(spec.kind)[0].value == spec.default  # then the form is cleared
    at.run()
    assert at.text[0].value == repr(spec.default)


def test_label_visibility_must_be_known_and_is_passed_to_the_element(spec):
    at = app(call(spec, kw=', label_visibility="collapsed"')).run()
    assert at.get(spec.kind)[0].label_visibility == "collapsed"
    at = app(call(spec, kw=', label_visibility="gone"')).run()
    assert "label_visibility must be one of 'visible', 'hidden', 'collapsed'; got 'gone'" in at.exception[0].value


def test_disabled_and_help_reach_the_element(spec):
    at = app(call(spec, kw=', disabled=True, help="Explains it"')).run()
    element = at.get(spec.kind)[0]
    assert element.disabled is True and element.help == "Explains it"
