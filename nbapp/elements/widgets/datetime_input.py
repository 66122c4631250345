"""``st.datetime_input``: a date and a time in one picker; returns a naive ``datetime``."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from nbapp.elements.policies import check_bool, fail, got, is_int
from nbapp.elements.registry import element
from nbapp.elements.widgets.url import datetime_codec
from nbapp.runtime.state import warn_value_rejected


def _as_datetime(label: str, name: str, value: Any) -> datetime | None:
    """``value`` as a naive datetime: a datetime, a date (midnight), a time (today), an ISO string, "now"."""
    if value is None:
        return None
    if isinstance(value, str):
        if value == "now":
            return datetime.now().replace(second=0, microsecond=0)
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise fail("datetime_input", label, f"{name} must be a datetime, date, time, ISO string, 'now' or None; "
                                                f"got {value!r}.") from None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, time):
        return datetime.combine(date.today(), value.replace(tzinfo=None))
    raise fail("datetime_input", label, f"{name} must be a datetime, date, time, ISO string, 'now' or None; "
                                        f"got {got(value)}.")


@element()
def datetime_input(dg, label: str, value: Any = "now", min_value: Any = None, max_value: Any = None, *,
                   key: str | int | None = None, help: str | None = None, on_change: Callable | str | None = "rerun",
                   args: tuple | None = None, kwargs: dict | None = None, format: str = "YYYY/MM/DD",
                   step: int | timedelta = timedelta(minutes=15), disabled: bool = False, required: bool = False,
                   label_visibility: str = "visible", width: int | str = "stretch", bind: str | None = None,
                   persist_state: Any = None) -> datetime | None:
    """Display a date-and-time picker; returns a naive datetime (None while empty when ``value=None``).

    ``value`` is a datetime, a date (at midnight), a time (today), an ISO string or "now"
    (the default, to the minute). A value from the browser outside ``min_value`` ..
    ``max_value`` is clamped with a warning. ``format`` and ``step`` are accepted; the
    browser's own picker shows the date its way. Raises NbappAPIError for a bad value,
    bounds that cross, or a step that is not a positive number of seconds.

    Examples
    --------
    >>> when = st.datetime_input("Meeting", datetime(2025, 1, 6, 9, 30))
    """
    default = _as_datetime(label, "value", value)
    lo, hi = _as_datetime(label, "min_value", min_value), _as_datetime(label, "max_value", max_value)
    if lo is not None and hi is not None and lo > hi:
        raise fail("datetime_input", label, f"min_value {lo} is after max_value {hi}.")
    if default is not None and ((lo and default < lo) or (hi and default > hi)):
        raise fail("datetime_input", label, f"value {default} is outside min_value..max_value ({lo} .. {hi}).")
    seconds = step.total_seconds() if isinstance(step, timedelta) else step if is_int(step) else None
    if not seconds or seconds <= 0:
        raise fail("datetime_input", label, f"step must be a positive int (seconds) or a timedelta, got {got(step)}.")
    check_bool("datetime_input", "required", required, label=label)

    def deserialize(raw: Any) -> datetime | None:
        if raw is None:
            if default is None and not required:
                return None
            warn_value_rejected("datetime_input", label, raw, "is empty but the widget needs a value; kept the default")
            return default
        if isinstance(raw, str):
            try:
                raw = datetime.fromisoformat(raw)
            except ValueError:
                pass
        if not isinstance(raw, datetime):
            warn_value_rejected("datetime_input", label, raw, "is not a datetime; kept the default")
            return default
        raw = raw.replace(tzinfo=None)
        if (lo and raw < lo) or (hi and raw > hi):
            clamped = max(lo, raw) if lo else raw
            clamped = min(hi, clamped) if hi else clamped
            warn_value_rejected("datetime_input", label, raw, f"is outside {lo} .. {hi}; clamped to {clamped}")
            return clamped
        return raw

    def serialize(v: Any) -> datetime | None:
        return _as_datetime(label, "the widget's value", v)

    return dg._widget(
        "datetime_input", label, key=key, default=default,
        identity={"label": label, "value": value if value == "now" else default, "min": lo, "max": hi, "help": help},
        bounds={"min": lo, "max": hi},
        props={"min": lo, "max": hi, "step": seconds, "format": format, "nullable": value is None and not required,
               "width": width},
        serialize=serialize, deserialize=deserialize,
        on_change=on_change, args=args, kwargs=kwargs, help=help,
        disabled=disabled, label_visibility=label_visibility, bind=bind, persist_state=persist_state,
        url=datetime_codec(clearable=default is None),
    )
