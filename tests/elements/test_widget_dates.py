"""date_input (a date, None, or a range of 0-2 dates) and time_input."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest


def test_date_input_starts_today_within_ten_years_either_side(run):
    at = run("st.text(repr(st.date_input('Day')))")
    today = date.today()
    assert at.text[0].value == repr(today)
    assert at.date_input[0].min.year == today.year - 10 and at.date_input[0].max.year == today.year + 10


def test_today_is_clamped_into_an_explicit_range(run):
    at = run("st.text(repr(st.date_input('Day', min_value=date(2001, 1, 1), max_value=date(2001, 12, 31))))")
    assert at.text[0].value == repr(date(2001, 12, 31))


def test_a_datetime_value_gives_a_date_and_none_gives_none(run):
    at = run("st.text(repr((st.date_input('a', datetime(2024, 5, 6, 7, 8)), st.date_input('b', None))))")
    assert at.text[0].value == repr((date(2024, 5, 6), None))


def test_a_range_returns_the_dates_picked_so_far_in_order(run):
    at = run("st.text(repr(st.date_input('Period', (date(2024, 1, 10),), key='p')))")
    assert at.text[0].value == repr((date(2024, 1, 10),))
    at.date_input[0].set_value((date(2024, 1, 10), date(2024, 2, 1))).run()
    assert at.text[0].value == repr((date(2024, 1, 10), date(2024, 2, 1)))
    assert at.session_state.widget("p").deserialize((date(2024, 3, 1), date(2024, 1, 1))) == (date(2024, 1, 1), date(2024, 3, 1))
    assert at.session_state.widget("p").deserialize((None, None)) == ()


def test_browser_dates_outside_the_bounds_are_clamped_and_others_rejected(run):
    at = run("st.date_input('Day', date(2024, 1, 5), date(2024, 1, 1), date(2024, 1, 31), key='d')")
    meta = at.session_state.widget("d")
    with pytest.warns(RuntimeWarning, match=r"st.date_input\('Day'\): value .* from the browser was clamped to 2024-01-01..2024-01-31"):
        assert meta.deserialize(date(2030, 1, 1)) == date(2024, 1, 31)
    with pytest.warns(RuntimeWarning, match="is not a date"):
        assert meta.deserialize("2024-01-09") == date(2024, 1, 5)
    with pytest.warns(RuntimeWarning, match="is empty but the widget needs a date"):
        assert meta.deserialize(None) == date(2024, 1, 5)


@pytest.mark.parametrize("call, message", [
    ("st.date_input('D', 'tomorrow')",
     "st.date_input('D'): value must be a date, a datetime, 'today', None, or a list/tuple of 0 to 2 dates; got 'tomorrow'."),
    ("st.date_input('D', [date(2024, 1, 1)] * 3)",
     "st.date_input('D'): value must be a date, a datetime, 'today', None, or a list/tuple of 0 to 2 dates; "
     "got [datetime.date(2024, 1, 1), datetime.date(2024, 1, 1), da...."),
    ("st.date_input('D', date(2024, 1, 1), min_value='2020')",
     "st.date_input('D'): min_value must be a date, a datetime or None, got '2020'."),
    ("st.date_input('D', min_value=date(2024, 2, 1), max_value=date(2024, 1, 1))",
     "st.date_input('D'): min_value (2024-02-01) must be <= max_value (2024-01-01)."),
    ("st.date_input('D', date(2030, 1, 1), max_value=date(2024, 1, 1))",
     "st.date_input('D'): value 2030-01-01 is outside min_value..max_value (2020-01-01..2024-01-01)."),
    ("st.date_input('D', format='YYYY/DD/MM')",
     "st.date_input('D'): format must be 'YYYY/MM/DD', 'DD/MM/YYYY' or 'MM/DD/YYYY' (with '/', '-' or '.' between "
     "the parts); got 'YYYY/DD/MM'."),
    ("st.time_input('T', '08:00')", "st.time_input('T'): value must be a time, a datetime, 'now' or None; got '08:00'."),
    ("st.time_input('T', step=30)",
     "st.time_input('T'): step must be an int (seconds) or a timedelta between 60 seconds and 23 hours; got 30."),
])
def test_bad_arguments_raise_errors_naming_function_argument_and_value(call, message, run):
    assert run(call).exception[0].value == message


def test_date_formats_with_other_separators_are_accepted(run):
    at = run("st.date_input('D', format='DD.MM.YYYY')\nst.date_input('E', format='MM-DD-YYYY')")
    assert not at.exception and at.date_input[0].format == "DD.MM.YYYY"


def test_time_input_starts_now_to_the_minute_and_returns_the_time_set(run):
    before = datetime.now().replace(second=0, microsecond=0)
    at = run("st.text(repr(st.time_input('Alarm', key='t')))")
    after = datetime.now().replace(second=0, microsecond=0)
    assert at.text[0].value in (repr(before.time()), repr(after.time()))
    at.time_input[0].set_value(time(6, 45)).run()
    assert at.text[0].value == repr(time(6, 45))


def test_time_input_step_reaches_the_element_and_bad_browser_values_are_rejected(run):
    at = run("st.time_input('T', time(8), step=300, key='t')\nst.time_input('U', None, key='u')")
    assert at.time_input[0].step == 300
    assert at.session_state.widget("u").deserialize(None) is None
    with pytest.warns(RuntimeWarning, match=r"st.time_input\('T'\): value '8' from the browser is not a time"):
        assert at.session_state.widget("t").deserialize("8") == time(8)
