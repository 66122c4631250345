"""nbapp's JupyterLab extension in real JupyterLab: the app panel, render on save, pop out, saved snapshots.

One ``jupyter lab`` per module on 127.0.0.1 (conftest's ``lab``: this checkout's server
extension and its built labextension), headless Chromium that can resolve no other host
(``offline_page``), a fresh notebook and page per test. Screenshots go to ``artifacts/``.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import pytest

WAIT = 30_000  # ms for anything a test waits for in the page (kernel start, first run, page load)
SLIDER_APP = """%%app
import nbapp as st
x = st.slider('x', 0, 100, 25)
st.write(f'{x} squared is {x * x}')"""


@pytest.fixture
def page(offline_page):
    """Every page of this module resolves no host but 127.0.0.1 and records what it asked elsewhere."""
    return offline_page


def open_notebook(page, lab, name: str, *sources: str) -> None:
    """Write a notebook of code cells ``sources`` as ``name``, open it in JupyterLab, run it all."""
    lab.run_notebook(page, name, *sources)


def save(page) -> None:
    """Save the notebook, as Ctrl+S does."""
    page.evaluate("""async () => {
        const notebook = window.jupyterapp.shell.widgets('main').find(w => w.hasClass('jp-NotebookPanel'));
        await notebook.context.save();
    }""")


def set_cell_source(page, index: int, source: str) -> None:
    """Replace the source of the notebook's cell ``index``, as typing it would."""
    page.evaluate("""([index, source]) => {
        const notebook = window.jupyterapp.shell.widgets('main').find(w => w.hasClass('jp-NotebookPanel'));
        notebook.content.widgets[index].model.sharedModel.setSource(source);
    }""", [index, source])


def shown(scope, text: str):
    """The element showing ``text`` inside ``scope`` that is on screen (a live app's, not its hidden snapshot's)."""
    return scope.get_by_text(text).filter(visible=True)


def slide(slider, presses: int) -> None:
    """Move the ipywidgets slider (a locator of its ``.widget-slider``) right by ``presses`` steps from the keyboard."""
    handle = slider.locator(".noUi-handle")
    handle.focus()
    for _ in range(presses):
        handle.press("ArrowRight")


def test_app_cell_runs_in_lab_with_its_marker(page, lab):
    open_notebook(page, lab, "marker.ipynb", SLIDER_APP, "print('plain cell')")
    app_cell, plain_cell = page.locator(".jp-CodeCell").nth(1), page.locator(".jp-CodeCell").nth(2)
    shown(app_cell, "25 squared is 625").wait_for(timeout=WAIT)
    assert app_cell.locator(".lm-Widget.nbapp-app .widget-slider").is_visible()
    assert app_cell.locator(".nbapp-cell-badge").inner_text() == "app"
    assert app_cell.get_by_role("button", name="Pop out this app").is_visible()
    assert plain_cell.locator(".nbapp-cell-marker").count() == 0
    # The live app draws; its saved snapshot (the cell's other output) stays out of sight.
    assert not app_cell.locator(".nbapp-snapshot-output").is_visible()
    assert page.offsite == []


