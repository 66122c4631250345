"""App structure in JupyterLab: a dialog over the cell's output, a run_every fragment, query params as the app's own dict."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

WAIT = 30_000  # ms: JupyterLab, then a kernel, on a loaded 2-core machine
APP = '''%%app
import nbapp as st
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1
st.session_state.setdefault("ticks", 0)

@st.fragment(run_every=0.5)
def clock():
    st.session_state.ticks += 1
    st.write(f"tick {st.session_state.ticks}")

@st.dialog("Settings")
def settings():
    st.write("inside the dialog")

clock()
if st.button("Open settings"):
    settings()
if st.button("Share"):
    st.query_params["x"] = "5"
st.write(f"app runs {st.session_state.app_runs} params {st.query_params.to_dict()}")
'''

pytestmark = pytest.mark.skipif(shutil.which("jupyter-lab") is None, reason="JupyterLab is not installed")


@pytest.fixture
def notebook(page, lab):
    lab.open_notebook(page, "app.ipynb", APP)
    expect(page.locator(".jp-OutputArea .lm-Widget.nbapp-app")).to_be_visible(timeout=WAIT)
    return page


def test_dialog_covers_the_cells_output_and_fragment_ticks_alone(notebook):
    page = notebook
    app = page.locator(".jp-OutputArea .lm-Widget.nbapp-app")
    expect(app.get_by_text(re.compile(r"^tick \d+$"))).to_be_visible(timeout=WAIT)
    runs = app.get_by_text(re.compile(r"^app runs")).inner_text()
    first = int(app.get_by_text(re.compile(r"^tick \d+$")).inner_text().split()[1])
    page.wait_for_function("""first => [...document.querySelectorAll('.nbapp-app .nbapp-fragment')]
        .some(e => { const m = e.innerText.match(/tick (\\d+)/); return m && Number(m[1]) >= first + 3; })""",
                           arg=first, timeout=WAIT)
    assert app.get_by_text(re.compile(r"^app runs")).inner_text() == runs

    app.get_by_role("button", name="Open settings").click()
    dialog = app.locator(".nbapp-dialog")
    expect(dialog).to_be_visible(timeout=WAIT)
    expect(dialog).to_contain_text("inside the dialog")
    overlay = app.locator(".nbapp-dialog-overlay").bounding_box()
    output = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea").bounding_box()
    # Over the cell's output, not over the whole JupyterLab window.
    assert overlay["y"] >= output["y"] - 1 and overlay["x"] >= output["x"] - 1
    assert overlay["width"] <= output["width"] + 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lab_dialog_open.png"))
    dialog.locator(".nbapp-dialog-close").click()
    expect(dialog).to_be_hidden()


def test_query_params_are_the_apps_own_dict_in_jupyterlab(notebook):
    page = notebook
    app = page.locator(".jp-OutputArea .lm-Widget.nbapp-app")
    url = page.url
    app.get_by_role("button", name="Share").click()
    expect(app.get_by_text(re.compile(r"params \{'x': '5'\}"))).to_be_visible(timeout=WAIT)
    assert page.url == url  # JupyterLab's address bar is not the app's
