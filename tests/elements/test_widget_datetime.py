"""st.datetime_input: values, bounds, None, bad input."""
from __future__ import annotations

from datetime import datetime

import pytest


def test_datetime_input_returns_the_datetime_and_takes_new_values(run):
    at = run("v = st.datetime_input('When', datetime(2024, 1, 2, 3, 4))\nst.write(str(v))")
    assert at.datetime_input[0].value == datetime(2024, 1, 2, 3, 4)
    at.datetime_input[0].set_value(datetime(2025, 5, 6, 7, 8)).run()
    assert at.markdown[0].value == "2025-05-06 07:08:00"


def test_dates_times_and_iso_strings_become_datetimes(run):
    at = run("a = st.datetime_input('a', date(2024, 3, 1))\nb = st.datetime_input('b', '2024-03-01T10:30')\n"
             "c = st.datetime_input('c', None)\nst.session_state.out = (a, b, c)")
    assert at.session_state.out == (datetime(2024, 3, 1), datetime(2024, 3, 1, 10, 30), None)


def test_a_value_out_of_bounds_from_the_browser_is_clamped_with_a_warning(run):
    at = run("v = st.datetime_input('d', datetime(2024, 1, 5), min_value=datetime(2024, 1, 1), "
             "max_value=datetime(2024, 1, 31))\nst.write(str(v))")
    with pytest.warns(RuntimeWarning, match="clamped"):
        at.datetime_input[0].set_value(datetime(2030, 1, 1)).run()
    assert at.markdown[0].value == "2024-01-31 00:00:00"


def test_datetime_input_rejects_bad_arguments(rejects):
    rejects("st.datetime_input('d', 5)", "value must be a datetime")
    rejects("st.datetime_input('d', datetime(2024, 1, 1), min_value=datetime(2024, 2, 1))", "outside")
    rejects("st.datetime_input('d', step=0)", "step must be a positive int")

