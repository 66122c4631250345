"""Data for the built-in charts: any table -> long-form columns + the Vega-Lite spec Streamlit builds.

Follows Streamlit 1.67's ``built_in_chart_utils``: the index becomes the x column when ``x``
is None, several ``y`` columns are melted into one value column plus a color column, axis
titles show only for columns the user named, vertical bars get an ordinal x axis, and the
tooltip lists x, y, color and size. The spec is built as a plain dict (no Altair needed) in
the shape ``alt.Chart(...).encode(...).interactive().to_dict()`` gives. Tables travel as
columns: numbers and times as float64 bytes (binary buffers), the rest as lists.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from nbapp.elements.policies import fail, got
from nbapp.errors import describe

if TYPE_CHECKING:
    import pandas as pd

INDEX_TITLE, VALUE_TITLE, COLOR_TITLE = "index", "value", "color"
_SUFFIX = "--p5bJXXpQgvPz6yvQMFiy"  # Streamlit's: hidden column names no user column collides with
INDEX_COLUMN, VALUE_COLUMN, COLOR_COLUMN = INDEX_TITLE + _SUFFIX, VALUE_TITLE + _SUFFIX, COLOR_TITLE + _SUFFIX
MISSING_COLUMN = "DOES_NOT_EXIST" + _SUFFIX
DATASET = "data"  # the name of a built-in chart's dataset in its spec
STACKS = (None, True, False, "normalize", "center", "layered")
_COLOR_LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
_SIZE_LEGEND = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
MARKS = {"line_chart": "line", "area_chart": "area", "bar_chart": "bar", "scatter_chart": "circle"}


def is_hex_color(value: Any) -> bool:
    return isinstance(value, str) and bool(_HEX.match(value))


def is_color_tuple(value: Any) -> bool:
    return (isinstance(value, (tuple, list)) and len(value) in (3, 4)
            and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in value))


def is_color(value: Any) -> bool:
    return is_hex_color(value) or is_color_tuple(value)


def css_color(value: Any) -> str:
    """Return a hex string or RGB(A) tuple (0-255 ints or 0.0-1.0 floats) as a CSS color."""
    if isinstance(value, str):
        return value
    floats = all(isinstance(c, float) for c in value)
    r, g, b = (round(c * 255) if floats else int(c) for c in value[:3])
    if len(value) == 3:
        return f"rgb({r}, {g}, {b})"
    alpha = value[3] if floats or isinstance(value[3], float) else value[3] / 255
    return f"rgba({r}, {g}, {b}, {alpha})"


def vegalite_type(series: pd.Series) -> str:
    """Vega-Lite's type for a column ('quantitative', 'ordinal', 'nominal', 'temporal'), as Altair infers it."""
    from pandas.api.types import infer_dtype

    kind = infer_dtype(series)
    if kind in ("floating", "mixed-integer-float", "integer", "mixed-integer", "complex"):
        return "quantitative"
    if kind == "categorical" and series.cat.ordered:
        return "ordinal"
    if kind in ("datetime", "datetime64", "timedelta", "timedelta64", "date", "time", "period"):
        return "temporal"
    return "nominal"


def _column_error(fn: str, arg: str, frame: pd.DataFrame, name: Any):
    columns = ", ".join(str(c) for c in frame.columns)
    return fail(fn, None, f"{arg} names the column {describe(name)}, which the data does not have; "
                          f"its columns are: {columns or '(none)'}.")


def _x_column(fn: str, frame: pd.DataFrame, x: Any) -> str | None:
    if x is None:
        return None
    if not isinstance(x, str):
        raise fail(fn, None, f"x must be a column name (str) or None to use the index, got {got(x)}.")
    if x not in frame.columns:
        raise _column_error(fn, "x", frame, x)
    return x


def _y_columns(fn: str, frame: pd.DataFrame, y: Any, x_column: str | None) -> list:
    if y is None:
        columns = list(frame.columns)
    elif isinstance(y, str):
        columns = [y]
    else:
        try:
            columns = [str(c) for c in y]
        except TypeError:
            raise fail(fn, None, f"y must be a column name, a list of column names or None, got {got(y)}.") from None
    for column in columns:
        if column not in frame.columns:
            raise _column_error(fn, "y", frame, column)
    if x_column in columns and (not y or x_column not in (y if not isinstance(y, str) else [y])):
        columns.remove(x_column)
    return columns


