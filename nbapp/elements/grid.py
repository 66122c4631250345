"""The data grid's kernel side: column schemas, pages of rows on demand, and checks on edited cells.

``st.dataframe`` and ``st.data_editor`` draw through ``nbapp/frontend/grid.js``, a small
virtual table: the page gets the columns and the first rows; every other page of rows is
fetched when it scrolls into view (``{"type": "rows", "start", "end", "sort"}`` sent by the
module, answered by :func:`answer`). A 1,000,000-row frame costs the page a few kilobytes.
Sorting happens here, on the whole frame, so the page never needs every row.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from nbapp.errors import NbappAPIError, describe

if TYPE_CHECKING:
    import pandas as pd

INDEX = "_index"  # Streamlit's name for the index in column_config and in editing state
HEAD_ROWS = 100  # rows sent with the element (first paint, static HTML); the rest on demand
MAX_PAGE = 1_000  # rows one request may ask for
COLUMN_TYPES = {"number", "text", "checkbox", "selectbox", "multiselect", "list", "link", "date", "datetime",
                "time", "progress", "bar_chart", "line_chart", "area_chart", "image", "audio", "video", "json",
                "markdown", "button"}
READ_ONLY = {"progress", "bar_chart", "line_chart", "area_chart", "image", "audio", "video", "json", "button"}
_SETTINGS = {"label", "width", "help", "disabled", "required", "default", "hidden", "pinned", "alignment",
             "type_config"}


def _missing(value: Any) -> bool:
    """True for None, NaN, NaT and pd.NA (whose truth value raises); False for anything else, arrays too."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # pd.NA compares to NA; an array compares elementwise
        return type(value).__name__ == "NAType"


def data_kind(values: pd.Series | pd.Index) -> str:
    """Return the grid type a column's values show as: number, checkbox, datetime, date, time, list or text."""
    import pandas as pd

    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "checkbox"
    if pd.api.types.is_numeric_dtype(dtype):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    if dtype == object and len(values):
        sample = next((v for v in values[:50] if not _missing(v)), None)
        if isinstance(sample, bool):
            return "checkbox"
        if isinstance(sample, _dt.datetime):
            return "datetime"
        if isinstance(sample, _dt.date):
            return "date"
        if isinstance(sample, _dt.time):
            return "time"
        if isinstance(sample, (list, tuple)) or type(sample).__name__ == "ndarray":
            return "list"
        if isinstance(sample, (int, float)):
            return "number"
    return "text"


def normalize_config(fn: str, column_config: Any) -> dict[str, dict[str, Any]]:
    """Return ``column_config`` as ``{column name: settings}`` (a label string or None becomes settings).

    Raises NbappAPIError for a config that is not a mapping, a setting Streamlit does not
    have, or an unknown column type.
    """
    if column_config is None:
        return {}
    if not isinstance(column_config, Mapping):
        raise NbappAPIError(f"st.{fn}(): column_config must be a dict of column -> st.column_config.*Column(...), "
                            f"label or None; got {describe(column_config)}.")
    result: dict[str, dict[str, Any]] = {}
    for name, conf in column_config.items():
        if conf is None:
            conf = {"hidden": True}
        elif isinstance(conf, str):
            conf = {"label": conf}
        elif not isinstance(conf, Mapping):
            raise NbappAPIError(f"st.{fn}(): column_config[{name!r}] must be st.column_config.*Column(...), a label "
                                f"or None; got {describe(conf)}.")
        unknown = sorted(set(conf) - _SETTINGS)
        if unknown:
            raise NbappAPIError(f"st.{fn}(): column_config[{name!r}] has unknown settings {unknown}; "
                                f"use st.column_config.*Column(...) to build it.")
        kind = (conf.get("type_config") or {}).get("type")
        if kind is not None and kind not in COLUMN_TYPES:
            raise NbappAPIError(f"st.{fn}(): column_config[{name!r}] has the column type {kind!r}, which nbapp does "
                                f"not support yet; supported: {sorted(COLUMN_TYPES)}.")
        result[str(name)] = dict(conf)
    return result


