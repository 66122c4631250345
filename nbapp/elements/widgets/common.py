"""What widget families share: options, labels, indices, argument checks, browser-value guards."""
from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

from nbapp.elements.policies import fail, is_int
from nbapp.errors import describe
from nbapp.runtime.state import warn_value_rejected


def options_list(fn: str, label: str, options: Any) -> list[Any]:
    """Return ``options`` as a list of plain Python values, as Streamlit 1.67 reads them.

    Any iterable; a dict's keys; a DataFrame's (or 2-D array's) first column; a numpy array,
    Series or Index as its ``tolist()`` (Python ints and floats, not numpy scalars); an Enum
    class its members (a str Enum its values); None no options; a lone str, number or bool
    one option. Raises NbappAPIError for anything else.
    """
    if options is None:
        return []
    if isinstance(options, (str, int, float, bool)):
        return [options]
    if isinstance(options, enum.EnumMeta):
        return [member.value if isinstance(member, str) else member for member in options]
    if hasattr(options, "columns") and hasattr(options, "iloc"):  # a DataFrame: its first column
        return options.iloc[:, 0].tolist() if len(options.columns) else []
    if type(options).__name__ == "ndarray" and getattr(options, "ndim", 1) > 1:
        return [row[0] for row in options.tolist() if len(row)]
    if callable(getattr(options, "tolist", None)) and isinstance(options, Iterable):  # numpy, pandas
        return list(options.tolist())
    if isinstance(options, bytes) or not isinstance(options, Iterable):
        raise fail(fn, label, f"options must be a list (or any iterable) of choices, got {describe(options)}.")
    return list(options)


def format_labels(fn: str, label: str, options: list[Any], format_func: Callable[[Any], Any]) -> list[str]:
    """Return the text shown for each option: ``str(format_func(option))``.

    Raises NbappAPIError when ``format_func`` is not callable.
    """
    if not callable(format_func):
        raise fail(fn, label, f"format_func must be a function of one option, got {describe(format_func)}.")
    return [str(format_func(option)) for option in options]


def index_of(options: list[Any], value: Any) -> int | None:
    """Return the index of the first option equal to ``value``, or None."""
    for i, option in enumerate(options):
        if option is value:
            return i
    for i, option in enumerate(options):
        try:
            if bool(option == value):
                return i
        except (TypeError, ValueError):  # arrays and other elementwise comparisons
            continue
    return None


def require_index(fn: str, label: str, options: list[Any], value: Any, what: str = "value") -> int:
    """Return the index of ``value`` in ``options``; raise NbappAPIError naming it when absent."""
    i = index_of(options, value)
    if i is None:
        shown = ", ".join(describe(o, 20) for o in options[:8]) + (", ..." if len(options) > 8 else "")
        raise fail(fn, label, f"{what} {describe(value)} is not one of the options ({shown}).")
    return i


def check_index(fn: str, label: str, index: Any, count: int) -> None:
    """Raise NbappAPIError unless ``index`` is None or an int in ``0..count-1``."""
    if index is None:
        return
    if not is_int(index):
        raise fail(fn, label, f"index must be an int or None, got {describe(index)} ({type(index).__name__}).")
    if not 0 <= index < max(count, 1):  # index 0 of no options means "nothing selected"
        raise fail(fn, label, f"index {index} is out of range: there are {count} options "
                              f"(valid: 0..{count - 1} or None).")






def choose(kind: str, label: str, options: list[Any], default: Any) -> Callable[[Any], Any]:
    """Return the ``deserialize`` of a one-of-the-options widget whose wire value is an index (or None).

    A bad index from the browser warns (RuntimeWarning) and gives ``default``.
    """

    def deserialize(raw: Any) -> Any:
        if raw is None:
            return None
        if is_int(raw) and 0 <= raw < len(options):
            return options[raw]
        warn_value_rejected(kind, label, raw, f"is not an option index (0..{len(options) - 1}); kept the default")
        return default

    return deserialize


def indexer(kind: str, label: str, options: list[Any], labels: list[str],
            format_func: Callable[[Any], Any]) -> Callable[[Any], int | None]:
    """Return the ``serialize`` of an option widget: the value's index among ``options`` (None for None).

    It falls back to the value's label, so options rebuilt every run (new objects that
    compare unequal) keep their selection; it raises NbappAPIError when the value (e.g.
    set in st.session_state) is not an option.
    """

    def serialize(value: Any) -> int | None:
        if value is None:
            return None
        i = index_of(options, value)
        if i is None:
            try:
                i = index_of(labels, str(format_func(value)))
            except Exception:  # format_func may not accept a foreign value
                i = None
        return require_index(kind, label, options, value, "the widget's value") if i is None else i

    return serialize


def as_list(value: Any) -> list[Any]:
    """Return ``value`` as a list: None is empty, a str or scalar is one item, an iterable its items."""
    if value is None:
        return []
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return [value]
    return list(value)
