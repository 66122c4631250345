"""Typed-in strings: text_input, text_area and color_picker."""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from nbapp.elements.policies import check_icon, check_str, fail, got, is_int
from nbapp.elements.registry import Frontend, element
from nbapp.elements.widgets.url import color_codec, text_codec
from nbapp.errors import describe
from nbapp.runtime.state import warn_value_rejected

# type -> (the input's HTML type, icon, placeholder, (regex, message), autocomplete): Streamlit's
# defaults for each type, which an explicit argument replaces and "" turns off. The regexes are
# JavaScript-flavoured (checked in the browser) and mean the same in Python (checked again here).
TEXT_TYPES = {
    "default": ("text", None, None, None, ""),
    "password": ("password", None, None, None, "new-password"),
    "email": ("email", "nbapp:mail", "you@example.com",
              (r"^[^\s@]+@[^\s@]+\.[^\s@]+$", "Enter a valid email address."), "email"),
    "url": ("url", "nbapp:link", "https://example.com",
            (r"^([Hh][Tt][Tt][Pp][Ss]?://)?[^\s/.]+\.[^\s]+$", "Enter a valid URL."), "url"),
    "phone": ("tel", "nbapp:call", "+1 234 567 8900", None, "tel"),
    "search": ("search", "nbapp:search", "Search", None, "off"),
}
LIVE_PAUSE_MS = 250  # live=True: commit after this pause in typing, as Streamlit
MAX_LIVE_PAUSE_MS = 60_000
INVALID = "Invalid value."  # shown when a validate regex fails and gives no message of its own
_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def _text_input_static(props: dict[str, Any]) -> str:
    label = html.escape(props.get("label") or "")
    value = "" if props.get("type") == "password" else html.escape(props.get("value") or "", quote=True)
    return (f'<div class="nbapp-label">{label}</div><input class="nbapp-text-field" disabled value="{value}" '
            f'placeholder="{html.escape(props.get("placeholder") or "", quote=True)}">')


@element(frontend=Frontend("text_input.js", css="text_input.css"), static=_text_input_static)
def text_input(dg, label: str, value: str | None = "", max_chars: int | None = None, key: str | None = None,
               type: str = "default", help: str | None = None, autocomplete: str | None = None,
               on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None, *,
               placeholder: str | None = None, disabled: bool = False,
               label_visibility: str = "visible",
               required: bool = False, icon: str | None = None, validate: Any = None, live: str | bool = False,
               width: int | str = "stretch", bind: str | None = None, persist_state: Any = None) -> str | None:
    """Display a one-line text box; returns its text (None while empty when ``value=None``).

    The app sees the text when the user presses Enter or leaves the box, or with ``live``
    after a pause in typing (True: 250 ms, or a duration string such as "500ms").
    ``type`` is "default", "password" (masked), "email", "url", "phone" or "search"; the last
    four bring an icon, a placeholder, an autocomplete hint and (email, url) a format check,
    each replaced by an explicit ``icon`` / ``placeholder`` / ``validate`` / ``autocomplete``
    and turned off by "". ``validate`` is a regex the text must match, or (regex, message):
    text that does not match is not sent, the box says why. With ``required``, an empty box
    is not sent. Raises NbappAPIError for an unknown ``type``, a bad ``max_chars``,
    ``validate`` or ``live``, or a ``value`` longer than ``max_chars``.

    Examples
    --------
    >>> name = st.text_input("Run name", placeholder="baseline-01", max_chars=40)
    """
    if type not in TEXT_TYPES:
        names = ", ".join(repr(t) for t in TEXT_TYPES)
        raise fail("text_input", label, f"type must be one of {names}; got {got(type)}.")
    check_str("text_input", "autocomplete", autocomplete, label=label)
    input_type, type_icon, type_placeholder, type_rule, type_autocomplete = TEXT_TYPES[type]
    pattern, message = _rule(label, type_rule if validate is None else validate)
    extra = {"type": type, "input_type": input_type, "required": bool(required), "live": _live_ms(label, live),
             "autocomplete": type_autocomplete if autocomplete is None else autocomplete,
             "icon": type_icon if icon is None else (check_icon("text_input", icon) if icon else None),
             "pattern": pattern, "message": message}
    return _text(dg, "text_input", label, value, max_chars, key, help, on_change, args, kwargs,
                 type_placeholder if placeholder is None else placeholder, disabled, label_visibility, extra,
                 bind=bind, persist_state=persist_state, width=width)


def _rule(label: str, validate: Any) -> tuple[str | None, str | None]:
    """The (regex, message) that text must match: None, a regex, or a (regex, message) pair; "" is none."""
    if validate is None or validate == "":
        return None, None
    if isinstance(validate, str):
        regex, message = validate, INVALID
    elif isinstance(validate, tuple) and len(validate) == 2 and all(isinstance(v, str) for v in validate):
        regex, message = validate
    else:
        raise fail("text_input", label, f"validate must be None, a regex string or a (regex, message) tuple of "
                                        f"strings; got {got(validate)}.")
    try:
        re.compile(regex)
    except re.error as err:
        raise fail("text_input", label, f"validate is not a regular expression ({err}): {regex!r}.") from None
    return regex, message or INVALID


