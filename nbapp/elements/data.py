"""Data elements: dataframe, table, json (st.metric: nbapp/elements/metric.py)."""
from __future__ import annotations

import json as _json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from nbapp.elements import grid
from nbapp.elements.button_column import register_button_columns
from nbapp.elements.grid import DataframeSelectionState, DataframeState
from nbapp.elements.registry import Frontend, element
from nbapp.errors import NbappAPIError, describe
from nbapp.runtime.state import warn_value_rejected

if TYPE_CHECKING:
    import pandas as pd

def to_dataframe(fn: str, data: Any) -> pd.DataFrame:
    """Return ``data`` (DataFrame, Series, Styler, ndarray, dict, list, Arrow/Polars frame, None) as a DataFrame.

    Raises NbappAPIError naming ``st.fn`` for anything else.
    """
    import pandas as pd  # here, not at the top: it would add ~0.5 s to `import nbapp` in every kernel

    if data is None or (type(data).__name__ == "ndarray" and getattr(data, "ndim", None) == 0):
        return pd.DataFrame()  # a 0-d array (np.array(5)) is no table: an empty one, as Streamlit shows
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


SELECTION_MODES = ("single-row", "single-row-required", "multi-row", "single-column", "multi-column",
                   "single-cell", "multi-cell")


def _selection_modes(selection_mode: Any) -> list[str]:
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode or ())
    bad = [m for m in modes if m not in SELECTION_MODES]
    if bad or not modes:
        raise NbappAPIError(f"st.dataframe(): selection_mode must be one of {SELECTION_MODES} or a list of them; "
                            f"got {describe(selection_mode)}.")
    for family in ("row", "column", "cell"):
        same = [m for m in modes if m.split("-")[1] == family]
        if len(set(same)) > 1:
            raise NbappAPIError(f"st.dataframe(): selection_mode can hold only one {family} mode; got {describe(same)}.")
    return sorted(set(modes), key=SELECTION_MODES.index)


def _selection(frame: pd.DataFrame, modes: list[str], label: str) -> Any:
    """The deserializer of a dataframe's selection: JSON (or a dict) in, a DataframeState out."""
    names = {str(c) for c in frame.columns}
    required = "single-row-required" in modes

    def deserialize(wire: Any) -> DataframeState:
        try:
            raw = _json.loads(wire) if isinstance(wire, str) else (wire or {})
            sel = dict(raw.get("selection") or {})
            rows = [int(r) for r in sel.get("rows") or ()]
            cols = [str(c) for c in sel.get("columns") or ()]
            cells = [(int(r), str(c)) for r, c in sel.get("cells") or ()]
        except (TypeError, ValueError, AttributeError) as err:
            warn_value_rejected("dataframe", label, wire, f"is not a selection ({err}); nothing is selected")
            rows, cols, cells = [], [], []
        kept = ([r for r in rows if 0 <= r < len(frame)], [c for c in cols if c in names],
                [c for c in cells if 0 <= c[0] < len(frame) and c[1] in names])
        if kept != (rows, cols, cells):
            warn_value_rejected("dataframe", label, wire, "names rows or columns the data does not have; dropped them")
        rows, cols, cells = kept
        if required and not rows and len(frame):
            rows = [0]
        return DataframeState(selection=DataframeSelectionState(rows=rows, columns=cols, cells=cells))

    return deserialize


