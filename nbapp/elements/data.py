"""Data elements: dataframe, table, metric, json."""
from __future__ import annotations

import json as _json
import numbers
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from nbapp.elements.policies import LABEL_VISIBILITIES, check_choice, check_str, check_type
from nbapp.elements.registry import element
from nbapp.elements.text import clean_text
from nbapp.errors import NbappAPIError, describe

if TYPE_CHECKING:
    import pandas as pd

DELTA_COLORS = ("normal", "inverse", "off")
_WIDTHS = ("stretch", "content")


def to_dataframe(fn: str, data: Any) -> pd.DataFrame:
    """Return ``data`` (DataFrame, Series, Styler, ndarray, dict, list, Arrow/Polars frame, None) as a DataFrame.

    Raises NbappAPIError naming ``st.fn`` for anything else.
    """
    import pandas as pd  # here, not at the top: it would add ~0.5 s to `import nbapp` in every kernel

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (pd.Series, pd.Index)):
        return data.to_frame()
    if type(data).__name__ == "Styler":
        return data.data
    if callable(getattr(data, "to_pandas", None)):  # pyarrow, polars
        return to_dataframe(fn, data.to_pandas())
    if isinstance(data, (set, frozenset)) or (isinstance(data, Iterable) and not isinstance(data, (str, bytes, Mapping))
                                              and not hasattr(data, "__len__")):
        data = list(data)
    try:
        return pd.DataFrame(data)
    except (ValueError, TypeError) as err:
        if isinstance(data, Mapping):  # a dict of scalars: one row per key
            return pd.Series(data, dtype=object).to_frame("value")
        raise NbappAPIError(
            f"st.{fn}(): data must be a DataFrame, Series, numpy array, dict or list; "
            f"got {type(data).__name__} {describe(data)} ({err})."
        ) from None


def _dimension(fn: str, arg: str, value: Any, keywords: tuple[str, ...]) -> int | str | None:
    if value is None or value in keywords:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    words = "".join(f", {w!r}" for w in keywords)
    raise NbappAPIError(f"st.{fn}(): {arg} must be a positive int (pixels){words} or None; got {describe(value)}.")


def _select_columns(frame: pd.DataFrame, column_order: Any, column_config: Any) -> pd.DataFrame:
    """Apply ``column_order`` (which columns, in order) and ``column_config`` (column -> label, or None to hide)."""
    if column_order is not None:
        if isinstance(column_order, str) or not isinstance(column_order, Iterable):
            raise NbappAPIError(f"st.dataframe(): column_order must be a list of column names, got {describe(column_order)}.")
        wanted = list(column_order)
        missing = [c for c in wanted if c not in frame.columns]
        if missing:
            raise NbappAPIError(f"st.dataframe(): column_order names {describe(missing)}, which the data does not have; "
                                f"its columns are {describe(list(frame.columns), 200)}.")
        frame = frame[wanted]
    if column_config:
        if not isinstance(column_config, Mapping):
            raise NbappAPIError(f"st.dataframe(): column_config must be a dict of column -> label, got {describe(column_config)}.")
        hidden = [c for c, conf in column_config.items() if conf is None and c in frame.columns]
        labels = {c: conf if isinstance(conf, str) else conf.get("label") for c, conf in column_config.items()
                  if isinstance(conf, (str, Mapping)) and c in frame.columns}
        frame = frame.drop(columns=hidden).rename(columns={c: lab for c, lab in labels.items() if lab})
    return frame


def _metric_value(label: str, arg: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) or (isinstance(value, numbers.Number) and not isinstance(value, bool)):
        return clean_text(value)
    raise NbappAPIError(f"st.metric({label!r}): {arg} must be an int, float, str or None; "
                        f"got {describe(value)} ({type(value).__name__}).")


def to_jsonable(obj: Any) -> Any:
    """Return ``obj`` as plain JSON data: mappings become dicts, sequences lists, unknown objects ``str``."""
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    if isinstance(obj, tuple) and hasattr(obj, "_asdict"):  # namedtuple
        obj = obj._asdict()
    if isinstance(obj, Mapping) or callable(getattr(obj, "to_dict", None)) and not hasattr(obj, "columns"):
        items = obj.items() if isinstance(obj, Mapping) else obj.to_dict().items()
        return {str(k): to_jsonable(v) for k, v in items}
    if callable(getattr(obj, "tolist", None)):  # numpy arrays and scalars
        return to_jsonable(obj.tolist())
    if isinstance(obj, Iterable) and not isinstance(obj, (bytes, bytearray)) and not hasattr(obj, "columns"):
        return [to_jsonable(v) for v in obj]
    return str(obj)


