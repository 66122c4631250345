"""The argument checks every element shares, with one message format.

Every message reads ``st.fn(): arg must be ..., got VALUE (TYPE).`` and, for a widget,
names its label too: ``st.slider('x'): ...``. All raise :class:`NbappAPIError`.
"""
from __future__ import annotations

import re
from typing import Any

import emoji

from nbapp.errors import NbappAPIError, describe

LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")
_SHORTCODE_RE = re.compile(r"^:[a-z0-9_+\-]+:$")


def fail(fn: str, label: str | None, message: str) -> NbappAPIError:
    """Return the error to raise for a bad argument of ``st.fn`` (of the widget ``label``, if given).

    ``message`` says what is wrong and how to fix it.
    """
    where = "" if label is None else repr(label)
    return NbappAPIError(f"st.{fn}({where}): {message}")


def got(value: Any) -> str:
    """Return ``VALUE (TYPE)`` for the end of a message."""
    return f"{describe(value)} ({type(value).__name__})"


def is_int(value: Any) -> bool:
    """True for ints that are not bools (``True`` is not an index)."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_type(fn: str, arg: str, value: Any, types: type | tuple[type, ...], *, label: str | None = None) -> None:
    """Raise unless ``value`` is of ``types`` (a bool only passes where ``bool`` is named)."""
    types = types if isinstance(types, tuple) else (types,)
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        names = " or ".join(t.__name__ for t in types)
        raise fail(fn, label, f"{arg} must be {names}, got {got(value)}.")


def check_str(fn: str, arg: str, value: Any, *, optional: bool = True, label: str | None = None) -> None:
    """Raise unless ``value`` is a str (or None when ``optional``)."""
    if not isinstance(value, str) and not (optional and value is None):
        raise fail(fn, label, f"{arg} must be a str{' or None' if optional else ''}, got {got(value)}.")


def check_bool(fn: str, arg: str, value: Any, *, label: str | None = None) -> None:
    """Raise unless ``value`` is a bool (or a numpy bool)."""
    numpy_bool = getattr(getattr(value, "dtype", None), "kind", None) == "b" and getattr(value, "shape", None) == ()
    if not isinstance(value, bool) and not numpy_bool:
        raise fail(fn, label, f"{arg} must be True or False, got {got(value)}.")


def check_choice(fn: str, arg: str, value: Any, choices: tuple, *, label: str | None = None) -> None:
    """Raise unless ``value`` is one of ``choices``."""
    if value not in choices:
        raise fail(fn, label, f"{arg} must be one of {', '.join(map(repr, choices))}; got {describe(value)}.")


def check_key(fn: str, key: Any, *, label: str | None = None) -> str | None:
    """Return ``key`` as a str (None stays None): like Streamlit, any key is converted with ``str()``
    (``key=3`` and ``key="3"`` name the same widget).

    Raises NbappAPIError for a key whose ``str()`` fails.
    """
    if key is None:
        return None
    try:
        return str(key)
    except Exception as err:
        raise fail(fn, label, f"key must be a str or int (or anything str() accepts), got {type(key).__name__}: "
                              f"{err}.") from None


def check_callback(fn: str, arg: str, callback: Any, *, label: str | None = None) -> None:
    """Raise unless ``callback`` is None or callable."""
    if callback is not None and not callable(callback):
        raise fail(fn, label, f"{arg} must be a function (or None), got {got(callback)}.")


def check_icon(fn: str, icon: Any) -> str | None:
    """Return ``icon`` as one emoji (shortcodes like ``:rocket:`` are converted) or ``:material/name:``.

    Raises NbappAPIError for anything else.
    """
    if icon is None or (isinstance(icon, str) and icon.startswith(":material/") and icon.endswith(":")):
        return icon
    if isinstance(icon, str):
        glyph = emoji.emojize(icon, language="alias") if _SHORTCODE_RE.match(icon) else icon
        if emoji.purely_emoji(glyph) and len(emoji.emoji_list(glyph)) == 1:
            return glyph
    raise fail(fn, None, "icon must be a single emoji (e.g. '🚨' or ':rotating_light:') or ':material/name:', "
                         f"got {describe(icon)}.")
