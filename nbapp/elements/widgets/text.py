"""Typed-in strings: text_input, text_area and color_picker."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from nbapp.elements.policies import check_str, fail, is_int
from nbapp.elements.registry import element
from nbapp.elements.widgets.url import color_codec, text_codec
from nbapp.errors import describe
from nbapp.runtime.state import warn_value_rejected

TEXT_TYPES = ("default", "password")
MIN_TEXT_AREA_HEIGHT = 68  # pixels, as in Streamlit: below it the box cannot show two lines
_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


@element()
def text_input(dg, label: str, value: str | None = "", max_chars: int | None = None, key: str | None = None,
               type: str = "default", help: str | None = None, autocomplete: str | None = None,
               on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None, *,
               placeholder: str | None = None, disabled: bool = False,
               label_visibility: str = "visible",
               required: bool = False, icon: str | None = None, validate: Any = None, live: str | bool = False,
               width: int | str = "stretch", bind: str | None = None, persist_state: Any = None) -> str | None:
    """Display a one-line text box; returns its text (None while empty when ``value=None``).

    The app sees the text when the user presses Enter or leaves the box. ``type="password"``
    masks it. Raises NbappAPIError for an unknown ``type``, a bad ``max_chars`` or a
    ``value`` longer than ``max_chars``.

    Examples
    --------
    >>> name = st.text_input("Run name", placeholder="baseline-01", max_chars=40)
    """
    if type not in TEXT_TYPES:
        raise fail("text_input", label, f"type must be 'default' or 'password', got {describe(type)}.")
    check_str("text_input", "autocomplete", autocomplete, label=label)
    return _text(dg, "text_input", label, value, max_chars, key, help, on_change, args, kwargs, placeholder,
                      disabled, label_visibility, {"type": type, "autocomplete": autocomplete},
                 bind=bind, persist_state=persist_state, width=width)


@element()
def text_area(dg, label: str, value: str | None = "", height: int | None = None, max_chars: int | None = None,
              key: str | None = None, help: str | None = None, on_change: Callable | str | None = "rerun",
              args: tuple | None = None, kwargs: dict | None = None, *, placeholder: str | None = None,
              disabled: bool = False, label_visibility: str = "visible",
              required: bool = False, width: int | str = "stretch", bind: str | None = None,
              persist_state: Any = None) -> str | None:
    """Display a multi-line text box; returns its text (None while empty when ``value=None``).

    ``height`` is in pixels (at least 68). Raises NbappAPIError for a bad height or
    ``max_chars``, or a ``value`` longer than ``max_chars``.

    Examples
    --------
    >>> prompt = st.text_area("Prompt", "Summarize:", height=150)
    """
    if height is not None and (not is_int(height) or height < MIN_TEXT_AREA_HEIGHT):
        raise fail("text_area", label, f"height must be None or an int of at least {MIN_TEXT_AREA_HEIGHT} "
                                       f"(pixels), got {describe(height)}.")
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

    def deserialize(raw: Any) -> str | None:
        if raw is None or raw == "" and default is None:
            return None
        if not isinstance(raw, str):
            warn_value_rejected(kind, label, raw, "is not text; kept the default")
            return default
        if max_chars is not None and len(raw) > max_chars:
            warn_value_rejected(kind, label, raw, f"was cut to max_chars={max_chars}")
            return raw[:max_chars]
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
