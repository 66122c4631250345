"""Calendar and clock: date_input (one date or a range) and time_input."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from nbapp.elements.policies import fail, is_int
from nbapp.elements.registry import element
from nbapp.elements.widgets.url import date_codec, time_codec
from nbapp.errors import describe
from nbapp.runtime.state import warn_value_rejected

DATE_FORMAT = re.compile(r"^(YYYY([/.\-])MM\2DD|DD([/.\-])MM\3YYYY|MM([/.\-])DD\4YYYY)$")
YEARS_AROUND = 10  # default min/max: this many years around the value, as in Streamlit


def _as_date(value: Any) -> date | None:
    """A date for a date or datetime, else None."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _date_bound(label: str, name: str, bound: Any, fallback: date) -> date:
    if bound is None:
        return fallback
    day = _as_date(bound)
    if day is None:
        raise fail("date_input", label, f"{name} must be a date, a datetime or None, got {describe(bound)}.")
    return day


@element()
def date_input(dg, label: str, value: Any = "today", min_value: date | None = None,
               max_value: date | None = None, key: str | None = None, help: str | None = None,
               on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None, *,
               format: str = "YYYY/MM/DD", disabled: bool = False,
               label_visibility: str = "visible",
               required: bool = False, width: int | str = "stretch", bind: str | None = None,
               persist_state: Any = None) -> date | tuple[date, ...] | None:
    """Display a date picker; returns a date, None (``value=None``, nothing picked), or for a
    range (``value`` a list or tuple of 0-2 dates) a tuple of the 0, 1 or 2 dates picked so far.

    ``min_value`` / ``max_value`` default to 10 years before / after the value. Raises
    NbappAPIError for values that are not dates, min > max, a value outside min..max, or
    an unknown ``format``.

    Examples
    --------
    >>> day = st.date_input("Day", date(2024, 7, 1))
    >>> start, end = st.date_input("Period", (date(2024, 1, 1), date(2024, 1, 31)))
    """
    is_range = isinstance(value, (list, tuple))
    if value == "today" or value is None:
        days = None if value is None else [date.today()]
    elif is_range and len(value) <= 2 and all(_as_date(v) for v in value):
        days = [_as_date(v) for v in value]
    elif not is_range and _as_date(value):
        days = [_as_date(value)]
    else:
        raise fail("date_input", label, "value must be a date, a datetime, 'today', None, or a list/tuple of 0 "
                                        f"to 2 dates; got {describe(value)}.")
    anchor = days or [date.today()]
    lo = _date_bound(label, "min_value", min_value, _shift_years(anchor[0], -YEARS_AROUND))
    hi = _date_bound(label, "max_value", max_value, _shift_years(anchor[-1], YEARS_AROUND))
    if lo > hi:
        raise fail("date_input", label, f"min_value ({lo}) must be <= max_value ({hi}).")
    if value == "today":
        days = [min(max(days[0], lo), hi)]  # today may lie outside an explicit range: Streamlit clamps it
    for day in days or []:
        if not lo <= day <= hi:
            raise fail("date_input", label, f"value {day} is outside min_value..max_value ({lo}..{hi}).")
    if not isinstance(format, str) or not DATE_FORMAT.match(format):
        raise fail("date_input", label, "format must be 'YYYY/MM/DD', 'DD/MM/YYYY' or 'MM/DD/YYYY' (with '/', "
                                        f"'-' or '.' between the parts); got {describe(format)}.")
    default = tuple(sorted(days)) if is_range else days[0] if days else None

    def deserialize(raw: Any) -> Any:
        if raw is None and not is_range:
            if default is not None:
                warn_value_rejected("date_input", label, raw, "is empty but the widget needs a date; "
                                                             "kept the default")
            return default
        days = [_as_date(d) for d in raw if d is not None] if is_range and isinstance(raw, (list, tuple)) \
            else [_as_date(raw)]
        if None in days or len(days) > (2 if is_range else 1):
            warn_value_rejected("date_input", label, raw, "is not a date (or pair of dates); kept the default")
            return default
        clamped = sorted(min(max(d, lo), hi) for d in days)
        if clamped != sorted(days):
            warn_value_rejected("date_input", label, raw, f"was clamped to {lo}..{hi}")
        return tuple(clamped) if is_range else clamped[0]

    def serialize(v: Any) -> Any:
        days = list(v) if is_range and isinstance(v, (list, tuple)) else [v] if v is not None else []
        if not all(_as_date(d) for d in days) or len(days) > (2 if is_range else 1):
            raise fail("date_input", label, f"the widget's value {describe(v)} is not "
                                            f"{'a tuple of up to 2 dates' if is_range else 'a date'}.")
        days = [_as_date(d) for d in days]
        return tuple(days + [None] * (2 - len(days))) if is_range else (days or [None])[0]

    return dg._widget(
        "date_input", label, key=key, default=default,
        identity={"label": label, "value": None if value == "today" else default, "help": help, "format": format},
        bounds={"min": lo, "max": hi, "range": is_range},
        props={"min": lo, "max": hi, "range": is_range, "format": format, "nullable": value is None},
        serialize=serialize, deserialize=deserialize, on_change=on_change, args=args, kwargs=kwargs,
        help=help, disabled=disabled, label_visibility=label_visibility, bind=bind, persist_state=persist_state,
        url=date_codec(is_range, clearable=not default), width=width,
    )


