"""st.dataframe / st.data_editor in the browser: the grid module's state, and pages of rows answered on request."""
from __future__ import annotations

import json
import textwrap

import ipywidgets as w

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App


def grids(script: str) -> list[w.Widget]:
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(App("import nbapp as st\nimport pandas as pd\nimport numpy as np\n" + textwrap.dedent(script),
                        filename="<grid>").run())
    found: list[w.Widget] = []

    def walk(widget):
        if "nbapp-dataframe" in widget._dom_classes:
            found.append(widget)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(renderer.root)
    return found


def ask(widget: w.Widget, **request) -> dict:
    """Send the module's request for rows as the browser would; return the kernel's reply."""
    sent: list[dict] = []
    widget.send = lambda content, buffers=None: sent.append(content)
    widget._handle_custom_msg({"type": "rows", **request}, [])
    (reply,) = sent
    return reply


def test_a_million_rows_send_the_columns_and_the_first_rows_only():
    (grid,) = grids("st.dataframe(pd.DataFrame({'n': np.arange(1_000_000), 'sq': np.arange(1_000_000) ** 2}))")
    props = grid.props
    assert props["nrows"] == 1_000_000
    assert [c["name"] for c in props["columns"]] == ["n", "sq"]  # a plain 0..n index is not shown
    assert len(props["head"]) == 100 and props["head"][99] == [99, 9801]
    assert "_frame" not in props
    assert len(json.dumps(props)) < 5_000


def test_rows_are_answered_in_pages_and_sorted_on_the_whole_frame():
    (grid,) = grids("st.dataframe(pd.DataFrame({'n': np.arange(1_000_000)}))")
    version = grid.props["version"]
    last = ask(grid, start=999_900, end=1_000_100, sort=None)
    assert (last["start"], last["rows"][-1], len(last["rows"]), last["version"]) == (999_900, [999_999], 100, version)
    top = ask(grid, start=0, end=3, sort=["n", False])
    assert top["rows"] == [[999_999], [999_998], [999_997]] and top["positions"] == [999_999, 999_998, 999_997]


def test_deleted_rows_are_left_out_of_the_pages():
    (grid,) = grids("st.data_editor(pd.DataFrame({'a': [10, 11, 12, 13]}), num_rows='dynamic')")
    reply = ask(grid, start=0, end=10, sort=None, deleted=[1, 2])
    assert reply["rows"] == [[10], [13]] and reply["positions"] == [0, 3]


def test_cells_travel_as_json_and_the_index_shows_when_it_says_something():
    (grid,) = grids("""
        st.dataframe(pd.DataFrame({'when': [pd.Timestamp('2024-01-02'), pd.NaT], 'x': [0.5, float('nan')],
                                   'ok': [True, False], 'tags': [['a'], []]}, index=['r1', 'r2']))
    """)
    columns = grid.props["columns"]
    assert [(c["name"], c["type"]) for c in columns] == [
        ("_index", "text"), ("when", "datetime"), ("x", "number"), ("ok", "checkbox"), ("tags", "list")]
    assert grid.props["head"] == [["r1", "2024-01-02T00:00:00", 0.5, True, ["a"]], ["r2", None, None, False, []]]


def test_column_config_reaches_the_grid():
    (grid,) = grids("""
        st.dataframe({'p': [1.5], 'q': [2], 'r': [3]}, hide_index=True, column_order=['p', 'q'],
                     column_config={'p': st.column_config.NumberColumn('Price', format='$%.2f', help='USD', pinned=True),
                                    'q': st.column_config.ProgressColumn(min_value=0, max_value=10)})
    """)
    p, q = grid.props["columns"]
    assert (p["label"], p["options"]["format"], p["help"], p["pinned"]) == ("Price", "$%.2f", "USD", True)
    assert (q["type"], q["options"]["max_value"]) == ("progress", 10)


def test_a_selection_or_an_edit_comes_back_as_the_value():
    selecting, editing = grids("""
        st.dataframe({'a': [1, 2]}, on_select='rerun', selection_mode=['multi-row', 'multi-cell'])
        st.data_editor({'a': [1, 2]})
    """)
    assert selecting.props["selection"] == ["multi-row", "multi-cell"]
    assert json.loads(selecting.value) == {"selection": {"rows": [], "columns": [], "cells": []}}
    assert editing.props["editor"] == {"num_rows": "fixed"}
    assert json.loads(editing.value) == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def test_the_frozen_grid_is_a_table_of_the_first_rows_with_a_note():
    from nbapp.elements.registry import KINDS

    (grid,) = grids("st.dataframe(pd.DataFrame({'name': ['<b>'] * 250}))")
    html = KINDS["dataframe"].static({**grid.props, "value": grid.value})
    assert "<th>name</th>" in html and html.count("<td>&lt;b&gt;</td>") == 100
    assert "Showing the first 100 of 250 rows." in html


def test_placeholder_and_row_height_reach_the_grid():
    (grid,) = grids("st.dataframe({'a': [None]}, placeholder='—', row_height=50)")
    assert (grid.props["placeholder"], grid.props["row_height"]) == ("—", 50)
