"""Sliders: slider (numbers, dates, times or datetimes; one value or a range) and select_slider.

Numeric sliders send numbers; date/time sliders and select_slider are sliders over a
list of stops (the grid ``min + i * step``, or the options) and send stop indices.
"""
from __future__ import annotations

import numbers
from collections.abc import Callable
from datetime import time, timedelta
from typing import Any

from nbapp.elements.policies import fail, is_int
from nbapp.elements.registry import element
from nbapp.elements.widgets.common import (
    format_labels,
    indexer,
    options_list,
    require_index,
)
from nbapp.elements.widgets.temporal import (
    DEFAULT_FORMATS,
    MAX_STEPS,
    grid,
    nearest_step,
    steps_between,
    temporal_kind,
)
from nbapp.elements.widgets.url import option_codec, slider_codec, temporal_slider_codec
from nbapp.errors import NbappAPIError, describe
from nbapp.runtime.state import warn_value_rejected


def _is_number(v: Any) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


@element()
def slider(dg, label: str, min_value: Any = None, max_value: Any = None, value: Any = None,
           step: Any = None, format: str | None = None, key: str | None = None, help: str | None = None,
           on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None, *,
           disabled: bool = False, label_visibility: str = "visible",
           width: int | str = "stretch", bind: str | None = None, persist_state: Any = None) -> Any:
    """Display a slider; returns its current value (a number, date, time or datetime; a tuple for a range).

    ``value`` given as a 2-item list or tuple makes a range slider. Defaults as in
    Streamlit: ints 0..100 step 1, floats 0.0..1.0 step 0.01, dates and datetimes
    value ± 14 days step 1 day, times 00:00..23:59 step 15 minutes; value = min.
    ``format`` is printf-style for numbers ("%.2f") and moment.js-style for dates
    ("MM/DD/YYYY"). Raises NbappAPIError when min > max, the value is outside
    min..max, step is not positive, or the types are mixed.

    Examples
    --------
    >>> x = st.slider("x", 0, 100, 25)
    >>> start, end = st.slider("Window", value=(date(2024, 1, 1), date(2024, 2, 1)))
    """
    is_range = isinstance(value, (list, tuple))
    values = list(value) if is_range else [value]
    if is_range and len(values) != 2:
        raise NbappAPIError(f"st.slider({label!r}): a range value must have 2 items, got {describe(value)}.")
    common = dict(key=key, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
                  label_visibility=label_visibility, bind=bind, persist_state=persist_state, width=width)
    if any(temporal_kind(v) for v in (min_value, max_value, *values)):
        return _temporal_slider(dg, label, min_value, max_value, values, is_range, step, format, common)
    given = [v for v in (min_value, max_value, step, *values) if v is not None]
    if not all(_is_number(v) for v in given):
        bad = next(v for v in given if not _is_number(v))
        raise NbappAPIError(
            f"st.slider({label!r}): min_value, max_value, value and step must be numbers, got {describe(bad)}."
        )
    is_float = any(isinstance(v, float) for v in given)
    if min_value is None:
        min_value = min([0.0 if is_float else 0] + [v for v in values if v is not None and v < 0])
    if max_value is None:
        max_value = max([1.0 if is_float else 100] + [v for v in values if v is not None])
    if step is None:
        step = 0.01 if is_float else 1
    if min_value > max_value:
        raise NbappAPIError(f"st.slider({label!r}): min_value ({min_value}) must be <= max_value ({max_value}).")
    if step <= 0:
        raise NbappAPIError(f"st.slider({label!r}): step must be positive, got {step}.")
    values = [min_value if v is None else v for v in values]
    if is_range and values[1] == min_value and value is None:
        values[1] = max_value
    for v in values:
        if not min_value <= v <= max_value:
            raise NbappAPIError(
                f"st.slider({label!r}): value {v} is outside min_value..max_value ({min_value}..{max_value})."
            )
    cast = float if is_float else int
    values = [cast(v) for v in values]
    default = tuple(values) if is_range else values[0]
    lo, hi = cast(min_value), cast(max_value)

    def deserialize(raw: Any) -> Any:
        items = list(raw) if is_range else [raw]
        if len(items) != len(values) or not all(_is_number(v) for v in items):
            warn_value_rejected("slider", label, raw, "is not a value of this slider; kept the default")
            return default
        clamped = [cast(min(max(v, lo), hi)) for v in items]
        if clamped != items:
            warn_value_rejected("slider", label, raw, f"was clamped to {lo}..{hi}")
        return tuple(sorted(clamped)) if is_range else clamped[0]

    return dg._widget(
        "slider", label, default=default,
        identity={"label": label, "value": default, "format": format, "help": help},
        bounds={"min": lo, "max": hi, "step": step},
        props={"min": lo, "max": hi, "step": cast(step), "format": format, "range": is_range,
               "dtype": "float" if is_float else "int"},
        deserialize=deserialize, url=slider_codec(is_range, is_float), **common,
    )