@element(value="data")
def dataframe(dg, data: Any = None, width: int | str | None = None, height: int | str | None = None, *,
              use_container_width: bool | None = None, hide_index: bool | None = None,
              column_order: Iterable[str] | None = None, column_config: Mapping[str, Any] | None = None):
    """Display a dataframe as an interactive table: scrollable, fixed header, sortable by column.

    Accepts pandas objects, numpy arrays, dicts, lists and Arrow/Polars frames.
    ``width``/``height`` are pixels (or "stretch"/"content", "auto"); ``column_order``
    picks and orders columns; ``column_config`` maps a column to a label (or None to
    hide it). Returns the element's handle; raises NbappAPIError for data it cannot
    show, unknown columns and bad sizes.

    Examples
    --------
    >>> st.dataframe(pd.DataFrame({"a": [3, 1, 2]}), hide_index=True)
    """
    frame = _select_columns(to_dataframe("dataframe", data), column_order, column_config)
    width = _dimension("dataframe", "width", width, _WIDTHS)
    if use_container_width:
        width = "stretch"
    return dg._enqueue("dataframe", {"data": frame, "width": width,
                                       "height": _dimension("dataframe", "height", height, ("auto",)),
                                       "hide_index": bool(hide_index)})


@element(value="data")
def table(dg, data: Any = None):
    """Display a static table: every row, no scrolling or sorting. Returns the element's handle.

    Raises NbappAPIError for data it cannot show as a table.
    """
    return dg._enqueue("table", {"data": to_dataframe("table", data)})


@element()
def metric(dg, label: str, value: Any, delta: Any = None, delta_color: str = "normal", *,
           help: str | None = None, label_visibility: str = "visible", border: bool = False):
    """Display a big number with an optional delta arrow below it; returns the element's handle.

    A delta that is negative (or a string starting with "-") points down and is red,
    else up and green; ``delta_color="inverse"`` swaps the colors, ``"off"`` greys them.
    ``None`` as value shows a long dash. Raises NbappAPIError for a non-string label,
    a value or delta that is not a number/str/None, or an unknown delta_color.

    Examples
    --------
    >>> st.metric("Temperature", "70 °F", "1.2 °F")
    """
    check_type("metric", "label", label, str)
    check_choice("metric", "delta_color", delta_color, DELTA_COLORS)
    check_choice("metric", "label_visibility", label_visibility, LABEL_VISIBILITIES)
    check_str("metric", "help", help)
    delta_text = _metric_value(label, "delta", delta)
    direction = None if delta_text is None else ("down" if delta_text.startswith("-") else "up")
    return dg._enqueue("metric", {"label": label, "value": _metric_value(label, "value", value) or "—",
                                    "delta": delta_text, "direction": direction, "delta_color": delta_color,
                                    "help": help, "label_visibility": label_visibility, "border": bool(border)})


@element(value="text")  # AppTest's .value is the JSON text, as in Streamlit
def json(dg, body: Any, *, expanded: bool | int = True):
    """Display an object or JSON string as pretty-printed JSON with collapsible levels.

    ``expanded``: True opens every level, False only shows the top, an int opens that
    many levels. Returns the element's handle; raises NbappAPIError for a string that
    is not JSON or an ``expanded`` that is neither bool nor int.

    Examples
    --------
    >>> st.json({"model": "resnet", "layers": [64, 128]}, expanded=1)
    """
    if not isinstance(expanded, int) or (not isinstance(expanded, bool) and expanded < 0):
        raise NbappAPIError(f"st.json(): expanded must be a bool or a non-negative int (levels to open); "
                            f"got {describe(expanded)}.")
    text = body if isinstance(body, str) else None
    if isinstance(body, str):
        try:
            body = _json.loads(body)
        except ValueError as err:
            raise NbappAPIError(f"st.json(): body is a string but not valid JSON ({err}): {describe(body)}.") from None
    depth = (1_000 if expanded else 0) if isinstance(expanded, bool) else expanded
    body = to_jsonable(body)
    return dg._enqueue("json", {"body": body, "expanded": depth,
                                "text": text if text is not None else _json.dumps(body, default=repr)})
