"""st.data_editor: edit a table in the grid; the script gets the edited data back, in the input's type.

The browser sends the editing state, as Streamlit's front end does: ``{"edited_rows": {row
position: {column: value}}, "added_rows": [{column: value}], "deleted_rows": [positions]}``.
It goes through the one input path (``dg._widget(..., deserialize=...)``), so AppTest's
``set_value`` and a browser cause the same checks: an edit that does not fit its column
(type, bounds, options, a read-only column, a row that does not exist) is dropped with a
RuntimeWarning and the rest of the state is kept.
"""
from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from nbapp.elements import grid
from nbapp.elements.button_column import register_button_columns
from nbapp.elements.data import to_dataframe
from nbapp.elements.grid import INDEX, DataEditorState
from nbapp.elements.registry import element
from nbapp.errors import NbappAPIError, describe
from nbapp.runtime.state import warn_value_rejected

NUM_ROWS = ("fixed", "dynamic", "add", "delete")


def _format(data: Any) -> str:
    """Name the input's shape, so the edited frame goes back to it (Streamlit's data formats)."""
    np = sys.modules.get("numpy")
    pd = sys.modules.get("pandas")
    if data is None:
        return "empty"
    if pd is not None and isinstance(data, pd.DataFrame):
        return "pandas"
    if pd is not None and isinstance(data, pd.Series):
        return "series"
    if np is not None and isinstance(data, np.ndarray):
        return "numpy" if data.ndim > 1 else "numpy-1d"
    module = type(data).__module__.split(".")[0]
    if module == "pyarrow" and type(data).__name__ == "Table":
        return "arrow"
    if module == "polars" and type(data).__name__ == "DataFrame":
        return "polars"
    if isinstance(data, Mapping):
        values = list(data.values())
        if values and all(isinstance(v, Mapping) for v in values):
            return "dict-index"
        if values and all(isinstance(v, (list, tuple)) or hasattr(v, "tolist") for v in values):
            return "dict-lists"
        return "dict-values"
    if isinstance(data, (set, frozenset)):
        return "set"
    if isinstance(data, tuple):
        return "tuple"
    if isinstance(data, list):
        if data and all(isinstance(v, Mapping) for v in data):
            return "records"
        if data and all(isinstance(v, (list, tuple)) for v in data):
            return "rows"
        return "values"
    return "pandas"


def _convert_back(frame: Any, fmt: str) -> Any:
    """Return the edited frame in the input's type (DataFrame, Series, array, list, dict, Arrow, Polars)."""
    if fmt in ("pandas", "empty"):
        return frame
    if fmt == "series":
        return frame.iloc[:, 0]
    if fmt == "numpy":
        return frame.to_numpy()
    if fmt == "numpy-1d":
        return frame.iloc[:, 0].to_numpy()
    if fmt == "arrow":
        import pyarrow as pa

        return pa.Table.from_pandas(frame, preserve_index=False)
    if fmt == "polars":
        import polars as pl

        return pl.from_pandas(frame)
    if fmt == "dict-index":
        return frame.to_dict()
    if fmt == "dict-lists":
        return frame.to_dict(orient="list")
    if fmt == "dict-values":
        return frame.iloc[:, 0].to_dict() if frame.shape[1] else {}
    if fmt == "records":
        return frame.to_dict(orient="records")
    if fmt == "rows":
        return frame.to_numpy().tolist()
    values = frame.iloc[:, 0].tolist() if frame.shape[1] else []
    return set(values) if fmt == "set" else tuple(values) if fmt == "tuple" else values