def _column_or_value(frame: pd.DataFrame, value: Any) -> tuple[str | None, Any]:
    if isinstance(value, str) and value in frame.columns:
        return value, None
    return None, value


def prepare(fn: str, frame: pd.DataFrame, x, y, color, size) -> dict[str, Any]:
    """Return the long-form frame and the names its x, y, color and size columns ended up with.

    Raises NbappAPIError naming ``st.fn`` for a column the data lacks.
    """
    import pandas as pd

    frame = frame.copy()
    x_column = _x_column(fn, frame, x)
    y_columns = _y_columns(fn, frame, y, x_column)
    color_column, color_value = _column_or_value(frame, color)
    size_column, size_value = _column_or_value(frame, size)
    if x_column is None and y_columns:  # the index becomes the x column
        x_column = INDEX_COLUMN if frame.index.name is None else frame.index.name
        frame.index.name = x_column
        frame = frame.reset_index()
    keep = list(dict.fromkeys(c for c in (x_column, color_column, size_column, *y_columns) if c is not None))
    frame = frame[keep]
    if color_column is not None and len(frame) and is_color_tuple(frame[color_column].iat[0]):
        frame[color_column] = frame[color_column].map(css_color)
    frame.columns = pd.Index([str(c) for c in frame.columns])
    x_column = None if x_column is None else str(x_column)
    y_columns = [str(c) for c in y_columns]
    color_column = None if color_column is None else str(color_column)
    size_column = None if size_column is None else str(size_column)
    y_column = y_columns[0] if len(y_columns) == 1 else None
    if len(y_columns) > 1 and x_column is not None:
        keep_ids = [x_column] + ([size_column] if size_column else [])
        frame = pd.melt(frame, id_vars=keep_ids, value_vars=y_columns, var_name=COLOR_COLUMN, value_name=VALUE_COLUMN)
        y_column, color_column = VALUE_COLUMN, COLOR_COLUMN
    return {"frame": frame, "x": x_column, "y": y_column, "y_columns": y_columns, "color": color_column,
            "color_value": color_value, "size": size_column, "size_value": size_value}


def _is_date_column(frame: pd.DataFrame, name: str | None) -> bool:
    return name is not None and len(frame[name]) > 0 and isinstance(frame[name].iloc[0], datetime.date)


def _axis(frame: pd.DataFrame, column: str | None, grid: bool) -> dict[str, Any]:
    from pandas.api.types import is_integer_dtype

    if column is not None and is_integer_dtype(frame[column]):
        return {"grid": grid, "tickMinStep": 1}
    return {"grid": grid}


def _position(frame, column, user_arg, label, *, hidden: str, type_: str, grid: bool) -> dict[str, Any]:
    if column is None:
        field, title = MISSING_COLUMN, ""
    elif column == hidden:
        field, title = column, ""
    else:
        field, title = column, ("" if user_arg is None else column)
    if label is not None:
        title = label
    return {"field": field, "title": title, "type": type_, "scale": {}, "axis": _axis(frame, column, grid)}


def _type(frame, column, *, ordinal: bool) -> str:
    if ordinal and not _is_date_column(frame, column):
        return "ordinal"
    return vegalite_type(frame[column]) if column is not None else "quantitative"