@element()
def time_input(dg, label: str, value: Any = "now", key: str | None = None, help: str | None = None,
               on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None, *,
               disabled: bool = False, label_visibility: str = "visible",
               step: int | timedelta = timedelta(minutes=15),
               required: bool = False, format: str = "24h", width: int | str = "stretch",
               bind: str | None = None, persist_state: Any = None) -> time | None:
    """Display a time picker; returns a time (None while empty when ``value=None``).

    ``value="now"`` starts at the current time (to the minute). ``step`` (seconds or a
    timedelta, 60 s to 23 h) is the picker's interval. Raises NbappAPIError for a value
    that is not a time or a bad step.

    Examples
    --------
    >>> alarm = st.time_input("Alarm", time(7, 30), step=300)
    """
    if value == "now":
        default = datetime.now().time().replace(second=0, microsecond=0)
    elif value is None or isinstance(value, time):
        default = value
    elif isinstance(value, datetime):
        default = value.time()
    else:
        raise fail("time_input", label, f"value must be a time, a datetime, 'now' or None; got {describe(value)}.")
    seconds = step.total_seconds() if isinstance(step, timedelta) else step if is_int(step) else None
    if seconds is None or not 60 <= seconds <= 23 * 3600:
        raise fail("time_input", label, "step must be an int (seconds) or a timedelta between 60 seconds and "
                                        f"23 hours; got {describe(step)}.")

    def deserialize(raw: Any) -> time | None:
        if isinstance(raw, time) or raw is None and default is None:
            return raw
        warn_value_rejected("time_input", label, raw, "is not a time; kept the default")
        return default

    def serialize(v: Any) -> time | None:
        if isinstance(v, datetime):
            return v.time()
        if v is not None and not isinstance(v, time):
            raise fail("time_input", label, f"the widget's value {describe(v)} is not a time.")
        return v

    return dg._widget(
        "time_input", label, key=key, default=default,
        identity={"label": label, "value": value if value == "now" else default, "help": help, "step": seconds},
        props={"step": seconds, "nullable": value is None},
        serialize=serialize, deserialize=deserialize, on_change=on_change, args=args, kwargs=kwargs,
        help=help, disabled=disabled, label_visibility=label_visibility, bind=bind, persist_state=persist_state,
        url=time_codec(seconds % 60 != 0, clearable=default is None), width=width,
    )