def grid_columns(fn: str, frame: pd.DataFrame, config: dict[str, dict[str, Any]], *, column_order: Any,
                 hide_index: bool | None, disabled: Any = True) -> list[dict[str, Any]]:
    """Return the columns the grid shows, index columns first: name, label, type, settings, editability.

    ``disabled``: True (read-only grid), False, or the names of read-only columns. Raises
    NbappAPIError for a ``column_order`` that is not a list of the frame's columns.
    """
    names = [str(c) for c in frame.columns]
    if column_order is not None:
        if isinstance(column_order, str) or not isinstance(column_order, Iterable):
            raise NbappAPIError(f"st.{fn}(): column_order must be a list of column names, got {describe(column_order)}.")
        wanted = [str(c) for c in column_order]
        missing = [c for c in wanted if c not in names]
        if missing:
            raise NbappAPIError(f"st.{fn}(): column_order names {describe(missing)}, which the data does not have; "
                                f"its columns are {describe(names, 200)}.")
    else:
        wanted = names
    off = set() if disabled in (True, False) else {str(c) for c in disabled}
    columns = []
    show_index = not hide_index if hide_index is not None else not _plain_range(frame.index)
    if show_index:
        for level in range(frame.index.nlevels):
            values = frame.index.get_level_values(level)
            columns.append(_column(INDEX if frame.index.nlevels == 1 else f"{INDEX}{level}", values.name or "",
                                   values, config.get(INDEX, {}), index=True, read_only=True))
    for name in wanted:
        pos = names.index(name)
        conf = config.get(name, {})
        read_only = disabled is True or name in off
        columns.append(_column(name, name, frame.iloc[:, pos], conf, index=False, read_only=read_only, pos=pos))
    return [c for c in columns if not c.pop("hidden")]


def _plain_range(index: Any) -> bool:
    pd = sys.modules["pandas"]
    return isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1


def _column(name: str, label: str, values: Any, conf: dict[str, Any], *, index: bool, read_only: bool,
            pos: int | None = None) -> dict[str, Any]:
    own = data_kind(values)
    type_config = dict(conf.get("type_config") or {})
    kind = type_config.pop("type", None) or own
    if kind == "text" and type(values.dtype).__name__ == "CategoricalDtype":  # edited by picking a category
        kind = "selectbox"
        type_config.setdefault("options", [cell(c) for c in values.dtype.categories])
    editable = not (read_only or conf.get("disabled") or kind in READ_ONLY)
    return {
        "name": name, "label": conf.get("label") or str(label), "type": kind, "data": own, "pos": pos,
        "index": index, "editable": editable, "hidden": bool(conf.get("hidden")),
        "width": conf.get("width"), "help": conf.get("help"), "pinned": index or None if conf.get("pinned") is None else bool(conf["pinned"]),
        "alignment": conf.get("alignment"), "required": bool(conf.get("required")),
        "default": conf.get("default"), "options": type_config, "chars": _widest(values, own),
    }


def _widest(values: Any, kind: str) -> int | None:
    """The longest number in a numeric column, in characters: the page sizes the column without seeing every row."""
    if kind != "number" or not len(values):
        return None
    try:
        low, high = values.min(), values.max()
        digits = max(len(str(int(low))), len(str(int(high))))
    except (TypeError, ValueError, OverflowError):  # NaN-only columns and the like
        return None
    return digits + (5 if values.dtype.kind == "f" else 0)


# -- cells on the wire -------------------------------------------------------------------
def cell(value: Any) -> Any:
    """Return one cell as JSON data: numbers, text, booleans, ISO dates, lists; missing values as None."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, int):
        return value
    if isinstance(value, (_dt.date, _dt.time)):
        return None if value != value else value.isoformat()  # NaT is a datetime that differs from itself
    if hasattr(value, "item") and not hasattr(value, "__len__"):  # numpy scalars
        return cell(value.item())
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        return [cell(v) for v in (value.tolist() if hasattr(value, "tolist") else value)]
    if isinstance(value, Mapping):
        return {str(k): cell(v) for k, v in value.items()}
    try:
        if value != value:  # pd.NA, NaT
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def rows(frame: pd.DataFrame, columns: list[dict[str, Any]], positions: Any) -> list[list[Any]]:
    """Return the cells of the rows at ``positions`` (original row positions), one list per row."""
    part = frame.take(positions)
    out = []
    for col in columns:
        if col["index"]:
            level = int(col["name"][len(INDEX):] or 0)
            values = part.index.get_level_values(level)
        else:
            values = part.iloc[:, col["pos"]]
        out.append([cell(v) for v in values.tolist()])
    return [list(r) for r in zip(*out)] if out else [[] for _ in range(len(part))]


def order(frame: pd.DataFrame, columns: list[dict[str, Any]], sort: Any) -> Any:
    """Return the row positions sorted by ``sort`` (``[column name, ascending]``), or None for the data's order."""
    import numpy as np
    import pandas as pd

    if not sort:
        return None
    by = {c["name"]: c for c in columns}.get(sort[0])
    if by is None:
        return None
    if by["index"]:
        values = pd.Series(frame.index.get_level_values(int(by["name"][len(INDEX):] or 0)))
    else:
        values = frame.iloc[:, by["pos"]].reset_index(drop=True)
    try:
        positions = values.sort_values(ascending=bool(sort[1]), kind="stable", na_position="last").index
    except TypeError:  # mixed types: order by their text
        positions = values.astype(str).sort_values(ascending=bool(sort[1]), kind="stable").index
    return np.asarray(positions)


