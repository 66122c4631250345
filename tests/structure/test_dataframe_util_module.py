"""``streamlit.dataframe_util`` inside an app: DataFormat and determine_data_format as Streamlit 1.67 names them."""
from __future__ import annotations

from nbapp.testing import AppTest


def test_scripts_label_their_inputs_with_dataformat_as_streamlits_e2e_apps_do():
    at = AppTest.from_string("""
        import numpy as np
        import pandas as pd
        import streamlit as st
        from streamlit.dataframe_util import DataFormat, convert_anything_to_pandas_df, determine_data_format

        inputs = [{"a": [1, 2]}, {"a": 1}, [{"a": 1}], [[1, 2]], (1, 2), {3}, np.array([[1]]), pd.Series([1]),
                  pd.DataFrame({"a": [1]}).style, None, "text"]
        st.write(", ".join(determine_data_format(x).name for x in inputs))
        st.write(DataFormat.PANDAS_DATAFRAME.value, len(DataFormat))
        st.dataframe(convert_anything_to_pandas_df([{"a": 1}, {"a": 2}], ensure_copy=True))
    """).run()
    assert not at.exception
    assert at.markdown.values[0] == (
        "COLUMN_VALUE_MAPPING, KEY_VALUE_DICT, LIST_OF_RECORDS, LIST_OF_ROWS, TUPLE_OF_VALUES, SET_OF_VALUES, "
        "NUMPY_MATRIX, PANDAS_SERIES, PANDAS_STYLER, EMPTY, UNKNOWN")
    assert at.markdown.values[1] == "`17` `32`"
    assert list(at.dataframe[0].value["a"]) == [1, 2]
