"""Button-like choices drawn by one ES module (``choice.js``): pills, segmented_control, feedback,
menu_button and pagination.

The browser sends indices (a list for the button groups, an int for feedback and pagination,
``{"index", "seq"}`` for a menu click); ``deserialize`` maps them back to options, rejecting
what is out of range with a warning.

``on_change`` also takes Streamlit's "rerun" (the default) and "ignore" (a change is stored
without rerunning the app). ``bind="query-params"`` and ``persist_state`` work as in Streamlit
(see nbapp.runtime.binding).
"""
from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from nbapp.elements.policies import check_bool, check_choice, check_icon, fail, got, is_int
from nbapp.elements.registry import Frontend, element
from nbapp.elements.widgets.common import as_list, format_labels, index_of, options_list, require_index
from nbapp.elements.widgets.url import int_codec, option_codec, single_of_list
from nbapp.runtime.state import warn_value_rejected

SELECTION_MODES = ("single", "multi")
FEEDBACK = {"thumbs": ["👍", "👎"], "faces": ["😞", "🙁", "😐", "🙂", "😀"], "stars": ["★"] * 5}
# Thumbs show 👍 first but 👎 is 0, as in Streamlit.
FEEDBACK_VALUES = {"thumbs": [1, 0], "faces": [0, 1, 2, 3, 4], "stars": [0, 1, 2, 3, 4]}
BUTTON_TYPES = ("primary", "secondary", "tertiary")
CHOICE = Frontend("choice.js", css="choice.css")


def _static(props: dict[str, Any]) -> str:
    """The frozen look: the label and the options, the chosen ones marked."""
    style = props.get("style")
    chosen = set(as_list(props.get("value")))
    label = f'<div class="nbapp-label">{html.escape(props.get("label") or "")}</div>' if props.get("label") else ""
    if style == "pagination":
        return f'{label}<div class="nbapp-choice nbapp-choice-pagination">Page {props.get("value")} of ' \
               f'{props.get("num_pages")}</div>'
    if style == "menu_button":
        return f'<button class="nbapp-menu-button" disabled>{html.escape(props["label"])} ▾</button>'
    buttons = "".join(f'<button class="nbapp-choice-option{" nbapp-chosen" if i in chosen else ""}" disabled>'
                      f"{html.escape(text)}</button>" for i, text in enumerate(props.get("options", ())))
    return f'{label}<div class="nbapp-choice nbapp-choice-{style}">{buttons}</div>'


def _on_change(fn: str, label: str | None, on_change: Any) -> Callable | str | None:
    if on_change is None or (isinstance(on_change, str) and on_change in ("rerun", "ignore")):
        return on_change
    if not callable(on_change):
        raise fail(fn, label, f"on_change must be 'rerun', 'ignore', a function or None, got {got(on_change)}.")
    return on_change


def _group(dg, fn: str, label: str, options: Any, selection_mode: str, default: Any, required: bool,
           format_func: Any, key: Any, help: Any, on_change: Any, args: Any, kwargs: Any, disabled: bool,
           label_visibility: str, width: Any, bind: Any = None, persist_state: Any = None) -> Any:
    check_choice(fn, "selection_mode", selection_mode, SELECTION_MODES, label=label)
    check_bool(fn, "required", required, label=label)
    opts = options_list(fn, label, options)
    labels = format_labels(fn, label, opts, format_func or str)
    multi = selection_mode == "multi"
    indices = [require_index(fn, label, opts, d, "default value") for d in as_list(default)]
    if not multi and len(indices) > 1:
        raise fail(fn, label, f"default must be one option (selection_mode='single'), got {got(default)}.")
    initial: Any = [opts[i] for i in indices] if multi else (opts[indices[0]] if indices else None)

    def deserialize(raw: Any) -> Any:
        if not isinstance(raw, (list, tuple)) or not all(is_int(i) and 0 <= i < len(opts) for i in raw) or (
                not multi and len(raw) > 1):
            warn_value_rejected(fn, label, raw, f"is not a list of option indices (0..{len(opts) - 1}); "
                                                "kept the default")
            return initial
        if not raw and required and not multi:
            return initial
        picked = [opts[i] for i in raw]
        return picked if multi else (picked[0] if picked else None)

    def serialize(value: Any) -> list[int]:
        items = as_list(value) if multi else ([] if value is None else [value])
        found = []
        for item in items:
            i = index_of(opts, item)
            if i is None:
                i = index_of(labels, str((format_func or str)(item)))
            if i is None:
                i = require_index(fn, label, opts, item, "the widget's value")
            found.append(i)
        return found

    url = option_codec(opts, labels, serialize, multi=True, clearable=True, max_length=None if multi else 1)
    if not multi:
        url = single_of_list(url)
    value = dg._widget(
        fn, label, key=key, default=initial,
        identity={"label": label, "options": labels, "default": indices, "mode": selection_mode, "help": help,
                  "required": required},
        bounds={"options": labels, "mode": selection_mode},
        props={"options": labels, "selection_mode": selection_mode, "required": required, "style": fn,
               "width": width},
        serialize=serialize, deserialize=deserialize, on_change=_on_change(fn, label, on_change), args=args,
        kwargs=kwargs, help=help, disabled=disabled, label_visibility=label_visibility,
        bind=bind, persist_state=persist_state, url=url,
    )
    return list(value) if multi else value


