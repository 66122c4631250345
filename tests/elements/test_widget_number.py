"""number_input: ints or floats, the empty state, bounds, steps and formats."""
from __future__ import annotations

import pytest


def test_ints_when_every_number_is_an_int_else_floats_with_streamlit_defaults(run):
    at = run("st.text(repr((st.number_input('i', 1, 9), st.number_input('f'), st.number_input('g', value=2.5))))")
    assert at.text[0].value == repr((1, 0.0, 2.5))
    i, f, _ = at.number_input
    assert (i.dtype, i.step, i.format) == ("int", 1, "%d")
    assert (f.dtype, f.step, f.format) == ("float", 0.01, "%0.2f")


def test_increment_and_decrement_stay_within_bounds(run):
    at = run("st.text(repr(st.number_input('n', 0, 10, 9, step=2)))")
    at.number_input[0].increment().run()
    assert at.text[0].value == "10"
    at.number_input[0].decrement().run()
    assert at.text[0].value == "8"


def test_value_none_is_empty_with_a_placeholder_until_a_number_is_entered(run):
    at = run("st.text(repr(st.number_input('Seed', value=None, placeholder='random', key='k')))")
    assert at.text[0].value == "None"
    assert at.number_input[0].placeholder == "random" and at.number_input[0].nullable is True
    at.number_input[0].set_value(7.0).run()
    assert at.text[0].value == "7.0"
    assert at.session_state.widget("k").deserialize(None) is None


def test_browser_numbers_are_clamped_and_cast_with_a_warning(run):
    at = run("st.number_input('n', 0, 10, key='n')\nst.number_input('x', value=0.5, key='x')")
    n, x = at.session_state.widget("n"), at.session_state.widget("x")
    assert n.deserialize(7) == 7 and x.deserialize(3) == 3.0 and isinstance(x.deserialize(3), float)
    with pytest.warns(RuntimeWarning, match=r"st.number_input\('n'\): value 12 from the browser was changed to 10"):
        assert n.deserialize(12) == 10
    with pytest.warns(RuntimeWarning, match="was changed to 4"):
        assert n.deserialize(3.6) == 4
    with pytest.warns(RuntimeWarning, match="is empty but the widget needs a number; kept the default"):
        assert n.deserialize(None) == 0
    with pytest.warns(RuntimeWarning, match="is not a finite number; kept the default"):
        assert x.deserialize(float("nan")) == 0.5


@pytest.mark.parametrize("call, message", [
    ("st.number_input('N', 0, 1.5)",
     "st.number_input('N'): min_value, max_value, value and step must all be ints or all floats; "
     "got min_value=0 (int), max_value=1.5 (float). Write e.g. 1.0 instead of 1."),
    ("st.number_input('N', 5, 1)", "st.number_input('N'): min_value (5) must be <= max_value (1)."),
    ("st.number_input('N', 0, 10, 11)", "st.number_input('N'): value 11 is outside min_value..max_value (0..10)."),
    ("st.number_input('N', value=1, step=-1)", "st.number_input('N'): step must be positive, got -1."),
    ("st.number_input('N', value='3')", "st.number_input('N'): value must be an int or float, got '3' (str)."),
    ("st.number_input('N', format='%q')",
     "st.number_input('N'): format must be a printf-style format with one number, such as '%d', '%.3f' or '%e'; got '%q'."),
    ("st.session_state.k = 'seven'\nst.number_input('N', key='k')", "st.number_input('N'): the widget's value 'seven' is not a number."),
])
def test_bad_arguments_raise_errors_naming_function_argument_and_value(call, message, run):
    assert run(call).exception[0].value == message