def answer(props: dict[str, Any], content: dict[str, Any], cache: dict[str, Any]) -> dict[str, Any] | None:
    """Answer the grid module's request for rows ``[start, end)`` in the current sort order; None for others.

    ``cache`` (one per drawn grid) keeps the last sort order, so scrolling a sorted
    1,000,000-row frame sorts it once.
    """
    if content.get("type") != "rows" or "_frame" not in props:
        return None
    import numpy as np

    frame, columns = props["_frame"], props["columns"]
    sort = content.get("sort") or None
    deleted = tuple(sorted({int(d) for d in content.get("deleted") or ()}))
    key = (props.get("version"), tuple(sort) if sort else None, deleted)
    if cache.get("key") != key:
        perm = order(frame, columns, sort)
        if deleted:
            base = np.arange(len(frame)) if perm is None else perm
            perm = base[~np.isin(base, np.asarray(deleted))]
        cache.update(key=key, order=perm)
    perm = cache["order"]
    total = len(frame) if perm is None else len(perm)
    start = max(0, min(int(content.get("start", 0)), total))
    end = max(start, min(int(content.get("end", start)), total, start + MAX_PAGE))
    positions = list(range(start, end)) if perm is None else perm[start:end].tolist()
    return {"type": "rows", "id": content.get("id"), "version": props.get("version"), "start": start,
            "sort": sort, "positions": positions, "rows": rows(frame, columns, positions)}


# -- edits ---------------------------------------------------------------------------------
def check_cell(column: dict[str, Any], value: Any) -> tuple[bool, Any, str]:
    """Check an edited value against its column's type and bounds: (ok, value in wire form, why not).

    Numbers must be numbers within ``min_value``/``max_value``; text within ``max_chars`` and
    matching ``validate``; options among ``options``; dates ISO strings within bounds.
    """
    if value is None:
        return (False, None, "is required") if column.get("required") else (True, None, "")
    opts = column.get("options") or {}
    kind = column["type"]
    if kind == "number" or (column["data"] == "number" and kind not in ("selectbox", "text")):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            try:
                value = float(value) if "." in str(value) or "e" in str(value).lower() else int(value)
            except (TypeError, ValueError):
                return False, value, "is not a number"
        if isinstance(value, float) and not math.isfinite(value):
            return False, value, "is not a finite number"
        low, high = opts.get("min_value"), opts.get("max_value")
        if low is not None and value < low:
            return False, value, f"is below the column's min_value {low}"
        if high is not None and value > high:
            return False, value, f"is above the column's max_value {high}"
        return True, value, ""
    if kind == "checkbox":
        if not isinstance(value, bool):
            return False, value, "is not True or False"
        return True, value, ""
    if kind == "selectbox":
        allowed = [o["value"] if isinstance(o, Mapping) else o for o in opts.get("options") or []]
        if allowed and value not in allowed:
            return False, value, f"is not one of the column's options {describe(allowed)}"
        return True, value, ""
    if kind in ("date", "datetime", "time"):
        return _check_temporal(kind, value, opts)
    if kind in ("list", "multiselect"):
        if not isinstance(value, list):
            return False, value, "is not a list"
        allowed = [o["value"] if isinstance(o, Mapping) else o for o in opts.get("options") or []]
        if kind == "multiselect" and allowed and not opts.get("accept_new_options"):
            unknown = [v for v in value if v not in allowed]
            if unknown:
                return False, value, f"holds {describe(unknown)}, which are not among the column's options"
        return True, value, ""
    text = str(value)
    if opts.get("max_chars") and len(text) > opts["max_chars"]:
        return False, value, f"is longer than the column's max_chars {opts['max_chars']}"
    if opts.get("validate") and not re.search(opts["validate"], text):
        return False, value, f"does not match the column's validate pattern {opts['validate']!r}"
    return True, text, ""


def _check_temporal(kind: str, value: Any, opts: dict[str, Any]) -> tuple[bool, Any, str]:
    parse = {"date": _dt.date.fromisoformat, "time": _dt.time.fromisoformat,
             "datetime": _dt.datetime.fromisoformat}[kind]
    try:
        parsed = parse(str(value)) if kind != "date" else parse(str(value)[:10])
    except ValueError:
        return False, value, f"is not an ISO {kind}"
    for bound, cmp, word in (("min_value", lambda a, b: a < b, "before"), ("max_value", lambda a, b: a > b, "after")):
        if opts.get(bound):
            limit = parse(opts[bound]) if kind != "date" else parse(opts[bound][:10])
            try:
                if cmp(parsed, limit):
                    return False, value, f"is {word} the column's {bound} {opts[bound]}"
            except TypeError:  # naive vs aware datetimes: not comparable, so not out of bounds
                pass
    return True, parsed.isoformat(), ""