@element(accessor="button_group", frontend=CHOICE, static=_static)
def pills(dg, label: str, options: Any, *, selection_mode: str = "single", default: Any = None,
          required: bool = False, format_func: Callable[[Any], str] | None = None, key: str | int | None = None,
          help: str | None = None, on_change: Callable | str | None = "rerun", args: tuple | None = None,
          kwargs: dict | None = None, disabled: bool = False, label_visibility: str = "visible",
          width: int | str = "content", wrap: bool | None = None, bind: str | None = None,
          persist_state: Any = None) -> Any:
    """Display a row of pill buttons; returns the chosen option (None when none), or with
    ``selection_mode="multi"`` the list of chosen options.

    Clicking the chosen pill again unselects it, unless ``required``. Raises NbappAPIError
    when a default is not an option, for several defaults in single mode, or a bad mode.

    Examples
    --------
    >>> mood = st.pills("Mood", ["😀 Happy", "😐 Meh", "😞 Sad"], default="😐 Meh")
    """
    return _group(dg, "pills", label, options, selection_mode, default, required, format_func, key, help,
                  on_change, args, kwargs, disabled, label_visibility, width, bind, persist_state)


@element(accessor="button_group", frontend=CHOICE, static=_static)
def segmented_control(dg, label: str, options: Any, *, selection_mode: str = "single", default: Any = None,
                      required: bool = False, format_func: Callable[[Any], str] | None = None,
                      key: str | int | None = None, help: str | None = None,
                      on_change: Callable | str | None = "rerun", args: tuple | None = None,
                      kwargs: dict | None = None, disabled: bool = False, label_visibility: str = "visible",
                      width: int | str = "content", wrap: bool | None = None, bind: str | None = None,
                      persist_state: Any = None) -> Any:
    """Display a segmented button bar; returns the chosen option (None when none), or with
    ``selection_mode="multi"`` the list of chosen options.

    Raises NbappAPIError as :func:`pills` does.

    Examples
    --------
    >>> view = st.segmented_control("View", ["Table", "Chart"], default="Table")
    """
    return _group(dg, "segmented_control", label, options, selection_mode, default, required, format_func, key,
                  help, on_change, args, kwargs, disabled, label_visibility, width, bind, persist_state)


@element(frontend=CHOICE, static=_static)
def feedback(dg, options: str = "thumbs", *, key: str | int | None = None, default: int | None = None,
             disabled: bool = False, on_change: Callable | str | None = "rerun", args: tuple | None = None,
             kwargs: dict | None = None, width: int | str = "content", bind: str | None = None,
             persist_state: Any = None) -> int | None:
    """Display a feedback widget; returns the rating as an int, or None before one is given.

    "thumbs": 1 for 👍, 0 for 👎; "faces": 0 (😞) to 4 (😀); "stars": 0 (one star) to 4
    (five). Clicking the chosen one again clears it. Raises NbappAPIError for other
    ``options`` or a ``default`` out of range.

    Examples
    --------
    >>> stars = st.feedback("stars")
    >>> if stars is not None:
    ...     st.write(f"You gave {stars + 1} stars")
    """
    check_choice("feedback", "options", options, tuple(FEEDBACK))
    values = FEEDBACK_VALUES[options]
    if default is not None and (not is_int(default) or default not in values):
        raise fail("feedback", None, f"default must be None or an int in 0..{len(values) - 1} for "
                                     f"options={options!r}, got {got(default)}.")

    def deserialize(raw: Any) -> int | None:
        if raw is None or (is_int(raw) and raw in values):
            return raw
        warn_value_rejected("feedback", options, raw, f"is not a rating (0..{len(values) - 1}); kept the default")
        return default

    return dg._widget(
        "feedback", "", key=key, default=default, identity={"options": options, "default": default},
        bounds={"options": options},
        props={"options": FEEDBACK[options], "values": values, "kind": options, "style": "feedback", "width": width},
        deserialize=deserialize, on_change=_on_change("feedback", None, on_change), args=args, kwargs=kwargs,
        disabled=disabled, label_visibility="collapsed", bind=bind, persist_state=persist_state,
        url=int_codec(clearable=True),
    )