class _Checker:
    """Turns what a browser sends into a DataEditorState, dropping what does not fit (with a warning)."""

    def __init__(self, frame: Any, columns: dict[str, dict[str, Any]], num_rows: str) -> None:
        self.rows = len(frame)
        self.columns = columns
        self.can_add = num_rows in ("dynamic", "add")
        self.can_delete = num_rows in ("dynamic", "delete")

    def __call__(self, wire: Any) -> DataEditorState:
        try:
            raw = json.loads(wire) if isinstance(wire, str) else dict(wire or {})
            edited = {int(k): dict(v) for k, v in (raw.get("edited_rows") or {}).items()}
            added = [dict(r) for r in raw.get("added_rows") or ()]
            deleted = [int(r) for r in raw.get("deleted_rows") or ()]
        except (TypeError, ValueError, AttributeError) as err:
            self._reject(wire, f"is not an editing state ({err}); the edits are dropped")
            edited, added, deleted = {}, [], []
        state = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
        for pos, changes in edited.items():
            if not 0 <= pos < self.rows:
                self._reject(changes, f"edits row {pos}, which the data does not have")
                continue
            kept = self._cells(changes, added=False)
            if kept:
                state["edited_rows"][pos] = kept
        if added and not self.can_add:
            self._reject(added, "adds rows to an editor with num_rows that does not allow adding")
        elif added:
            state["added_rows"] = [self._cells(row, added=True) for row in added]
        if deleted and not self.can_delete:
            self._reject(deleted, "deletes rows from an editor with num_rows that does not allow deleting")
        else:
            state["deleted_rows"] = sorted({r for r in deleted if 0 <= r < self.rows})
        return DataEditorState(state)

    def _cells(self, changes: dict[str, Any], *, added: bool) -> dict[str, Any]:
        kept = {}
        for name, value in changes.items():
            column = self.columns.get(str(name))
            if column is None:
                self._reject(value, f"is for the column {name!r}, which the editor does not have")
            elif not column["editable"] and not (added and column["index"]):
                self._reject(value, f"edits the read-only column {name!r}")
            else:
                ok, checked, why = grid.check_cell(column, value)
                if ok:
                    kept[str(name)] = checked
                else:
                    self._reject(value, f"for the column {name!r} {why}; the edit is dropped")
        return kept

    def _reject(self, value: Any, reason: str) -> None:
        warn_value_rejected("data_editor", "", value, reason)


def apply_edits(frame: Any, state: Mapping[str, Any], columns: dict[str, dict[str, Any]]) -> Any:
    """Return a copy of ``frame`` with the state's cell edits, then deletions, then added rows applied."""
    import pandas as pd

    frame = frame.copy()
    names = [str(c) for c in frame.columns]
    for pos, changes in (state.get("edited_rows") or {}).items():
        for name, value in changes.items():
            if name == INDEX:
                frame.index = frame.index.delete(int(pos)).insert(int(pos), value)
            else:
                _set(frame, int(pos), names.index(name), _parse(value, columns[name]))
    if state.get("deleted_rows"):
        frame = frame.drop(frame.index[list(state["deleted_rows"])])
    for row in state.get("added_rows") or ():
        values = {c: _parse(row.get(str(c)), columns[str(c)]) if str(c) in columns else None for c in frame.columns}
        if INDEX in row and not isinstance(frame.index, pd.RangeIndex):
            label = row[INDEX]
        elif isinstance(frame.index, pd.RangeIndex) or pd.api.types.is_integer_dtype(frame.index.dtype):
            label = (frame.index.max() + 1) if len(frame.index) else 0
        else:
            warn_value_rejected("data_editor", "", row, "needs an index value for this frame's index; row not added")
            continue
        with warnings.catch_warnings():  # a None in a bool/int column widens it, as in Streamlit
            warnings.filterwarnings("ignore", message=".*incompatible dtype.*")
            frame.loc[label] = values
    return frame


def _parse(value: Any, column: dict[str, Any]) -> Any:
    kind = column["data"]
    if value is None:
        return None
    if kind == "number" and column.get("dtype_kind") in ("i", "u"):
        return int(value)
    return grid.parse_cell(value, column["type"] if column["type"] in ("date", "datetime", "time") else kind)


def _set(frame: Any, row: int, col: int, value: Any) -> None:
    try:
        frame.iat[row, col] = value
    except (TypeError, ValueError):  # e.g. None or a float into an int column: widen the column, as pandas 2 did
        frame[frame.columns[col]] = frame.iloc[:, col].astype(object)
        frame.iat[row, col] = value


def _to_json(value: Any) -> str:
    """The wire form of a state: JSON text (a string is taken as JSON already, as a browser sends it)."""
    return value if isinstance(value, str) else json.dumps(value, default=str)