def parse_cell(value: Any, kind: str) -> Any:
    """Return a wire value as the Python value its column holds (dates from ISO strings)."""
    if value is None:
        return None
    if kind == "datetime":
        import pandas as pd

        return pd.Timestamp(value)
    if kind == "date":
        return _dt.date.fromisoformat(str(value)[:10])
    if kind == "time":
        return _dt.time.fromisoformat(str(value))
    return value


# -- the element -----------------------------------------------------------------------------
_WIDTHS = ("stretch", "content")


def size(fn: str, arg: str, value: Any, keywords: tuple[str, ...]) -> int | str | None:
    """Return a width/height argument checked: a positive int (pixels), one of ``keywords`` or None."""
    if value is None or value in keywords:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    words = "".join(f", {w!r}" for w in keywords)
    raise NbappAPIError(f"st.{fn}(): {arg} must be a positive int (pixels){words} or None; got {describe(value)}.")


def grid_props(fn: str, frame: pd.DataFrame, *, column_config: Any, column_order: Any, hide_index: bool | None,
               disabled: Any, width: Any, height: Any, use_container_width: bool | None, row_height: Any,
               editor: dict[str, Any] | None = None, selection: list[str] | None = None,
               placeholder: str | None = None) -> dict[str, Any]:
    """Return the grid element's props: columns, row count, the first rows, a version of the data, sizes.

    ``_frame`` (the whole frame) stays in the kernel and answers the page's requests for
    rows. Raises NbappAPIError for a bad column_config, column_order, size or row_height.
    """
    from nbapp.caching.content import fast_digest

    config = normalize_config(fn, column_config)
    columns = grid_columns(fn, frame, config, column_order=column_order, hide_index=hide_index, disabled=disabled)
    width = size(fn, "width", width, _WIDTHS)
    if use_container_width:
        width = "stretch"
    if row_height is not None and (not isinstance(row_height, int) or isinstance(row_height, bool) or row_height < 10):
        raise NbappAPIError(f"st.{fn}(): row_height must be an int of at least 10 (pixels) or None; "
                            f"got {describe(row_height)}.")
    try:
        digest = fast_digest(frame) or repr(frame).encode()
    except Exception:  # cells that do not pickle (a lambda in an object column): this frame is its own version
        digest = f"id{id(frame)}".encode()
    version = f"{digest.hex()}:{hash(repr(columns)) & 0xFFFFFFFF:x}"
    return {"_frame": frame, "columns": columns, "nrows": len(frame),
            "head": rows(frame, columns, list(range(min(HEAD_ROWS, len(frame))))), "version": version,
            "width": width, "height": size(fn, "height", height, ("auto", "content", "stretch")),
            "hide_index": hide_index, "row_height": row_height, "editor": editor, "selection": selection,
            "placeholder": None if placeholder is None else str(placeholder)}


def static_html(props: dict[str, Any]) -> str:
    """Return the grid frozen as a plain HTML table of its first rows (export, first paint)."""
    import html

    columns, head = props.get("columns") or [], props.get("head") or []
    header = "".join(f"<th>{html.escape(str(c['label']))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{'' if v is None else html.escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in head)
    note = ""
    if props.get("nrows", 0) > len(head):
        note = f'<div class="nbapp-table-note">Showing the first {len(head):,} of {props["nrows"]:,} rows.</div>'
    return (f'<div class="nbapp-grid-static"><table class="nbapp-table"><thead><tr>{header}</tr></thead>'
            f"<tbody>{body}</tbody></table>{note}</div>")


class AttributeDict(dict):
    """A read-only dict whose keys also read as attributes (Streamlit's event and editing states)."""

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}") from None
        return AttributeDict(value) if type(value) is dict else value

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"


class DataframeSelectionState(AttributeDict):
    """The rows (positions), columns (names) and cells ((position, name)) selected in a dataframe."""


class DataframeState(AttributeDict):
    """What ``st.dataframe(..., on_select="rerun")`` returns: ``event.selection.rows`` and so on."""

    def __getattr__(self, name: str) -> Any:
        if name == "selection":
            return DataframeSelectionState(self["selection"])
        return super().__getattr__(name)


class DataEditorState(AttributeDict):
    """A data editor's editing state: ``edited_rows``, ``added_rows``, ``deleted_rows``."""
