"""How each widget's value reads in the URL with ``bind="query-params"``: Streamlit 1.67's formats.

- bools: ``true`` / ``false`` (any case read back);
- numbers: ``5`` for 5.0, ``2.5``;
- options (radio, selectbox, multiselect, pills, segmented_control, select_slider): their
  label (``format_func(option)``); unknown labels are dropped;
- dates ``2024-01-31``, times ``14:30`` (``14:30:15`` with seconds), datetimes
  ``2024-01-31T14:30``;
- several values (a multiselect, a range): the parameter repeated, ``?r=2&r=8``;
- an emptied widget that allows it: ``?k=``.

Each function returns a :class:`nbapp.runtime.binding.UrlCodec`; the widget's own
browser-value check then clamps or rejects what ``from_url`` read.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta, timezone
from typing import Any

from nbapp.elements.widgets.common import as_list
from nbapp.runtime.binding import UrlCodec

_EPOCH = datetime(1970, 1, 1)


def number_text(value: Any) -> str:
    """``5.0`` -> ``"5"``, ``2.5`` -> ``"2.5"`` (as Streamlit writes numbers in the URL)."""
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return str(int(value))
    return str(value)


def _number(text: str) -> Any:
    return text if text == "" else float(text)


def _last(values: list[str]) -> str:
    return values[-1]


def _bool(text: str) -> bool:
    low = text.lower()
    if low not in ("true", "false"):
        raise ValueError(f"not a bool: {text!r}")
    return low == "true"


def bool_codec() -> UrlCodec:
    """Checkbox and toggle: ``true`` / ``false``."""
    return UrlCodec(lambda v: ["true" if v else "false"], lambda vs: _bool(_last(vs)), normalize=str.lower)


def text_codec(clearable: bool = True) -> UrlCodec:
    """text_input, text_area: the text itself (``?k=`` is the empty text)."""
    return UrlCodec(lambda v: ["" if v is None else str(v)], _last, clearable)


def color_codec() -> UrlCodec:
    """color_picker: ``#rrggbb`` (``rrggbb`` without the ``#`` is read too)."""
    def read(values: list[str]) -> str:
        text = _last(values)
        return text if text.startswith("#") else "#" + text

    return UrlCodec(lambda v: [str(v)], read)


def number_codec(clearable: bool, is_int: bool = False) -> UrlCodec:
    """number_input: the number (an int widget truncates ``5.7`` to 5, as Streamlit); ``?k=`` empties a
    widget whose value may be None."""
    def read(values: list[str]) -> float | None:
        text = _last(values)
        return None if text == "" else int(float(text)) if is_int else float(text)

    return UrlCodec(lambda v: [""] if v is None else [number_text(v)], read, clearable, normalize=_number)


def int_codec(clearable: bool = False) -> UrlCodec:
    """feedback (the rating) and pagination (the page number)."""
    def read(values: list[str]) -> int | None:
        text = _last(values)
        return None if text == "" else int(text)

    return UrlCodec(lambda v: [""] if v is None else [str(v)], read, clearable)


def option_codec(options: list[Any], labels: Sequence[str], indices: Callable[[Any], list[int]], *,
                 multi: bool, clearable: bool, accept_new: bool = False, max_length: int | None = None,
                 allow_duplicates: bool = False, pair: bool = False) -> UrlCodec:
    """Option widgets: each chosen option by its label.

    ``indices(value)`` gives the chosen options' indices. ``multi``: a list value
    (``pair``: a 2-tuple, a range). Labels that are no option are dropped (kept as text
    with ``accept_new``), repeats dropped unless ``allow_duplicates``, at most
    ``max_length`` kept; nothing left of a non-empty parameter is invalid.
    """
    position = {text: i for i, text in reversed(list(enumerate(labels)))}

    def write(value: Any) -> list[str]:
        if value is None:
            return [""]
        found = [labels[i] if isinstance(i, int) else str(i) for i in indices(value)]
        return found or [""]

    def pick(text: str) -> Any:
        if text in position:
            return options[position[text]]
        if accept_new:
            return text
        raise ValueError(f"not an option: {text!r}")

    def read(values: list[str]) -> Any:
        if not multi:
            text = _last(values)
            return None if text == "" else pick(text)
        texts = [t for t in values if t != ""]
        kept = [t for t in texts if t in position or accept_new]
        if not allow_duplicates:
            kept = list(dict.fromkeys(kept))
        if max_length:
            kept = kept[:max_length]
        if texts and not kept:
            raise ValueError("no value is an option")
        picked = [pick(t) for t in kept]
        if pair:
            if len(picked) == 1:
                picked = picked * 2
            if len(picked) != 2:
                raise ValueError("a range needs two values")
            return tuple(picked)
        return picked

    return UrlCodec(write, read, clearable)


