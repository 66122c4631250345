"""``st.column_config``: how ``st.dataframe`` and ``st.data_editor`` show, edit and check each column.

Each function returns a plain dict with Streamlit 1.67's shape (``label``, ``width``,
``help``, ``disabled``, ``required``, ``pinned``, ``alignment``, ``default`` and a
``type_config`` with the column's ``type`` and its options), so a script that builds or
inspects these dicts behaves as under Streamlit. Dates and times travel as ISO strings,
steps given as ``timedelta`` as seconds, as Streamlit does.

Examples
--------
>>> st.data_editor(df, column_config={
...     "price": st.column_config.NumberColumn("Price (USD)", min_value=0, format="$%d"),
...     "done": st.column_config.CheckboxColumn(default=False),
... })
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import Any

from nbapp.errors import NbappAPIError, describe

__all__ = [
    "AreaChartColumn", "AudioColumn", "BarChartColumn", "ButtonColumn", "CheckboxColumn", "Column",
    "DateColumn", "DatetimeColumn", "ImageColumn", "JsonColumn", "LineChartColumn", "LinkColumn",
    "ListColumn", "MarkdownColumn", "MultiselectColumn", "NumberColumn", "ProgressColumn",
    "SelectboxColumn", "TextColumn", "TimeColumn", "VideoColumn",
]

WIDTHS = ("small", "medium", "large")
ALIGNMENTS = ("left", "center", "right")


def _check(fn: str, width: Any, alignment: Any = None) -> None:
    if width is not None and width not in WIDTHS and not (isinstance(width, int) and not isinstance(width, bool)
                                                         and width > 0):
        raise NbappAPIError(f"st.column_config.{fn}(): width must be 'small', 'medium', 'large', a positive int "
                            f"(pixels) or None; got {describe(width)}.")
    if alignment is not None and alignment not in ALIGNMENTS:
        raise NbappAPIError(f"st.column_config.{fn}(): alignment must be 'left', 'center', 'right' or None; "
                            f"got {describe(alignment)}.")


def _config(fn: str, label: Any, width: Any, help: Any, *, type_config: dict[str, Any] | None = None,
            alignment: Any = None, **common: Any) -> dict[str, Any]:
    _check(fn, width, alignment)
    if label is not None and not isinstance(label, str):
        raise NbappAPIError(f"st.column_config.{fn}(): label must be a str or None; got {describe(label)}.")
    config: dict[str, Any] = {"label": label, "width": width, "help": help, **common}
    if alignment is not None or fn not in _NO_ALIGNMENT:
        config["alignment"] = alignment
    if type_config is not None:
        config["type_config"] = type_config
    return config


_NO_ALIGNMENT = {"SelectboxColumn", "BarChartColumn", "LineChartColumn", "AreaChartColumn", "ListColumn",
                 "MultiselectColumn", "ProgressColumn"}


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _seconds(step: Any) -> Any:
    return step.total_seconds() if isinstance(step, _dt.timedelta) else step


def Column(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
           disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
           alignment: str | None = None) -> dict[str, Any]:
    """Configure a column of any type (label, width, help, editability); returns its config dict.

    Raises NbappAPIError for an unknown width or alignment.

    Examples
    --------
    >>> st.column_config.Column("Widgets", help="Streamlit **widget** commands 🎈", width="medium")
    """
    return _config("Column", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   alignment=alignment)


def NumberColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                 disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                 alignment: str | None = None, default: int | float | None = None, format: str | None = None,
                 min_value: int | float | None = None, max_value: int | float | None = None,
                 step: int | float | None = None) -> dict[str, Any]:
    """Configure a number column: printf-style or named ``format``, bounds and step for edits; returns its config.

    Examples
    --------
    >>> st.column_config.NumberColumn("Price (USD)", min_value=0, max_value=1000, step=1, format="$%d")
    """
    return _config("NumberColumn", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   alignment=alignment, default=default,
                   type_config={"type": "number", "min_value": min_value, "max_value": max_value,
                                "format": format, "step": step})


def TextColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: str | None = None, max_chars: int | None = None,
               validate: str | None = None) -> dict[str, Any]:
    """Configure a text column: ``max_chars`` and a ``validate`` regular expression for edits; returns its config.

    Examples
    --------
    >>> st.column_config.TextColumn("Widgets", max_chars=50, validate=r"^st\\.[a-z_]+$")
    """
    return _config("TextColumn", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   alignment=alignment, default=default,
                   type_config={"type": "text", "max_chars": max_chars, "validate": validate})


def LinkColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: str | None = None, max_chars: int | None = None,
               validate: str | None = None, display_text: str | None = None) -> dict[str, Any]:
    """Configure a column of URLs shown as links (``display_text`` replaces the URL); returns its config.

    Examples
    --------
    >>> st.column_config.LinkColumn("App", display_text="Open")
    """
    return _config("LinkColumn", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   alignment=alignment, default=default,
                   type_config={"type": "link", "max_chars": max_chars, "validate": validate,
                                "display_text": display_text})


def CheckboxColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: bool | None = None) -> dict[str, Any]:
    """Configure a boolean column drawn as checkboxes; returns its config.

    Examples
    --------
    >>> st.column_config.CheckboxColumn("Favorite?", default=False)
    """
    return _config("CheckboxColumn", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   alignment=alignment, default=default, type_config={"type": "checkbox"})


def _options(fn: str, options: Any, format_func: Callable | None) -> list | None:
    if options is None:
        return None
    if isinstance(options, str) or not isinstance(options, Iterable):
        raise NbappAPIError(f"st.column_config.{fn}(): options must be a list of values or None; "
                            f"got {describe(options)}.")
    values = list(options)
    if format_func is None:
        return values
    if not callable(format_func):
        raise NbappAPIError(f"st.column_config.{fn}(): format_func must be callable; got {describe(format_func)}.")
    return [{"value": v, "label": str(format_func(v))} for v in values]


def SelectboxColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                    disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                    default: Any = None, options: Iterable[Any] | None = None,
                    format_func: Callable[[Any], str] | None = None) -> dict[str, Any]:
    """Configure a column whose cells are edited by picking one of ``options``; returns its config.

    Raises NbappAPIError when ``options`` is not a list or ``format_func`` not callable.

    Examples
    --------
    >>> st.column_config.SelectboxColumn("App Category", options=["📊 Data Exploration", "🤖 LLM"])
    """
    return _config("SelectboxColumn", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   default=default,
                   type_config={"type": "selectbox", "options": _options("SelectboxColumn", options, format_func)})


def MultiselectColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                      disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                      default: Iterable[str] | None = None, options: Iterable[str] | None = None,
                      accept_new_options: bool | None = None, color: Any = None,
                      format_func: Callable[[str], str] | None = None) -> dict[str, Any]:
    """Configure a column of lists whose items come from ``options``; returns its config.

    ``color`` is accepted; nbapp draws every tag in one colour.

    Examples
    --------
    >>> st.column_config.MultiselectColumn("Tags", options=["a", "b", "c"])
    """
    return _config("MultiselectColumn", label, width, help, disabled=disabled, required=required,
                   pinned=pinned, default=None if default is None else list(default),
                   type_config={"type": "multiselect",
                                "options": _options("MultiselectColumn", options, format_func),
                                "accept_new_options": accept_new_options})


def _chart(fn: str, kind: str, label, width, help, pinned, y_min, y_max, color) -> dict[str, Any]:
    return _config(fn, label, width, help, pinned=pinned,
                   type_config={"type": kind, "y_min": y_min, "y_max": y_max, "color": color})


def BarChartColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                   pinned: bool | None = None, y_min: int | float | None = None, y_max: int | float | None = None,
                   color: str | None = None) -> dict[str, Any]:
    """Configure a column of number lists drawn as small bar charts (read-only); returns its config.

    Examples
    --------
    >>> st.column_config.BarChartColumn("Sales (last 6 months)", y_min=0, y_max=100)
    """
    return _chart("BarChartColumn", "bar_chart", label, width, help, pinned, y_min, y_max, color)


def LineChartColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                    pinned: bool | None = None, y_min: int | float | None = None, y_max: int | float | None = None,
                    color: str | None = None) -> dict[str, Any]:
    """Configure a column of number lists drawn as sparklines (read-only); returns its config.

    Examples
    --------
    >>> st.column_config.LineChartColumn("Trend", y_min=0, y_max=5000)
    """
    return _chart("LineChartColumn", "line_chart", label, width, help, pinned, y_min, y_max, color)


def AreaChartColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                    pinned: bool | None = None, y_min: int | float | None = None, y_max: int | float | None = None,
                    color: str | None = None) -> dict[str, Any]:
    """Configure a column of number lists drawn as filled sparklines (read-only); returns its config.

    Examples
    --------
    >>> st.column_config.AreaChartColumn("Views (past 30 days)", y_min=0, y_max=5000)
    """
    return _chart("AreaChartColumn", "area_chart", label, width, help, pinned, y_min, y_max, color)


def _media(fn: str, kind: str, label, width, help, pinned, alignment) -> dict[str, Any]:
    return _config(fn, label, width, help, pinned=pinned, alignment=alignment, type_config={"type": kind})


def ImageColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                pinned: bool | None = None, alignment: str | None = None) -> dict[str, Any]:
    """Configure a column of image URLs (or data URLs) drawn as thumbnails (read-only); returns its config.

    Examples
    --------
    >>> st.column_config.ImageColumn("Preview Image", help="Streamlit app preview screenshots")
    """
    return _media("ImageColumn", "image", label, width, help, pinned, alignment)


def AudioColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                pinned: bool | None = None, alignment: str | None = None) -> dict[str, Any]:
    """Configure a column of audio URLs (read-only; nbapp shows them as links); returns its config.

    Examples
    --------
    >>> st.column_config.AudioColumn("Sample")
    """
    return _media("AudioColumn", "audio", label, width, help, pinned, alignment)


def VideoColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                pinned: bool | None = None, alignment: str | None = None) -> dict[str, Any]:
    """Configure a column of video URLs (read-only; nbapp shows them as links); returns its config.

    Examples
    --------
    >>> st.column_config.VideoColumn("Clip")
    """
    return _media("VideoColumn", "video", label, width, help, pinned, alignment)


def JsonColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
               pinned: bool | None = None, alignment: str | None = None) -> dict[str, Any]:
    """Configure a column of JSON-like values shown as compact JSON (read-only); returns its config.

    Examples
    --------
    >>> st.column_config.JsonColumn("Payload")
    """
    return _media("JsonColumn", "json", label, width, help, pinned, alignment)


def ListColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
               pinned: bool | None = None, disabled: bool | None = None, required: bool | None = None,
               default: Iterable[str] | None = None) -> dict[str, Any]:
    """Configure a column of lists shown as tags; returns its config.

    Examples
    --------
    >>> st.column_config.ListColumn("Sales (last 6 months)", width="medium")
    """
    return _config("ListColumn", label, width, help, pinned=pinned, disabled=disabled, required=required,
                   default=None if default is None else list(default), type_config={"type": "list"})


def DatetimeColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: _dt.datetime | None = None, format: str | None = None,
                   min_value: _dt.datetime | None = None, max_value: _dt.datetime | None = None,
                   step: int | float | _dt.timedelta | None = None, timezone: str | None = None) -> dict[str, Any]:
    """Configure a datetime column: format, bounds and step for edits; returns its config (ISO strings).

    Examples
    --------
    >>> st.column_config.DatetimeColumn("Appointment", format="D MMM YYYY, h:mm a", step=60)
    """
    return _config("DatetimeColumn", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   alignment=alignment, default=_iso(default),
                   type_config={"type": "datetime", "format": format, "min_value": _iso(min_value),
                                "max_value": _iso(max_value), "step": _seconds(step), "timezone": timezone})


def TimeColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: _dt.time | None = None, format: str | None = None,
               min_value: _dt.time | None = None, max_value: _dt.time | None = None,
               step: int | float | _dt.timedelta | None = None) -> dict[str, Any]:
    """Configure a time column: format, bounds and step for edits; returns its config (ISO strings).

    Examples
    --------
    >>> st.column_config.TimeColumn("Appointment", min_value=time(8, 0, 0), max_value=time(19, 0, 0))
    """
    return _config("TimeColumn", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   alignment=alignment, default=_iso(default),
                   type_config={"type": "time", "format": format, "min_value": _iso(min_value),
                                "max_value": _iso(max_value), "step": _seconds(step)})


def DateColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: _dt.date | None = None, format: str | None = None,
               min_value: _dt.date | None = None, max_value: _dt.date | None = None,
               step: int | None = None) -> dict[str, Any]:
    """Configure a date column: format, bounds and step (days) for edits; returns its config (ISO strings).

    Examples
    --------
    >>> st.column_config.DateColumn("Birthday", min_value=date(1900, 1, 1), format="DD.MM.YYYY")
    """
    return _config("DateColumn", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   alignment=alignment, default=_iso(default),
                   type_config={"type": "date", "format": format, "min_value": _iso(min_value),
                                "max_value": _iso(max_value), "step": step})


def ProgressColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                   pinned: bool | None = None, format: str | None = None, min_value: int | float | None = None,
                   max_value: int | float | None = None, step: int | float | None = None,
                   color: str | None = None) -> dict[str, Any]:
    """Configure a number column drawn as progress bars (read-only); returns its config.

    Examples
    --------
    >>> st.column_config.ProgressColumn("Sales volume", format="$%f", min_value=0, max_value=1000)
    """
    return _config("ProgressColumn", label, width, help, pinned=pinned,
                   type_config={"type": "progress", "format": format, "min_value": min_value,
                                "max_value": max_value, "step": step, "color": color})


def MarkdownColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: str | None = None) -> dict[str, Any]:
    """Configure a column of Markdown text; returns its config.

    Examples
    --------
    >>> st.column_config.MarkdownColumn("Notes")
    """
    return _config("MarkdownColumn", label, width, help, disabled=disabled, required=required, pinned=pinned,
                   alignment=alignment, default=default, type_config={"type": "markdown"})


BUTTON_TYPES = ("primary", "secondary", "tertiary")


class ButtonColumnResult(dict):
    """What ``ButtonColumn(..., key=...)`` returns: the column's config (this dict) plus its
    click handling (``key``, ``on_click``, ``args``, ``kwargs``), as Streamlit's ButtonColumnResult."""

    key: str
    on_click: Callable[..., None] | None = None
    args: tuple | None = None
    kwargs: dict | None = None

    @property
    def config(self) -> dict[str, Any]:
        """The column's config, a plain dict (Streamlit's ``ButtonColumnResult.config``)."""
        return dict(self)