@element()
def select_slider(dg, label: str, options: Any = (), value: Any = None,
                  format_func: Callable[[Any], Any] = str, key: str | None = None, help: str | None = None,
                  on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None, *,
                  disabled: bool = False, label_visibility: str = "visible",
                  width: int | str = "stretch", bind: str | None = None, persist_state: Any = None) -> Any:
    """Display a slider over a list of options; returns the chosen option (a tuple of two for a range).

    ``value`` defaults to the first option; a 2-item list or tuple makes a range.
    Raises NbappAPIError when ``options`` is empty or a value is not an option.

    Examples
    --------
    >>> size = st.select_slider("Size", ["S", "M", "L", "XL"], value="M")
    >>> lo, hi = st.select_slider("Band", ["low", "mid", "high"], value=("low", "mid"))
    """
    opts = options_list("select_slider", label, options)
    if not opts:
        raise fail("select_slider", label, "options must not be empty: pass the list of choices to slide over.")
    labels = format_labels("select_slider", label, opts, format_func)
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) != 2:
        raise fail("select_slider", label, f"a range value must have 2 items, got {describe(value)}.")
    chosen = list(value) if is_range else [opts[0] if value is None else value]
    indices = sorted(require_index("select_slider", label, opts, v) for v in chosen)
    default = tuple(opts[i] for i in indices) if is_range else opts[indices[0]]
    to_index = indexer("select_slider", label, opts, labels, format_func)
    return _stops(dg,
        "select_slider", label, opts, labels, default, is_range, to_index,
        identity={"label": label, "options": labels, "value": indices, "help": help},
        bounds={"options": labels}, props={"options": labels},
        common=dict(key=key, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
                    label_visibility=label_visibility, bind=bind, persist_state=persist_state, width=width,
                    url=option_codec(opts, labels, lambda v: [to_index(x) for x in (v if is_range else [v])],
                                     multi=is_range, pair=is_range, clearable=False, allow_duplicates=True)),
    )


def _temporal_slider(dg, label, lo, hi, values, is_range, step, format, common) -> Any:
    """A date, time or datetime slider: a slider over the grid ``lo + i * step``."""
    given = [v for v in (lo, hi, *values) if v is not None]
    kinds = {temporal_kind(v) for v in given}
    if len(kinds) != 1 or None in kinds:
        raise fail("slider", label, "min_value, max_value and value must all be numbers, all dates, all times "
                                    f"or all datetimes; got {', '.join(type(v).__name__ for v in given)}.")
    kind = kinds.pop()
    present = [v for v in values if v is not None]
    try:
        if kind == "time":
            lo = time.min if lo is None else lo
            hi = time.max if hi is None else hi
        else:
            anchor = present or [lo if lo is not None else hi]
            lo = anchor[0] - timedelta(days=14) if lo is None else lo
            hi = anchor[-1] + timedelta(days=14) if hi is None else hi
        if lo > hi:
            raise fail("slider", label, f"min_value ({lo}) must be <= max_value ({hi}).")
        step = _temporal_step(label, kind, lo, hi, step)
        values = [lo if v is None else v for v in values]
        if is_range and values[1] == lo and not present:
            values[1] = hi
        for v in values:
            if not lo <= v <= hi:
                raise fail("slider", label, f"value {v} is outside min_value..max_value ({lo}..{hi}).")
    except TypeError as err:  # e.g. a timezone-aware datetime beside a naive one
        raise fail("slider", label, f"min_value, max_value and value cannot be compared: {err}.") from None
    if format is not None and not isinstance(format, str):
        raise fail("slider", label, f"format must be a str such as 'YYYY-MM-DD', got {describe(format)}.")
    count = steps_between(lo, hi, step) + 1
    if count > MAX_STEPS:
        raise fail("slider", label, f"{lo}..{hi} in steps of {step} makes {count} stops; nbapp draws at most "
                                    f"{MAX_STEPS}: pass a larger step.")
    stops, labels = grid(kind, lo, step, count, format or DEFAULT_FORMATS[kind])
    default = tuple(values) if is_range else values[0]

    def to_index(v: Any) -> int:
        if temporal_kind(v) != kind:
            raise fail("slider", label, f"the widget's value {describe(v)} is not a {kind}.")
        return nearest_step(lo, v, step, count)

    return _stops(dg,
        "slider", label, stops, labels, default, is_range, to_index,
        identity={"label": label, "value": default, "format": format, "help": common["help"]},
        bounds={"min": lo, "max": hi, "step": step},
        props={"min": lo, "max": hi, "step": step, "format": format, "dtype": kind},
        common={**common, "url": temporal_slider_codec(kind, is_range, lo, hi)},
    )


def _stops(dg, kind, label, stops, labels, default, is_range, to_index, *, identity, bounds, props,
           common) -> Any:
    """A slider over ``stops`` shown as ``labels``; the wire value is a stop index (a pair for a range)."""
    last = len(stops) - 1

    def serialize(value: Any) -> Any:
        return tuple(sorted(to_index(v) for v in value)) if is_range else to_index(value)

    def deserialize(raw: Any) -> Any:
        items = list(raw) if is_range and isinstance(raw, (list, tuple)) else [raw]
        if len(items) != (2 if is_range else 1) or not all(is_int(i) for i in items):
            warn_value_rejected(kind, label, raw, "is not a stop index of this slider; kept the default")
            return default
        clamped = sorted(min(max(i, 0), last) for i in items)
        if clamped != sorted(items):
            warn_value_rejected(kind, label, raw, f"was clamped to stops 0..{last}")
        picked = [stops[i] for i in clamped]
        return tuple(picked) if is_range else picked[0]

    return dg._widget(kind, label, default=default, identity=identity, bounds=bounds,
                        props={**props, "labels": labels, "range": is_range},
                        serialize=serialize, deserialize=deserialize, **common)


def _temporal_step(label: str, kind: str, lo: Any, hi: Any, step: Any) -> timedelta:
    """Streamlit's default step (1 day; 15 minutes for times or spans under a day), checked."""
    if step is None:
        short = kind == "time" or (kind == "datetime" and hi - lo < timedelta(days=1))
        return timedelta(minutes=15) if short else timedelta(days=1)
    if not isinstance(step, timedelta) or step <= timedelta(0):
        raise fail("slider", label, f"step must be a positive datetime.timedelta for a {kind} slider, "
                                    f"got {describe(step)}.")
    if kind == "date" and step % timedelta(days=1):
        raise fail("slider", label, f"step must be a whole number of days for a date slider, got {step}.")
    return step
