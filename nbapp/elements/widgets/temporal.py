"""Dates and times for widgets: type checks, Streamlit's moment.js-style formats, stepped grids."""
from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timedelta
from typing import Any

MAX_STEPS = 10_000  # a temporal slider draws one labelled stop per step
_EPOCH = date(2000, 1, 1)  # the day a time of day is placed on, to subtract times
_TOKENS = re.compile(r"\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a")
DEFAULT_FORMATS = {"date": "YYYY-MM-DD", "time": "HH:mm", "datetime": "YYYY-MM-DD HH:mm"}


def temporal_kind(value: Any) -> str | None:
    """Return "datetime", "date" or "time" for such a value, else None (datetime is checked first)."""
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, time):
        return "time"
    return None


def as_datetime(value: date | time) -> datetime:
    """Return ``value`` as a datetime: a date at midnight, a time of day on a fixed day."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    return datetime.combine(_EPOCH, value)


def from_datetime(value: datetime, kind: str) -> date | time | datetime:
    """Return ``value`` converted back to ``kind`` ("date", "time" or "datetime")."""
    if kind == "date":
        return value.date()
    if kind == "time":
        return value.timetz()
    return value


def format_moment(value: date | time, fmt: str) -> str:
    """Format ``value`` with a moment.js format (what Streamlit's ``format=`` takes), e.g. "YYYY-MM-DD HH:mm".

    Text in ``[brackets]`` is kept as is.
    """
    dt = as_datetime(value)
    hour12 = dt.hour % 12 or 12
    parts = {
        "YYYY": f"{dt.year:04d}", "YY": f"{dt.year % 100:02d}", "MMMM": dt.strftime("%B"), "MMM": dt.strftime("%b"),
        "MM": f"{dt.month:02d}", "M": str(dt.month), "DD": f"{dt.day:02d}", "D": str(dt.day),
        "dddd": dt.strftime("%A"), "ddd": dt.strftime("%a"), "HH": f"{dt.hour:02d}", "H": str(dt.hour),
        "hh": f"{hour12:02d}", "h": str(hour12), "mm": f"{dt.minute:02d}", "m": str(dt.minute),
        "ss": f"{dt.second:02d}", "s": str(dt.second), "SSS": f"{dt.microsecond // 1000:03d}",
        "A": "AM" if dt.hour < 12 else "PM", "a": "am" if dt.hour < 12 else "pm",
    }
    return _TOKENS.sub(lambda m: m.group()[1:-1] if m.group().startswith("[") else parts[m.group()], fmt)


def steps_between(lo: date | time, hi: date | time, step: timedelta) -> int:
    """Return how many whole ``step``\\ s fit between ``lo`` and ``hi``."""
    return int((as_datetime(hi) - as_datetime(lo)) // step)


def nearest_step(lo: date | time, value: date | time, step: timedelta, count: int) -> int:
    """Return the index (0..count-1) of the grid stop ``lo + i * step`` nearest to ``value``."""
    i = round((as_datetime(value) - as_datetime(lo)) / step)
    return min(max(i, 0), count - 1)


@functools.lru_cache(maxsize=64)
def grid(kind: str, lo: date | time, step: timedelta, count: int, fmt: str) -> tuple[tuple, tuple[str, ...]]:
    """Return the stops ``lo + i * step`` (i < count) and their labels; cached across reruns."""
    start = as_datetime(lo)
    stops = tuple(from_datetime(start + i * step, kind) for i in range(count))
    return stops, tuple(format_moment(s, fmt) for s in stops)