@element(value="_frame", frontend=Frontend("grid.js", css="grid.css", on_message=grid.answer), static=grid.static_html)
def dataframe(dg, data: Any = None, width: int | str | None = "stretch", height: int | str | None = "auto", *,
              use_container_width: bool | None = None, hide_index: bool | None = None,
              column_order: Iterable[str] | None = None, column_config: Mapping[str, Any] | None = None,
              key: str | int | None = None, on_select: str | Callable[..., None] = "ignore",
              selection_mode: str | Iterable[str] = "multi-row", selection_default: Mapping[str, Any] | None = None,
              row_height: int | None = None, placeholder: str | None = None, lazy: bool | None = None,
              alt: str | None = None):
    """Display a dataframe as an interactive grid: virtual scrolling, rows fetched in pages, sortable columns.

    Accepts pandas objects, numpy arrays, dicts, lists and Arrow/Polars frames; a
    1,000,000-row frame opens at once (the page fetches the rows it shows).
    ``column_config`` takes ``st.column_config.*Column(...)``, a label or None (hidden);
    ``column_order`` picks and orders columns. With ``on_select="rerun"`` (or a callback)
    clicks select rows / columns / cells (``selection_mode``) and the call returns a
    DataframeState (``event.selection.rows``...); else it returns the element's handle.
    ``placeholder`` is the text of missing values (default "None"); ``lazy`` and ``alt`` are
    accepted and not used yet. Raises
    NbappAPIError for data it cannot show, unknown columns, bad sizes or selection modes.

    Examples
    --------
    >>> event = st.dataframe(df, on_select="rerun", selection_mode="multi-row", key="pick")
    >>> st.write(df.iloc[event.selection.rows])
    """
    frame = to_dataframe("dataframe", data)
    if on_select != "ignore" and on_select != "rerun" and not callable(on_select):
        raise NbappAPIError(f"st.dataframe(): on_select must be 'ignore', 'rerun' or a callable; got {describe(on_select)}.")
    selecting = on_select != "ignore"
    modes = _selection_modes(selection_mode) if selecting else None
    props = grid.grid_props("dataframe", frame, column_config=column_config, column_order=column_order,
                            hide_index=hide_index, disabled=True, width=width, height=height,
                            use_container_width=use_container_width, row_height=row_height, selection=modes,
                            placeholder=placeholder)
    props["editing_mode"] = "read_only"  # st.data_editor draws this kind too, with its num_rows here
    register_button_columns("dataframe", column_config, props)
    if not selecting:
        return dg._enqueue("dataframe", props)
    deserialize = _selection(frame, modes, "")
    default = deserialize(_json.dumps(dict(selection_default)) if selection_default else None)
    value = dg._widget(
        "dataframe", "", key=key, default=default,
        identity={"columns": [c["name"] for c in props["columns"]], "rows": len(frame), "modes": modes},
        bounds={"modes": modes}, props=props, serialize=lambda v: v if isinstance(v, str) else _json.dumps(v),
        deserialize=deserialize, on_change=on_select if callable(on_select) else None,
    )
    return value if isinstance(value, DataframeState) else deserialize(_json.dumps(dict(value)))


@element(value="data")
def table(dg, data: Any = None, *, border: bool | str = True, width: int | str = "stretch",
          height: int | str = "content", hide_index: bool | None = None, hide_header: bool | None = None,
          alt: str | None = None):
    """Display a static table: every row, no sorting. Returns the element's handle.

    ``hide_index`` / ``hide_header`` leave out the index column / the header row.
    ``border``: True (lines around and between cells), False (none) or "horizontal" (only
    between rows). ``width``: "stretch", "content" or pixels; ``height``: "content",
    "stretch" or pixels (the table scrolls inside). ``alt`` is the table's accessible label.
    Raises NbappAPIError for data it cannot show as a table, or a bad border or size.
    """
    if not (isinstance(border, bool) or (isinstance(border, str) and border == "horizontal")):
        raise NbappAPIError(f"st.table(): border must be True, False or 'horizontal', got {describe(border)}.")
    for arg, value, words in (("width", width, ("stretch", "content")), ("height", height, ("content", "stretch"))):
        if not ((isinstance(value, str) and value in words)
                or (isinstance(value, int) and not isinstance(value, bool) and value > 0)):
            raise NbappAPIError(f"st.table(): {arg} must be {words[0]!r}, {words[1]!r} or a positive int (pixels), "
                                f"got {describe(value)}.")
    return dg._enqueue("table", {"data": to_dataframe("table", data), "hide_index": bool(hide_index),
                                 "hide_header": bool(hide_header), "border": border, "width": width,
                                 "height": height, "alt": alt})


@element(value="text")  # AppTest's .value is the JSON text, as in Streamlit
def json(dg, body: Any, *, expanded: bool | int = True, width: int | str = "stretch"):
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
