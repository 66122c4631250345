"""``streamlit.dataframe_util`` inside an app: the data formats Streamlit names, and turning data into a DataFrame.

Scripts and their helpers import :class:`DataFormat` to label the inputs they pass to
``st.dataframe`` and friends (Streamlit's own test apps do); pandas is imported only when
a function needs it.
"""
from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from nbapp.elements.data import to_dataframe

__all__ = ["DataFormat", "convert_anything_to_pandas_df", "determine_data_format"]


class DataFormat(enum.Enum):
    """The kinds of data Streamlit's data elements take (members and values as in Streamlit 1.67)."""

    UNKNOWN = 1
    EMPTY = 2
    COLUMN_INDEX_MAPPING = 3
    COLUMN_SERIES_MAPPING = 4
    COLUMN_VALUE_MAPPING = 5
    DASK_OBJECT = 6
    DBAPI_CURSOR = 7
    DUCKDB_RELATION = 8
    KEY_VALUE_DICT = 9
    LIST_OF_RECORDS = 10
    LIST_OF_ROWS = 11
    LIST_OF_VALUES = 12
    MODIN_OBJECT = 13
    NUMPY_LIST = 14
    NUMPY_MATRIX = 15
    PANDAS_ARRAY = 16
    PANDAS_DATAFRAME = 17
    PANDAS_INDEX = 18
    PANDAS_SERIES = 19
    PANDAS_STYLER = 20
    POLARS_DATAFRAME = 21
    POLARS_LAZYFRAME = 22
    POLARS_SERIES = 23
    PYARROW_ARRAY = 24
    PYARROW_TABLE = 25
    PYSPARK_OBJECT = 26
    SET_OF_VALUES = 27
    SNOWPANDAS_OBJECT = 28
    SNOWPARK_OBJECT = 29
    TUPLE_OF_VALUES = 30
    XARRAY_DATASET = 31
    XARRAY_DATA_ARRAY = 32


# (module prefix, class name) -> format, for the libraries recognised by type alone (no import).
_BY_TYPE = {
    ("pandas", "DataFrame"): DataFormat.PANDAS_DATAFRAME, ("pandas", "Series"): DataFormat.PANDAS_SERIES,
    ("pandas", "Styler"): DataFormat.PANDAS_STYLER, ("pyarrow", "Table"): DataFormat.PYARROW_TABLE,
    ("polars", "DataFrame"): DataFormat.POLARS_DATAFRAME, ("polars", "LazyFrame"): DataFormat.POLARS_LAZYFRAME,
    ("polars", "Series"): DataFormat.POLARS_SERIES, ("xarray", "Dataset"): DataFormat.XARRAY_DATASET,
    ("xarray", "DataArray"): DataFormat.XARRAY_DATA_ARRAY,
}


def determine_data_format(input_data: Any) -> DataFormat:
    """Return the :class:`DataFormat` of ``input_data`` (``DataFormat.UNKNOWN`` when not recognised).

    Examples
    --------
    >>> determine_data_format({"a": [1, 2]})
    <DataFormat.COLUMN_VALUE_MAPPING: 5>
    """
    if input_data is None:
        return DataFormat.EMPTY
    cls = type(input_data)
    module = (cls.__module__ or "").split(".")[0]
    if (module, cls.__name__) in _BY_TYPE:
        return _BY_TYPE[(module, cls.__name__)]
    if module == "pandas" and cls.__name__.endswith("Index"):
        return DataFormat.PANDAS_INDEX
    if module == "pandas" and cls.__name__.endswith("Array"):
        return DataFormat.PANDAS_ARRAY
    if module == "pyarrow" and cls.__name__.endswith("Array"):
        return DataFormat.PYARROW_ARRAY
    if module == "numpy" and cls.__name__ == "ndarray":
        return DataFormat.NUMPY_LIST if input_data.ndim == 1 else DataFormat.NUMPY_MATRIX
    if isinstance(input_data, (set, frozenset)):
        return DataFormat.SET_OF_VALUES
    if isinstance(input_data, tuple):
        return DataFormat.TUPLE_OF_VALUES
    if isinstance(input_data, list):
        if not input_data:
            return DataFormat.LIST_OF_VALUES
        first = input_data[0]
        if isinstance(first, Mapping):
            return DataFormat.LIST_OF_RECORDS
        if isinstance(first, (list, tuple, set, frozenset)):
            return DataFormat.LIST_OF_ROWS
        return DataFormat.LIST_OF_VALUES
    if isinstance(input_data, Mapping):
        if not input_data:
            return DataFormat.KEY_VALUE_DICT
        first = next(iter(input_data.values()))
        if isinstance(first, Mapping):
            return DataFormat.COLUMN_INDEX_MAPPING
        if type(first).__module__.split(".")[0] == "pandas" and type(first).__name__ == "Series":
            return DataFormat.COLUMN_SERIES_MAPPING
        if isinstance(first, (list, tuple)) or type(first).__name__ == "ndarray":
            return DataFormat.COLUMN_VALUE_MAPPING
        return DataFormat.KEY_VALUE_DICT
    return DataFormat.UNKNOWN


def convert_anything_to_pandas_df(data: Any, max_unevaluated_rows: int = 10000, ensure_copy: bool = False):
    """Return ``data`` (anything ``st.dataframe`` takes) as a pandas DataFrame; a copy when ``ensure_copy``.

    Raises NbappAPIError for data that is not a table.

    Examples
    --------
    >>> convert_anything_to_pandas_df({"a": [1, 2]}).shape
    (2, 1)
    """
    frame = to_dataframe("dataframe", data)
    return frame.copy() if ensure_copy else frame