def single_of_list(codec: UrlCodec) -> UrlCodec:
    """A single-choice widget whose URL is a list of at most one label (pills, segmented_control).

    ``codec``'s ``indices`` takes the single value itself.
    """
    def read(values: list[str]) -> Any:
        picked = codec.from_url(values)
        return picked[0] if picked else None

    return UrlCodec(codec.to_url, read, codec.clearable)


def slider_codec(is_range: bool, is_float: bool) -> UrlCodec:
    """Numeric slider: the number, or two repeated for a range."""
    def read(values: list[str]) -> Any:
        numbers = [float(t) for t in values if t != ""]
        numbers = [n if is_float else int(n) for n in numbers]  # an int slider truncates, as Streamlit
        if len(numbers) != (2 if is_range else 1):
            numbers = numbers[-1:] if not is_range else numbers
        if is_range:
            if len(numbers) != 2:
                raise ValueError("a range needs two numbers")
            return tuple(numbers)
        return numbers[0]

    return UrlCodec(lambda v: [number_text(x) for x in (v if is_range else [v])], read, normalize=_number)


def temporal_text(value: Any, kind: str) -> str:
    """A date, time or datetime as Streamlit's sliders write it: ``2024-01-31``, ``14:30``, ``2024-01-31T14:30``."""
    if kind == "date":
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if kind == "time":
        return value.strftime("%H:%M" if value.second == 0 else "%H:%M:%S")
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value:%H:%M}"
    return text if value.second == 0 else text + f":{value.second:02d}"


def _temporal(text: str, kind: str) -> Any:
    try:
        micros = float(text)  # Streamlit also reads microseconds since the epoch
    except ValueError:
        micros = None
    if micros is not None:
        moment = _EPOCH + timedelta(microseconds=micros)
        return moment.date() if kind == "date" else moment.time() if kind == "time" else moment
    if kind == "date":
        return datetime.strptime(text, "%Y-%m-%d").date() if "/" not in text else \
            datetime.strptime(text, "%Y/%m/%d").date()
    if kind == "time":
        return time.fromisoformat(text)
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def temporal_slider_codec(kind: str, is_range: bool, lo: Any, hi: Any) -> UrlCodec:
    """Date, time and datetime sliders: ISO text, two repeated for a range; outside ``lo..hi`` is invalid."""
    def read(values: list[str]) -> Any:
        moments = [_temporal(t, kind) for t in values if t != ""]
        if any(not lo <= m <= hi for m in moments):
            raise ValueError("outside the slider's bounds")
        if len(moments) != (2 if is_range else 1):
            if is_range:
                raise ValueError("a range needs two values")
            moments = moments[-1:]
        return tuple(moments) if is_range else moments[0]

    return UrlCodec(lambda v: [temporal_text(x, kind) for x in (v if is_range else [v])], read)


def date_codec(is_range: bool, clearable: bool) -> UrlCodec:
    """date_input: ``2024-01-31`` (``2024/01/31`` read too); a range as two repeated dates."""
    def write(value: Any) -> list[str]:
        days = [d for d in as_list(value) if d is not None]
        return [temporal_text(d, "date") for d in days] or [""]

    def read(values: list[str]) -> Any:
        days = [_temporal(t, "date") for t in values if t != ""]
        if is_range:
            return tuple(days[:2])
        return days[0] if days else None

    return UrlCodec(write, read, clearable)


def time_codec(seconds: bool, clearable: bool) -> UrlCodec:
    """time_input: ``14:30`` (``14:30:15`` when the step has seconds)."""
    def read(values: list[str]) -> time | None:
        text = _last(values)
        if text == "":
            return None
        parsed = time.fromisoformat(text)
        return parsed if seconds else parsed.replace(second=0, microsecond=0)

    return UrlCodec(lambda v: [""] if v is None else [v.strftime("%H:%M:%S" if seconds else "%H:%M")], read,
                    clearable)


def datetime_codec(clearable: bool) -> UrlCodec:
    """datetime_input: ``2024-01-31T14:30`` (``2024/01/31, 14:30`` read too)."""
    def read(values: list[str]) -> datetime | None:
        text = _last(values)
        if text == "":
            return None
        for fmt in ("%Y-%m-%dT%H:%M", "%Y/%m/%d, %H:%M"):
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
        return datetime.fromisoformat(text).replace(tzinfo=None)

    def write(value: Any) -> list[str]:
        if value is None:
            return [""]
        return [f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value:%H:%M}"]

    return UrlCodec(write, read, clearable)
