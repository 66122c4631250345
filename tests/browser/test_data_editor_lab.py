"""st.data_editor inline in real JupyterLab: a %%app cell's grid pages rows from the kernel and edits rerun the app."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
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
REPO = str(Path(__file__).resolve().parents[2])
WAIT = 60_000  # ms: JupyterLab, a kernel and the app's first run on a loaded 2-core machine


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("%load_ext nbapp"), nbformat.v4.new_code_cell(APP)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "grid.ipynb")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [REPO, os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-m", "jupyter", "lab", "--allow-root", "--no-browser", f"--port={port}",
                             "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
                             "--LabApp.news_url=", "--ServerApp.disable_check_xsrf=True"],
                            cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                os.killpg(proc.pid, signal.SIGKILL)
                pytest.fail("jupyter lab did not start")
            time.sleep(0.5)
    yield url
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def test_the_grid_works_inline_in_jupyterlab(page, lab):
    page.goto(f"{lab}/lab/tree/grid.ipynb")
    expect(page.locator(".jp-Notebook")).to_be_visible(timeout=WAIT)
    # JupyterLab may ask which kernel to start, whatever the notebook's kernelspec says.
    select = page.locator(".jp-Dialog").get_by_role("button", name="Select")
    try:
        select.wait_for(timeout=15_000)
    except PlaywrightTimeout:
        pass
    else:
        select.click()
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(1, timeout=WAIT)
    page.locator(".jp-Notebook .jp-Cell .cm-content").first.click()
    page.keyboard.press("Shift+Enter")  # %load_ext nbapp, then focus moves to the app cell
    page.keyboard.press("Shift+Enter")
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
