"""Sliders: slider (numbers, single value or range)."""
from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

from nbapp.errors import NbappAPIError, describe
from nbapp.runtime.state import warn_value_rejected


def _is_number(v: Any) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


class SliderMixin:
    """Slider widgets."""

    def slider(self, label: str, min_value: Any = None, max_value: Any = None, value: Any = None,
               step: Any = None, format: str | None = None, key: str | None = None, help: str | None = None,
               on_change: Callable | None = None, args: tuple | None = None, kwargs: dict | None = None, *,
               disabled: bool = False, label_visibility: str = "visible") -> Any:
        """Display a slider; returns its current value (a number, or a tuple for a range).

        ``value`` given as a 2-item list or tuple makes a range slider. Defaults as in
        Streamlit: ints 0..100 step 1, floats 0.0..1.0 step 0.01, value = min.
        Raises NbappAPIError when min > max, the value is outside min..max, step is not
        positive, or the types are mixed.

        Examples
        --------
        >>> x = st.slider("x", 0, 100, 25)
        """
        is_range = isinstance(value, (list, tuple))
        values = list(value) if is_range else [value]
        if is_range and len(values) != 2:
            raise NbappAPIError(f"st.slider({label!r}): a range value must have 2 items, got {describe(value)}.")
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

        return self._widget(
            "slider", label, key=key, default=default,
            identity={"label": label, "value": default, "format": format, "help": help},
            bounds={"min": lo, "max": hi, "step": step},
            props={"min": lo, "max": hi, "step": cast(step), "format": format, "range": is_range,
                   "dtype": "float" if is_float else "int"},
            deserialize=deserialize, on_change=on_change, args=args, kwargs=kwargs, help=help,
            disabled=disabled, label_visibility=label_visibility,
        )
