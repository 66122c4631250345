"""st.data_editor inline in real JupyterLab: a %%app cell's grid pages rows from the kernel and edits rerun the app."""
from __future__ import annotations

from playwright.sync_api import expect

APP = '''\
%%app
import numpy as np
import pandas as pd
import nbapp as st

edited = st.data_editor(pd.DataFrame({"item": ["apple", "pear"], "qty": [3, 4]}), key="cart")
st.write(f"total {int(edited['qty'].sum())}")
st.dataframe(pd.DataFrame({"n": np.arange(1_000_000)}), height=250)
'''
WAIT = 60_000  # ms: JupyterLab, a kernel and the app's first run on a loaded 2-core machine


def test_the_grid_works_inline_in_jupyterlab(page, lab):
    lab.open_notebook(page, "grid.ipynb", APP)
    expect(page.locator(".lm-Widget.nbapp-app").get_by_text("total 7")).to_be_visible(timeout=WAIT)  # not the hidden snapshot
    editor = page.locator(".nbapp-dataframe:has(.nbapp-grid-editor)")
    qty = editor.locator('.nbapp-grid-window .nbapp-grid-row[data-row="1"] .nbapp-grid-cell[data-col="1"]')
    qty.dblclick()
    qty.locator("input").fill("10")
    qty.locator("input").press("Enter")
    expect(page.locator(".lm-Widget.nbapp-app").get_by_text("total 13")).to_be_visible(timeout=WAIT)
    big = page.locator(".nbapp-dataframe:not(:has(.nbapp-grid-editor))")
    big.locator(".nbapp-grid-scroll").evaluate("el => el.scrollTop = el.scrollHeight")
    expect(big.locator(".nbapp-grid-window")).to_contain_text("999999", timeout=WAIT)
