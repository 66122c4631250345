"""slider (numbers, dates, times, datetimes; single or range) and select_slider."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest


def test_number_sliders_default_like_streamlit(run):
    at = run("st.text(repr((st.slider('i'), st.slider('f', value=0.5), st.slider('r', value=(20, 80)))))")
    assert at.text[0].value == repr((0, 0.5, (20, 80)))
    assert (at.slider[0].min, at.slider[0].max, at.slider[0].step) == (0, 100, 1)
    assert (at.slider[1].min, at.slider[1].max, at.slider[1].step) == (0.0, 1.0, 0.01)


def test_a_range_slider_returns_the_pair_set(run):
    at = run("st.text(repr(st.slider('r', 0, 10, (2, 5))))")
    at.slider[0].set_range(3, 9).run()
    assert at.text[0].value == "(3, 9)"


def test_date_slider_spans_two_weeks_around_the_value_in_steps_of_a_day(run):
    at = run("st.text(repr(st.slider('Day', value=date(2024, 3, 10))))")
    slider = at.slider[0]
    assert (slider.min, slider.max, slider.step) == (date(2024, 2, 25), date(2024, 3, 24), timedelta(days=1))
    assert slider.labels[0] == "2024-02-25" and len(slider.labels) == 29
    slider.set_value(date(2024, 3, 20)).run()
    assert at.text[0].value == repr(date(2024, 3, 20))


def test_time_range_slider_covers_the_day_in_quarter_hours_and_takes_a_moment_format(run):
    at = run("st.text(repr(st.slider('Hours', value=(time(9), time(17)), format='h:mm A')))")
    assert at.text[0].value == repr((time(9), time(17)))
    assert at.slider[0].labels[:2] == ("12:00 AM", "12:15 AM") and at.slider[0].labels[-1] == "11:45 PM"
    at.slider[0].set_range(time(8, 30), time(12)).run()
    assert at.text[0].value == repr((time(8, 30), time(12)))


def test_a_short_datetime_span_steps_by_quarter_hours(run):
    at = run("st.slider('When', datetime(2024, 1, 1, 9), datetime(2024, 1, 1, 12), format='DD/MM HH:mm')")
    assert at.slider[0].step == timedelta(minutes=15)
    assert at.slider[0].labels[1] == "01/01 09:15"
    assert at.slider[0].value == datetime(2024, 1, 1, 9)


def test_browser_stop_indices_become_dates_and_out_of_range_ones_are_clamped(run):
    at = run("st.slider('Day', date(2024, 1, 1), date(2024, 1, 31), key='d')\n"
             "st.slider('Span', date(2024, 1, 1), date(2024, 1, 31), (date(2024, 1, 2), date(2024, 1, 3)), key='r')")
    day, span = at.session_state.widget("d"), at.session_state.widget("r")
    assert day.deserialize(4) == date(2024, 1, 5)
    assert span.deserialize((9, 2)) == (date(2024, 1, 3), date(2024, 1, 10))
    with pytest.warns(RuntimeWarning, match=r"st.slider\('Day'\): value 99 from the browser was clamped to stops 0..30"):
        assert day.deserialize(99) == date(2024, 1, 31)
    with pytest.warns(RuntimeWarning, match="is not a stop index of this slider; kept the default"):
        assert day.deserialize("2024-01-05") == date(2024, 1, 1)


def test_numeric_browser_values_are_clamped_with_a_warning(run):
    at = run("st.slider('x', 0, 10, 5, key='x')")
    with pytest.warns(RuntimeWarning, match="was clamped to 0..10"):
        assert at.session_state.widget("x").deserialize(50) == 10


@pytest.mark.parametrize("call, message", [
    ("st.slider('S', 10, 0)", "st.slider('S'): min_value (10) must be <= max_value (0)."),
    ("st.slider('S', 0, 10, 11)", "st.slider('S'): value 11 is outside min_value..max_value (0..10)."),
    ("st.slider('S', 0, 10, step=0)", "st.slider('S'): step must be positive, got 0."),
    ("st.slider('S', 0, 10, '5')", "st.slider('S'): min_value, max_value, value and step must be numbers, got '5'."),
    ("st.slider('S', date(2024, 1, 2), date(2024, 1, 1))", "st.slider('S'): min_value (2024-01-02) must be <= max_value (2024-01-01)."),
    ("st.slider('S', 0, date(2024, 1, 1))",
     "st.slider('S'): min_value, max_value and value must all be numbers, all dates, all times or all datetimes; got int, date."),
    ("st.slider('S', value=date(2024, 1, 1), step=timedelta(hours=1))",
     "st.slider('S'): step must be a whole number of days for a date slider, got 1:00:00."),
    ("st.slider('S', value=time(8), step=15)",
     "st.slider('S'): step must be a positive datetime.timedelta for a time slider, got 15."),
    ("st.slider('S', datetime(2000, 1, 1), datetime(2024, 1, 1), step=timedelta(hours=1))",
     "st.slider('S'): 2000-01-01 00:00:00..2024-01-01 00:00:00 in steps of 1:00:00 makes 210385 stops; "
     "nbapp draws at most 10000: pass a larger step."),
    ("st.select_slider('S', [])", "st.select_slider('S'): options must not be empty: pass the list of choices to slide over."),
    ("st.select_slider('S', ['a', 'b'], value='c')", "st.select_slider('S'): value 'c' is not one of the options ('a', 'b')."),
    ("st.select_slider('S', ['a', 'b'], value=('a', 'b', 'a'))", "st.select_slider('S'): a range value must have 2 items, got ('a', 'b', 'a')."),
])
def test_bad_arguments_raise_errors_naming_function_argument_and_value(call, message, run):
    at = run(call)
    assert at.exception[0].value == message


def test_select_slider_starts_at_the_first_option_and_shows_format_func_labels(run):
    at = run("st.text(repr(st.select_slider('Size', [1, 2, 3], format_func=lambda n: 'x' * n)))")
    assert at.text[0].value == "1"
    assert at.select_slider[0].options == ["x", "xx", "xxx"]
    at.select_slider[0].set_value(3).run()
    assert at.text[0].value == "3"


def test_select_slider_range_is_ordered_by_option_position(run):
    at = run("st.text(repr(st.select_slider('Band', ['low', 'mid', 'high'], value=('high', 'low'), key='b')))")
    assert at.text[0].value == "('low', 'high')"
    assert at.session_state.widget("b").deserialize((1, 0)) == ("low", "mid")