@element(kind=False)  # drawn as a "dataframe" element, as in Streamlit (AppTest lists it in at.dataframe too)
def data_editor(dg, data: Any, *, width: int | str | None = "stretch", height: int | str | None = "auto",
                use_container_width: bool | None = None, hide_index: bool | None = None,
                column_order: Iterable[str] | None = None, column_config: Mapping[str, Any] | None = None,
                num_rows: str = "fixed", disabled: bool | Iterable[str | int] = False,
                key: str | int | None = None, on_change: Callable[..., None] | str | None = "rerun",
                args: tuple | None = None, kwargs: dict | None = None, row_height: int | None = None,
                placeholder: str | None = None, alt: str | None = None) -> Any:
    """Display an editable grid and return the edited data, in the input's type, on every run.

    Double-click a cell to edit it (typed by its column: numbers, text, checkbox,
    selectbox, dates); ``num_rows="dynamic"`` (or ``"add"`` / ``"delete"``) lets the user
    add and delete rows; ``disabled`` (True or column names) makes columns read-only. The
    key's ``st.session_state`` entry holds ``{"edited_rows", "added_rows", "deleted_rows"}``
    as in Streamlit. ``placeholder`` is the text of missing values. With ``on_change="ignore"``
    an edit is kept without rerunning the app (the next run returns it); ``alt`` is
    accepted. Raises NbappAPIError for data it cannot edit and for bad options.

    Examples
    --------
    >>> edited = st.data_editor(pd.DataFrame({"command": ["st.selectbox"], "rating": [4]}),
    ...                         num_rows="dynamic", key="table")
    >>> st.write(edited["rating"].mean())
    """
    if num_rows not in NUM_ROWS:
        raise NbappAPIError(f"st.data_editor(): num_rows must be one of {NUM_ROWS}; got {describe(num_rows)}.")
    if not isinstance(disabled, bool) and (isinstance(disabled, str) or not isinstance(disabled, Iterable)):
        raise NbappAPIError(f"st.data_editor(): disabled must be a bool or a list of column names; got {describe(disabled)}.")
    if not (on_change in ("rerun", "ignore", None) or callable(on_change)):
        raise NbappAPIError(f"st.data_editor(): on_change must be 'rerun', 'ignore', None or a callable; "
                            f"got {describe(on_change)}.")
    fmt = _format(data)
    frame = to_dataframe("data_editor", data)
    if fmt == "dict-values" and len(frame.columns) == 1:  # an empty dict has no column to name
        frame.columns = ["value"]
    if not isinstance(disabled, bool):
        disabled = [str(frame.columns[d]) if isinstance(d, int) and str(d) not in map(str, frame.columns) else str(d)
                    for d in disabled]
    props = grid.grid_props("data_editor", frame, column_config=column_config, column_order=column_order,
                            hide_index=hide_index, disabled=disabled, width=width, height=height,
                            use_container_width=use_container_width, row_height=row_height,
                            editor={"num_rows": num_rows}, placeholder=placeholder)
    config = grid.normalize_config("data_editor", column_config)
    every = grid.grid_columns("data_editor", frame, config, column_order=None, hide_index=False, disabled=disabled)
    columns = {c["name"]: c for c in every}
    for c in every:
        if not c["index"]:
            c["dtype_kind"] = frame.iloc[:, c["pos"]].dtype.kind
    checker = _Checker(frame, columns, num_rows)
    schema = [(c["name"], c["data"], c["editable"]) for c in every]
    bounds = {"schema": schema, "num_rows": num_rows,
              "data": len(frame) if key is not None and num_rows == "fixed" else props["version"]}
    props["editing_mode"] = num_rows
    register_button_columns("data_editor", column_config, props)
    state = dg._widget(
        "dataframe", "", key=key, default=DataEditorState(edited_rows={}, added_rows=[], deleted_rows=[]),
        identity={"column_order": props["columns"] and [c["name"] for c in props["columns"]]}, bounds=bounds,
        props=props, serialize=_to_json, deserialize=checker,
        on_change=on_change, args=args, kwargs=kwargs,
    )
    if not isinstance(state, DataEditorState):  # the app assigned a plain dict to the key
        state = checker(json.dumps(dict(state), default=str))
    return _convert_back(apply_edits(frame, state, columns), fmt)