def test_open_as_app_shows_the_page_and_follows_saves(page, lab):
    open_notebook(page, lab, "panel.ipynb", SLIDER_APP)
    shown(page.locator(".jp-CodeCell").nth(1), "25 squared is 625").wait_for(timeout=WAIT)
    page.get_by_title("Open as app").click()
    frame = page.frame_locator(".nbapp-app-panel iframe")
    frame.get_by_text("25 squared is 625").wait_for(timeout=WAIT)
    body = frame.locator("body").inner_text()
    assert "import nbapp" not in body and "%%app" not in body and "load_ext" not in body  # no code
    assert page.get_by_label("Render on save").is_checked()

    slide(frame.locator(".lm-Widget.nbapp-app .widget-slider"), 5)
    frame.get_by_text("30 squared is 900").wait_for(timeout=WAIT)
    set_cell_source(page, 1, SLIDER_APP.replace("squared is", "squared makes"))
    save(page)
    frame.get_by_text("30 squared makes 900").wait_for(timeout=WAIT)  # rerun in place: the slider kept its value

    first_page_kernel = json.loads(frame.locator("#jupyter-config-data").text_content())["kernelId"]
    page.evaluate("""() => {
        const notebook = window.jupyterapp.shell.widgets('main').find(w => w.hasClass('jp-NotebookPanel'));
        notebook.model.sharedModel.insertCell(1, {cell_type: 'markdown', source: '# Squares'});
    }""")
    save(page)
    frame.get_by_role("heading", name="Squares").wait_for(timeout=WAIT)  # a new cell: the page reloaded
    frame.get_by_text("25 squared makes 625").wait_for(timeout=WAIT)
    # The page the reload replaced leaves no kernel behind.
    deadline = time.monotonic() + WAIT / 1000
    while first_page_kernel in lab.kernel_ids():
        assert time.monotonic() < deadline, f"the replaced page's kernel {first_page_kernel} still runs"
        page.wait_for_timeout(100)

    page.get_by_label("Render on save").uncheck()  # a fresh page that leaves saves alone
    frame.get_by_text("25 squared makes 625").wait_for(timeout=WAIT)
    assert "watch=0" in page.locator(".nbapp-app-panel iframe").get_attribute("src")
    assert page.offsite == []


def test_pop_out_is_the_same_live_app_as_the_cell(page, lab):
    open_notebook(page, lab, "popout.ipynb", SLIDER_APP)
    cell = page.locator(".jp-CodeCell").nth(1)
    shown(cell, "25 squared is 625").wait_for(timeout=WAIT)
    cell.get_by_role("button", name="Pop out this app").click()
    popout = page.locator(".nbapp-popout")
    shown(popout, "25 squared is 625").wait_for(timeout=WAIT)
    slide(popout.locator(".lm-Widget.nbapp-app .widget-slider"), 5)
    shown(popout, "30 squared is 900").wait_for(timeout=WAIT)
    shown(cell, "30 squared is 900").wait_for(timeout=WAIT)
    assert cell.locator(".lm-Widget.nbapp-app .widget-readout").inner_text() == popout.locator(".lm-Widget.nbapp-app .widget-readout").inner_text() == "30"
    assert page.offsite == []


def test_saved_notebook_shows_the_last_frame_without_its_kernel(page, lab):
    open_notebook(page, lab, "saved.ipynb", SLIDER_APP)
    cell = page.locator(".jp-CodeCell").nth(1)
    shown(cell, "25 squared is 625").wait_for(timeout=WAIT)
    slide(cell.locator(".lm-Widget.nbapp-app .widget-slider"), 5)
    shown(cell, "30 squared is 900").wait_for(timeout=WAIT)
    # The cell's saved face follows the app: its (hidden) snapshot output holds the new frame.
    cell.locator(".nbapp-snapshot-output").get_by_text("30 squared is 900").wait_for(state="attached", timeout=WAIT)
    save(page)
    page.evaluate("""async () => {
        const notebook = window.jupyterapp.shell.widgets('main').find(w => w.hasClass('jp-NotebookPanel'));
        await notebook.sessionContext.session.kernel.shutdown();
    }""")
    page.reload()
    cell = page.locator(".jp-CodeCell").nth(1)
    shown(cell, "30 squared is 900").wait_for(timeout=WAIT)
    assert cell.locator(".nbapp-snapshot-output").is_visible()
    assert cell.locator(".nbapp-cell-badge").is_visible()  # still an app cell, drawn after a reload
    assert not cell.get_by_text(re.compile("Error displaying widget|Loading widget")).is_visible()

    html = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--stdout",
                           str(lab.root / "saved.ipynb")], capture_output=True, text=True, check=True).stdout
    assert "30 squared is 900" in html and "25 squared is 625" not in html
    assert page.offsite == []