def ButtonColumn(label: str | None = None, *, width: str | int | None = None, help: str | None = None,
                 pinned: bool | None = None, alignment: str | None = None, type: str = "secondary",
                 on_click: Callable[..., None] | None = None, args: tuple | None = None,
                 kwargs: dict | None = None, key: str | None = None) -> dict[str, Any]:
    """Configure a column whose cell values are button labels (a list of labels: one button each).

    Without ``key`` the buttons are drawn and do nothing; with it, a click puts
    ``{"row": position, "label": text}`` (a ButtonColumnClickState, also read as
    ``.row`` / ``.label``) in ``st.session_state[key]`` for the one rerun it causes, and
    calls ``on_click(*args, **kwargs)`` first. Returns the column's config (a
    ButtonColumnResult when keyed). As in Streamlit, ``on_click``/``args``/``kwargs``
    without ``key`` raise NbappAPIError.

    Examples
    --------
    >>> st.dataframe(df, column_config={"open": st.column_config.ButtonColumn("Open", key="opened")})
    >>> if st.session_state.opened:
    ...     st.write("row", st.session_state.opened.row)
    """
    if type not in BUTTON_TYPES:
        raise NbappAPIError(f"st.column_config.ButtonColumn(): type must be one of {BUTTON_TYPES}; got {describe(type)}.")
    if key is None and (on_click is not None or args is not None or kwargs is not None):
        raise NbappAPIError("st.column_config.ButtonColumn(): on_click, args and kwargs need a key= "
                            "(the column's callbacks are registered under it).")
    config = _config("ButtonColumn", label, width, help, pinned=pinned, alignment=alignment, disabled=True,
                     type_config={"type": "button", "button_type": type})
    if key is None:
        return config
    if not isinstance(key, str) or not key:
        raise NbappAPIError(f"st.column_config.ButtonColumn(): key must be a non-empty str, got {describe(key)}.")
    if on_click is not None and not callable(on_click):
        raise NbappAPIError(f"st.column_config.ButtonColumn(): on_click must be a function or None, "
                            f"got {describe(on_click)}.")
    result = ButtonColumnResult(config)
    result.key, result.on_click, result.args, result.kwargs = key, on_click, args, kwargs
    return result