def _live_ms(label: str, live: Any) -> int | None:
    """``live`` as a pause in milliseconds (0: every change), or None when the box commits on Enter / leaving."""
    if live is False:
        return None
    if live is True:
        return LIVE_PAUSE_MS
    if not isinstance(live, str):
        raise fail("text_input", label, f"live must be True, False or a duration string such as '300ms' or "
                                        f"'0.5s' (a number has no unit: live=300 is not milliseconds); got {got(live)}.")
    import pandas as pd  # the duration strings cache_data's ttl takes

    try:
        seconds = pd.Timedelta(live).total_seconds()
    except (ValueError, TypeError):
        seconds = None
    if seconds is None or not 0 <= seconds * 1000 <= MAX_LIVE_PAUSE_MS:
        raise fail("text_input", label, f"live must be a duration from '0ms' to '1m' such as '300ms'; got {got(live)}.")
    return max(1, round(seconds * 1000)) if seconds > 0 else 0


@element()
def text_area(dg, label: str, value: str | None = "", height: int | str | None = None, max_chars: int | None = None,
              key: str | None = None, help: str | None = None, on_change: Callable | str | None = "rerun",
              args: tuple | None = None, kwargs: dict | None = None, *, placeholder: str | None = None,
              disabled: bool = False, label_visibility: str = "visible",
              required: bool = False, width: int | str = "stretch", bind: str | None = None,
              persist_state: Any = None) -> str | None:
    """Display a multi-line text box; returns its text (None while empty when ``value=None``).

    ``height`` is in pixels (drawn at least 68 high, as Streamlit does); "content" and
    "stretch" are accepted and drawn at the default height. Raises NbappAPIError for a bad height or
    ``max_chars``, or a ``value`` longer than ``max_chars``.

    Examples
    --------
    >>> prompt = st.text_area("Prompt", "Summarize:", height=150)
    """
    if height is not None and height not in ("content", "stretch") and (not is_int(height) or height < 1):
        raise fail("text_area", label, f'height must be None, a positive int (pixels), "stretch" or "content", '
                                       f"got {describe(height)}.")
    return _text(dg, "text_area", label, value, max_chars, key, help, on_change, args, kwargs, placeholder,
                      disabled, label_visibility, {"height": height},
                 bind=bind, persist_state=persist_state, width=width)


def _text(dg, kind, label, value, max_chars, key, help, on_change, args, kwargs, placeholder, disabled,
          label_visibility, extra, *, bind=None, persist_state=None, width=None) -> str | None:
    if max_chars is not None and (not is_int(max_chars) or max_chars < 1):
        raise fail(kind, label, f"max_chars must be a positive int or None, got {describe(max_chars)}.")
    check_str(kind, "placeholder", placeholder, label=label)
    default = None if value is None else str(value)
    if default is not None and max_chars is not None and len(default) > max_chars:
        raise fail(kind, label, f"value has {len(default)} characters, more than max_chars={max_chars}: "
                                "shorten the value or raise max_chars.")

    pattern = extra.get("pattern")

    def deserialize(raw: Any) -> str | None:
        if raw is None or raw == "" and default is None:
            return None
        if not isinstance(raw, str):
            warn_value_rejected(kind, label, raw, "is not text; kept the default")
            return default
        if max_chars is not None and len(raw) > max_chars:
            warn_value_rejected(kind, label, raw, f"was cut to max_chars={max_chars}")
            return raw[:max_chars]
        # The page checks too; this holds for a browser that skipped it (the check is the app's).
        if raw and pattern is not None and re.search(pattern, raw, re.S) is None:
            warn_value_rejected(kind, label, raw, f"does not match validate={pattern!r}; kept the default")
            return default
        if extra.get("required") and not raw.strip():
            warn_value_rejected(kind, label, raw, "is empty and the box is required; kept the default")
            return default
        return raw

    return dg._widget(
        kind, label, key=key, default=default,
        identity={"label": label, "value": default, "max_chars": max_chars, "help": help,
                  "placeholder": placeholder, **extra},
        bounds={"max_chars": max_chars},
        props={"max_chars": max_chars, "placeholder": placeholder or "", **extra},
        serialize=lambda v: "" if v is None else str(v), deserialize=deserialize, on_change=on_change,
        args=args, kwargs=kwargs, help=help, disabled=disabled, label_visibility=label_visibility,
        bind=bind, persist_state=persist_state, url=text_codec(), width=width,
    )


@element()
def color_picker(dg, label: str, value: str | None = None, key: str | None = None, help: str | None = None,
                 on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None, *,
                 disabled: bool = False, label_visibility: str = "visible",
                 width: int | str = "content", bind: str | None = None, persist_state: Any = None) -> str:
    """Display a color swatch that opens a picker; returns the color as a hex string ("#rrggbb").

    ``value`` defaults to black. Raises NbappAPIError when it is not a hex color.

    Examples
    --------
    >>> color = st.color_picker("Line color", "#1c83e1")
    """
    default = "#000000" if value is None else value
    if not isinstance(default, str) or not _HEX_COLOR.match(default):
        raise fail("color_picker", label, f"value must be a hex color such as '#ff8800' or '#f80', "
                                          f"got {describe(value)}.")

    def deserialize(raw: Any) -> str:
        if isinstance(raw, str) and _HEX_COLOR.match(raw):
            return raw
        warn_value_rejected("color_picker", label, raw, "is not a hex color; kept the default")
        return default

    return dg._widget("color_picker", label, key=key, default=default,
                        identity={"label": label, "value": default, "help": help},
                        deserialize=deserialize, on_change=on_change, args=args, kwargs=kwargs, help=help,
                        disabled=disabled, label_visibility=label_visibility, bind=bind, persist_state=persist_state,
                        url=color_codec(), width=width)
