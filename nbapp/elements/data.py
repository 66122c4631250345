"""Data elements: dataframe, table, metric, json."""
from __future__ import annotations

import json as _json
from typing import Any

import pandas as pd

from nbapp.errors import NbappAPIError, describe

DELTA_COLORS = ("normal", "inverse", "off")


def to_dataframe(fn: str, data: Any) -> pd.DataFrame:
    """Return ``data`` (DataFrame, Series, Styler, ndarray, dict, list, None) as a DataFrame.

    Raises NbappAPIError naming ``st.fn`` for anything else.
    """
    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (pd.Series, pd.Index)):
        return data.to_frame()
    if type(data).__name__ == "Styler":
        return data.data
    try:
        return pd.DataFrame(data)
    except (ValueError, TypeError) as err:
        raise NbappAPIError(
            f"st.{fn}(): data must be a DataFrame, Series, numpy array, dict or list; "
            f"got {type(data).__name__} {describe(data)} ({err})."
        ) from None


def _dimension(fn: str, arg: str, value: Any) -> int | str | None:
    if value is None or value in ("stretch", "content", "auto"):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise NbappAPIError(f"st.{fn}(): {arg} must be a positive int (pixels) or None, got {describe(value)}.")


class DataMixin:
    """Tables, metrics and JSON."""

    def dataframe(self, data: Any = None, width: int | str | None = None, height: int | str | None = None, *,
                  use_container_width: bool | None = None, hide_index: bool | None = None,
                  column_order: list[str] | None = None):
        """Display a dataframe as an interactive table: scrollable, fixed header, sortable by column.

        Accepts pandas objects, numpy arrays, dicts and lists; returns the element's handle.
        """
        frame = to_dataframe("dataframe", data)
        if column_order is not None:
            frame = frame[list(column_order)]
        return self._enqueue("dataframe", {"data": frame, "width": _dimension("dataframe", "width", width),
                                           "height": _dimension("dataframe", "height", height),
                                           "hide_index": bool(hide_index)})

    def table(self, data: Any = None):
        """Display a static table (every row, no scrolling or sorting)."""
        return self._enqueue("table", {"data": to_dataframe("table", data)})

    def metric(self, label: str, value: Any, delta: Any = None, delta_color: str = "normal", *,
               help: str | None = None, label_visibility: str = "visible", border: bool = False):
        """Display a big number with an optional delta arrow (green up, red down by default).

        Raises NbappAPIError for an unknown ``delta_color``.
        """
        if delta_color not in DELTA_COLORS:
            raise NbappAPIError(f"st.metric({label!r}): delta_color must be one of {', '.join(map(repr, DELTA_COLORS))}; got {describe(delta_color)}.")
        text = "—" if value is None else str(value)
        delta_text = None if delta is None or delta == "" else str(delta)
        direction = None
        if delta_text is not None:
            direction = "down" if delta_text.lstrip().startswith("-") else "up"
        return self._enqueue("metric", {"label": str(label), "value": text, "delta": delta_text,
                                        "direction": direction, "delta_color": delta_color, "help": help,
                                        "label_visibility": label_visibility, "border": bool(border)})

    def json(self, body: Any, *, expanded: bool | int = True):
        """Display an object or JSON string as pretty-printed, collapsible JSON."""
        if isinstance(body, str):
            try:
                body = _json.loads(body)
            except ValueError as err:
                raise NbappAPIError(f"st.json(): body is a string but not valid JSON ({err}): {describe(body)}.") from None
        return self._enqueue("json", {"body": _to_jsonable(body), "expanded": expanded})


def _to_jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [_to_jsonable(v) for v in obj]
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    return str(obj)