@element(frontend=CHOICE, static=_static)
def menu_button(dg, label: str, options: Any, *, key: str | int | None = None, help: str | None = None,
                on_click: Callable | None = None, args: tuple | None = None, kwargs: dict | None = None,
                type: str = "secondary", icon: str | None = None, disabled: bool = False,
                width: int | str = "content", format_func: Callable[[Any], str] = str,
                wrap: bool | None = None) -> Any:
    """Display a button that opens a menu; returns the option clicked, on the run right after the
    click only (else None).

    Raises NbappAPIError for non-iterable options, a bad ``type`` or icon.

    Examples
    --------
    >>> action = st.menu_button("Export", ["CSV", "JSON"])
    >>> if action == "CSV":
    ...     st.download_button("Get CSV", df.to_csv(), "data.csv")
    """
    check_choice("menu_button", "type", type, BUTTON_TYPES, label=label)
    opts = options_list("menu_button", label, options)
    labels = format_labels("menu_button", label, opts, format_func)

    def deserialize(raw: Any) -> Any:
        index = raw.get("index") if isinstance(raw, dict) else raw
        if raw is None or raw is False:
            return None
        if is_int(index) and 0 <= index < len(opts):
            return opts[index]
        warn_value_rejected("menu_button", label, raw, f"is not an option index (0..{len(opts) - 1}); ignored it")
        return None

    def to_wire(value: Any) -> Any:
        return None if value is None else {"index": require_index("menu_button", label, opts, value, "value")}

    value = dg._widget(
        "menu_button", label, key=key, default=None, identity={"label": label, "options": labels, "help": help},
        bounds={"options": labels},
        props={"options": labels, "type": type, "icon": check_icon("menu_button", icon), "style": "menu_button",
               "width": width},
        serialize=lambda v: None, deserialize=deserialize, to_wire=to_wire, on_change=on_click, args=args,
        kwargs=kwargs, help=help, disabled=disabled, trigger=True,
    )
    return value if value is not False else None


@element(frontend=CHOICE, static=_static)
def pagination(dg, num_pages: int, *, default: int = 1, max_visible_pages: int | None = 7,
               width: int | str = "content", key: str | int | None = None,
               on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None,
               disabled: bool = False, bind: str | None = None, persist_state: Any = None) -> int:
    """Display page buttons (‹ 1 2 3 … ›); returns the current page number, from 1.

    Raises NbappAPIError unless ``num_pages`` is a positive int and ``default`` a page in
    ``1..num_pages``.

    Examples
    --------
    >>> page = st.pagination(len(rows) // 20 + 1)
    >>> st.dataframe(rows[(page - 1) * 20: page * 20])
    """
    if not is_int(num_pages) or num_pages < 1:
        raise fail("pagination", None, f"num_pages must be a positive int, got {got(num_pages)}.")
    if not is_int(default) or not 1 <= default <= num_pages:
        raise fail("pagination", None, f"default must be a page number in 1..{num_pages}, got {got(default)}.")
    if max_visible_pages is not None and (not is_int(max_visible_pages) or max_visible_pages < 1):
        raise fail("pagination", None, f"max_visible_pages must be a positive int or None, "
                                       f"got {got(max_visible_pages)}.")

    def deserialize(raw: Any) -> int:
        if is_int(raw) and 1 <= raw <= num_pages:
            return raw
        warn_value_rejected("pagination", "", raw, f"is not a page in 1..{num_pages}; kept the default")
        return default

    return dg._widget(
        "pagination", "", key=key, default=default, identity={"num_pages": num_pages, "default": default},
        bounds={"num_pages": num_pages},
        props={"num_pages": num_pages, "max_visible_pages": max_visible_pages, "style": "pagination",
               "width": width},
        deserialize=deserialize, on_change=_on_change("pagination", None, on_change), args=args, kwargs=kwargs,
        disabled=disabled, label_visibility="collapsed", bind=bind, persist_state=persist_state, url=int_codec(),
    )
