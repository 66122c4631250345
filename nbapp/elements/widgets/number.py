"""number_input: an int or float typed in, or stepped with − / + (None while empty when ``value=None``)."""
from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from typing import Any

from nbapp.elements.policies import check_str, fail
from nbapp.elements.registry import element
from nbapp.elements.widgets.url import number_codec
from nbapp.errors import describe
from nbapp.runtime.state import warn_value_rejected


def _is_number(v: Any) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


@element()
def number_input(dg, label: str, min_value: int | float | None = None, max_value: int | float | None = None,
                 value: Any = "min", step: int | float | None = None, format: str | None = None,
                 key: str | None = None, help: str | None = None, on_change: Callable | str | None = "rerun",
                 args: tuple | None = None, kwargs: dict | None = None, *, placeholder: str | None = None,
                 disabled: bool = False, label_visibility: str = "visible",
                 required: bool = False, icon: str | None = None, width: int | str = "stretch",
                 bind: str | None = None, persist_state: Any = None) -> int | float | None:
    """Display a number box with − / + buttons; returns its number (None while empty when ``value=None``).

    Ints when every given number is an int, else floats. ``value="min"`` starts at
    ``min_value`` (or 0). ``step`` defaults to 1 or 0.01 and ``format`` (printf) to "%d"
    or "%0.2f". Raises NbappAPIError for mixed ints and floats, min > max, a value
    outside min..max, a step that is not positive or a bad format.

    Examples
    --------
    >>> epochs = st.number_input("Epochs", min_value=1, max_value=500, value=20)
    >>> lr = st.number_input("Learning rate", value=0.001, step=0.0005, format="%.4f")
    """
    given = {name: v for name, v in (("min_value", min_value), ("max_value", max_value),
                                     ("value", value), ("step", step)) if v is not None and v != "min"}
    for name, v in given.items():
        if not _is_number(v):
            raise fail("number_input", label, f"{name} must be an int or float, got {describe(v)} "
                                              f"({type(v).__name__}).")
    floats = [n for n, v in given.items() if not isinstance(v, numbers.Integral)]
    is_int = bool(given) and not floats
    if floats and len(floats) != len(given):
        kinds = ", ".join(f"{n}={given[n]!r} ({type(given[n]).__name__})" for n in given)
        raise fail("number_input", label, f"min_value, max_value, value and step must all be ints or all "
                                          f"floats; got {kinds}. Write e.g. 1.0 instead of 1.")
    cast = int if is_int else float
    lo = None if min_value is None else cast(min_value)
    hi = None if max_value is None else cast(max_value)
    step = cast(step) if step is not None else (1 if is_int else 0.01)
    if lo is not None and hi is not None and lo > hi:
        raise fail("number_input", label, f"min_value ({lo}) must be <= max_value ({hi}).")
    if step <= 0:
        raise fail("number_input", label, f"step must be positive, got {step}.")
    default = (lo if lo is not None else cast(0)) if value == "min" else None if value is None else cast(value)
    if default is not None and (lo is not None and default < lo or hi is not None and default > hi):
        raise fail("number_input", label, f"value {default} is outside min_value..max_value ({lo}..{hi}).")
    format = _check_format(label, format, is_int)
    check_str("number_input", "placeholder", placeholder, label=label)

    def deserialize(raw: Any) -> int | float | None:
        if raw is None:
            if default is None:
                return None
            warn_value_rejected("number_input", label, raw, "is empty but the widget needs a number; "
                                                            "kept the default")
            return default
        if not _is_number(raw) or not math.isfinite(raw):
            warn_value_rejected("number_input", label, raw, "is not a finite number; kept the default")
            return default
        number = cast(raw) if not is_int or raw == int(raw) else int(round(raw))
        clamped = min(max(number, lo if lo is not None else number), hi if hi is not None else number)
        if clamped != raw:
            warn_value_rejected("number_input", label, raw, f"was changed to {clamped} (a {cast.__name__} "
                                                            f"within {lo}..{hi})")
        return clamped

    def serialize(v: Any) -> int | float | None:
        if v is not None and not _is_number(v):
            raise fail("number_input", label, f"the widget's value {describe(v)} is not a number.")
        return v

    return dg._widget(
        "number_input", label, key=key, default=default,
        identity={"label": label, "value": value if value in (None, "min") else default, "format": format,
                  "help": help, "placeholder": placeholder},
        bounds={"min": lo, "max": hi, "step": step, "dtype": cast.__name__},
        props={"min": lo, "max": hi, "step": step, "format": format, "dtype": cast.__name__,
               "placeholder": placeholder or "", "nullable": default is None},
        serialize=serialize, deserialize=deserialize, on_change=on_change, args=args, kwargs=kwargs,
        help=help, disabled=disabled, label_visibility=label_visibility,
        bind=bind, persist_state=persist_state, url=number_codec(clearable=default is None, is_int=is_int), width=width,
    )


def _check_format(label: str, format: Any, is_int: bool) -> str:
    """Return the printf format (Streamlit's defaults "%d" / "%0.2f"); raise NbappAPIError if it cannot format."""
    if format is None:
        return "%d" if is_int else "%0.2f"
    try:
        if not isinstance(format, str):
            raise TypeError(format)
        format % (1 if is_int else 1.5)
    except (TypeError, ValueError):
        raise fail("number_input", label, f"format must be a printf-style format with one number, "
                                          f"such as '%d', '%.3f' or '%e'; got {describe(format)}.") from None
    return format