def _color(fn: str, frame, prepared) -> dict[str, Any] | None:
    value, column, y_columns = prepared["color_value"], prepared["color"], prepared["y_columns"]
    if value not in (None, [], ()):
        if is_color(value):
            if len(y_columns) != 1:
                raise fail(fn, None, f"color gives one color, {describe(value)}, for {len(y_columns)} y columns "
                                     f"({describe(y_columns)}): give a list with one color per column.")
            return {"value": css_color(value)}
        if isinstance(value, (list, tuple)) and all(is_color(c) for c in value):
            if len(value) != len(y_columns):
                raise fail(fn, None, f"color lists {len(value)} colors but there are {len(y_columns)} y columns "
                                     f"({describe(y_columns)}): give one color per column.")
            if len(value) == 1:
                return {"value": css_color(value[0])}
            encoding = {"scale": {"range": [css_color(c) for c in value]}, "legend": dict(_COLOR_LEGEND),
                        "type": "nominal", "title": " "}
            return {"field": column, **encoding} if column is not None else encoding
        raise fail(fn, None, f"color must be a column name, a hex string like '#ffaa00', an RGB(A) tuple or a "
                             f"list of those (one per y column), got {got(value)}.")
    if column is None:
        return None
    if column == COLOR_COLUMN:
        return {"field": column, "legend": dict(_COLOR_LEGEND), "type": "nominal", "title": " "}
    encoding = {"field": column, "legend": dict(_COLOR_LEGEND), "type": vegalite_type(frame[column])}
    if len(frame[column]) and is_color(frame[column].iat[0]):
        encoding["scale"] = {"range": [css_color(c) for c in frame[column].unique()]}
        encoding["legend"] = None
    return encoding


def _size(fn: str, mark: str, prepared) -> dict[str, Any] | None:
    if mark != "circle":
        return None
    column, value = prepared["size"], prepared["size_value"]
    if column is not None:
        return {"field": column, "legend": dict(_SIZE_LEGEND), "type": "quantitative"}
    if value is None:
        return {"value": 100}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"value": value}
    raise fail(fn, None, f"size must be a column name or a number (the points' area), got {got(value)}.")


def _tooltip(prepared, color_encoding) -> list[dict[str, Any]]:
    x, y, color, size = prepared["x"], prepared["y"], prepared["color"], prepared["size"]
    tips = [{"field": x, "title": INDEX_TITLE} if x == INDEX_COLUMN else {"field": x}]
    tips.append({"field": y, "title": VALUE_TITLE, "type": "quantitative"} if y == VALUE_COLUMN else {"field": y})
    if color and (color_encoding is None or color_encoding.get("legend", True) is not None):
        tips.append({"field": color, "title": COLOR_TITLE, "type": "nominal"} if color == COLOR_COLUMN
                    else {"field": color})
    if size:
        tips.append({"field": size})
    return tips


