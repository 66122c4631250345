"""st.data_editor inline in real JupyterLab: a %%app cell's grid pages rows from the kernel, edits and new rows rerun the app."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect


APP = '''\
%%app
import numpy as np
import pandas as pd
import nbapp as st

edited = st.data_editor(pd.DataFrame({"item": ["apple", "pear"], "qty": [3, 4]}), num_rows="dynamic", key="cart")
st.write(f"total {int(edited['qty'].fillna(0).sum())} in {len(edited)} rows")
st.dataframe(pd.DataFrame({"n": np.arange(1_000_000)}), height=250)
'''
WAIT = 60_000  # ms: JupyterLab, a kernel and the app's first run on a loaded 2-core machine

pytestmark = pytest.mark.skipif(__import__("shutil").which("jupyter-lab") is None, reason="JupyterLab is not installed")


def cell(grid, row: int, col: int):
    return grid.locator(f'.nbapp-grid-window .nbapp-grid-row[data-row="{row}"] .nbapp-grid-cell[data-col="{col}"]')


def test_editing_a_cell_and_adding_a_row_rerun_the_app_inline_in_jupyterlab(page, lab):
    lab.open_notebook(page, "grid.ipynb", APP)
    app = page.locator(".jp-OutputArea .lm-Widget.nbapp-app")  # the live app, not its hidden snapshot
    expect(app.get_by_text("total 7 in 2 rows")).to_be_visible(timeout=WAIT)
    editor = app.locator(".nbapp-dataframe:has(.nbapp-grid-editor)")
    qty = cell(editor, 1, 1)
    qty.dblclick()
    qty.locator("input").fill("10")
    qty.locator("input").press("Enter")
    expect(app.get_by_text("total 13 in 2 rows")).to_be_visible(timeout=WAIT)
    editor.get_by_text("+ Add row").click()
    expect(app.get_by_text("total 13 in 3 rows")).to_be_visible(timeout=WAIT)
    added = cell(editor, 2, 1)
    added.dblclick()
    added.locator("input").fill("5")
    added.locator("input").press("Enter")
    expect(app.get_by_text("total 18 in 3 rows")).to_be_visible(timeout=WAIT)
    expect(cell(editor, 1, 1)).to_have_text("10")  # the edit survived the reruns
    big = app.locator(".nbapp-dataframe:not(:has(.nbapp-grid-editor))")
    big.locator(".nbapp-grid-scroll").evaluate("el => el.scrollTop = el.scrollHeight")
    expect(big.locator(".nbapp-grid-window")).to_contain_text("999999", timeout=WAIT)


FORMATS = '''\
%%app
import pandas as pd
import nbapp as st

pct = st.slider("Share", 0, 100, 25, format="%d%%")
st.dataframe(pd.DataFrame({"trend": ["1,2,3", "invalid"]}),
             column_config={"trend": st.column_config.BarChartColumn("Trend")})
st.write(f"share is {pct}")
'''


def test_a_custom_slider_format_and_a_chart_column_of_text_draw_inline_in_jupyterlab(page, lab):
    # Both used to break the drawing (a renderer error; a grid that threw and showed nothing).
    lab.open_notebook(page, "formats.ipynb", FORMATS)
    app = page.locator(".jp-OutputArea .lm-Widget.nbapp-app")
    expect(app.get_by_text("share is 25")).to_be_visible(timeout=WAIT)
    expect(app.locator(".nbapp-slider-readout")).to_have_text("25%")
    grid = app.locator(".nbapp-dataframe")
    expect(cell(grid, 0, 0).locator("svg rect")).to_have_count(3)
    expect(cell(grid, 1, 0).locator("svg")).to_have_count(0)