def built_in_spec(fn: str, prepared: dict[str, Any], *, x_arg, y_arg, x_label, y_label, horizontal: bool = False,
                  stack: Any = None, sort: Any = True) -> dict[str, Any]:
    """Return the Vega-Lite spec of a built-in chart over the dataset named ``DATASET``.

    Raises NbappAPIError for a bad color, size or sort.
    """
    frame, mark = prepared["frame"], MARKS[fn]
    x, y = prepared["x"], prepared["y"]
    bar = fn == "bar_chart"
    if horizontal:  # bars sideways: the data's x runs down the y axis
        x_enc = _position(frame, y, y_arg, x_label, hidden=VALUE_COLUMN, type_=_type(frame, y, ordinal=False), grid=True)
        y_enc = _position(frame, x, x_arg, y_label, hidden=INDEX_COLUMN, type_=_type(frame, x, ordinal=True), grid=False)
        value_enc, category_enc = x_enc, y_enc
    else:
        x_enc = _position(frame, x, x_arg, x_label, hidden=INDEX_COLUMN, type_=_type(frame, x, ordinal=bar), grid=False)
        y_enc = _position(frame, y, y_arg, y_label, hidden=VALUE_COLUMN, type_=_type(frame, y, ordinal=False), grid=True)
        value_enc, category_enc = y_enc, x_enc
    if stack is not None:
        value_enc["stack"] = False if stack == "layered" else stack
    if bar:
        _sort(fn, category_enc, value_enc, sort, frame)
    encoding: dict[str, Any] = {"x": x_enc, "y": y_enc}
    color_column = prepared["color"]
    if bar and stack is False and color_column is not None:
        encoding["yOffset" if horizontal else "xOffset"] = {"field": color_column}
    if color_column and (fn == "area_chart" or stack == "layered"):
        encoding["opacity"] = {"value": 0.7}
    if (color := _color(fn, frame, prepared)) is not None:
        encoding["color"] = color
    if (size := _size(fn, mark, prepared)) is not None:
        encoding["size"] = size
    if x is not None and y is not None:
        encoding["tooltip"] = _tooltip(prepared, color)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"name": DATASET},
        "mark": {"type": mark},
        "encoding": encoding,
        "params": [{"name": "param_1", "select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}],
        "autosize": {"type": "fit", "contains": "padding"},
    }


def _sort(fn: str, category: dict, value: dict, sort: Any, frame) -> None:
    """``sort`` of st.bar_chart: True keeps Vega-Lite's order (ascending categories), False the data's
    order, a column name sorts bars by it (a leading "-" descending)."""
    if sort is True:
        return
    if sort is False or sort is None:
        category["sort"] = None
        return
    if isinstance(sort, str):
        descending = sort.startswith("-")
        name = sort[1:] if descending else sort
        fields = {value.get("field"): value, category.get("field"): category}
        if name not in frame.columns and name not in fields:
            raise _column_error(fn, "sort", frame, name)
        if name == category.get("field"):
            category["sort"] = "descending" if descending else "ascending"
        else:
            category["sort"] = {"field": name, "op": "sum", "order": "descending" if descending else "ascending"}
        return
    raise fail(fn, None, f"sort must be True, False or a column name (prefix '-' for descending), got {got(sort)}.")


def check_stack(fn: str, stack: Any) -> None:
    """Raise unless ``stack`` is one of Streamlit's values."""
    if not any(stack is s or (isinstance(s, str) and stack == s) for s in STACKS):
        raise fail(fn, None, 'stack must be True, False, "normalize", "center", "layered" or None, '
                             f"got {got(stack)}.")


def columns_table(frame: pd.DataFrame) -> dict[str, Any]:
    """Return ``frame`` as columns for the browser: names, kinds, values (float64 bytes or lists).

    Numbers travel as float64 bytes, datetimes as milliseconds since the epoch (UTC), bools,
    strings and everything else as a list of JSON values.
    """
    import numpy as np
    import pandas as pd
    from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype, is_timedelta64_dtype

    names, kinds, values = [], [], []
    for i, name in enumerate(frame.columns):
        column = frame.iloc[:, i]
        names.append(str(name))
        if is_bool_dtype(column.dtype):
            kinds.append("value")
            values.append([None if pd.isna(v) else bool(v) for v in column])
        elif is_numeric_dtype(column.dtype):
            kinds.append("number")
            values.append(np.ascontiguousarray(column.to_numpy(dtype="float64", na_value=np.nan)).astype("<f8").tobytes())
        elif is_datetime64_any_dtype(column.dtype):
            stamps = column.dt.tz_convert("UTC").dt.tz_localize(None) if column.dt.tz is not None else column
            kinds.append("time")
            ms = stamps.to_numpy(dtype="datetime64[ns]").astype("int64") / 1e6
            ms[stamps.isna().to_numpy()] = np.nan
            values.append(ms.astype("<f8").tobytes())
        elif is_timedelta64_dtype(column.dtype):
            kinds.append("number")
            values.append((column.dt.total_seconds() * 1000).to_numpy(dtype="float64", na_value=np.nan).astype("<f8").tobytes())
        else:
            kinds.append("value")
            values.append([_json_value(v) for v in column])
    return {"columns": names, "kinds": kinds, "values": values, "length": len(frame)}


def _json_value(value: Any) -> Any:
    import pandas as pd

    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return None
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


def table_rows(table: dict[str, Any]) -> list[dict[str, Any]]:
    """Return a columns table (as :func:`columns_table` makes it) as row dicts: the static picture's data.

    Accepts the float64 columns as bytes or as the base64 text a saved widget state holds.
    """
    import base64

    import numpy as np

    columns = []
    for kind, values in zip(table["kinds"], table["values"]):
        if kind in ("number", "time"):
            raw = base64.b64decode(values) if isinstance(values, str) else bytes(values)
            array = np.frombuffer(raw, dtype="<f8")
            columns.append([None if np.isnan(v) else float(v) for v in array])
        else:
            columns.append(list(values))
    return [dict(zip(table["columns"], row)) for row in zip(*columns)] if columns else []


def sequence_of_str(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str) and all(isinstance(v, str) for v in value)
