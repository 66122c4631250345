"""nbapp's JupyterLab extension in real JupyterLab: the app panel, render on save, pop out, saved snapshots.

One ``jupyter lab`` per module on 127.0.0.1 (this checkout's server extension, and its built
labextension through ``extra_labextensions_path``), headless Chromium that can resolve no
other host, a fresh notebook and page per test. Screenshots go to ``artifacts/``.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

REPO = str(Path(__file__).resolve().parents[2])
ARTIFACTS = Path(REPO) / "artifacts"
CHROMIUM = "/usr/bin/chromium"  # as tests/browser/conftest.py launches it (it skips this folder when missing)
LAB_START = 90  # seconds for `jupyter lab` to print its URL
WAIT = 30_000  # ms for anything a test waits for in the page (kernel start, first run, page load)
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
SLIDER_APP = """%%app
import nbapp as st
x = st.slider('x', 0, 100, 25)
st.write(f'{x} squared is {x * x}')"""
# No news, no update check: nothing pops up, nothing is fetched.
SETTINGS = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


class Lab:
    """A running ``jupyter lab`` serving ``root``; ``url(path)`` is a URL of it with the token."""

    def __init__(self, home: Path) -> None:
        self.root = home / "root"
        self.token = secrets.token_hex(16)
        self.port = 0
        self._lines: list[str] = []
        self._ready = threading.Event()
        for name in ("root", "settings", "user-settings", "workspaces", "config", "labextensions"):
            (home / name).mkdir()
        (home / "settings" / "overrides.json").write_text(json.dumps(SETTINGS), encoding="utf-8")
        # The built extension of this checkout, under its package name (how JupyterLab serves it).
        (home / "labextensions" / "nbapp-labextension").symlink_to(Path(REPO) / "nbapp" / "labextension")
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=0",
               f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
               f"--LabApp.app_settings_dir={home / 'settings'}", f"--LabApp.user_settings_dir={home / 'user-settings'}",
               f"--LabApp.workspaces_dir={home / 'workspaces'}",
               f"--LabApp.extra_labextensions_path={home / 'labextensions'}",
               "--ServerApp.jpserver_extensions={'nbapp.serve.labext': True}",
               "--LabApp.expose_app_in_browser=True"]
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"),
               "PYTHONPATH": os.pathsep.join(filter(None, [REPO, os.environ.get("PYTHONPATH")]))}
        self._proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      text=True, start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(LAB_START) or not self.port:
            self.stop()
            raise RuntimeError(f"jupyter lab printed no URL (it exited, or took over {LAB_START} s):\n{self.log()}")

    def _read(self) -> None:
        for line in self._proc.stdout:
            self._lines.append(line)
            match = re.search(r"http://127\.0\.0\.1:(\d+)/lab", line)
            if match and not self.port:
                self.port = int(match.group(1))
                self._ready.set()
        self._ready.set()

    def url(self, path: str) -> str:
        """Return the URL of ``path`` on this server, with the token that logs the browser in."""
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def open(self, page, name: str) -> None:
        """Open the notebook ``name`` in JupyterLab, in a workspace of its own (nothing left from other tests)."""
        page.goto(self.url(f"lab/workspaces/{Path(name).stem}/tree/{name}") + "&reset")

    def kernel_ids(self) -> set[str]:
        """The ids of the kernels this server runs now."""
        with urllib.request.urlopen(self.url("api/kernels"), timeout=10) as response:
            return {kernel["id"] for kernel in json.load(response)}

    def log(self) -> str:
        """Everything the server printed so far."""
        return "".join(self._lines)

    def stop(self) -> None:
        """Stop the server as SIGTERM does (it shuts its kernels down), killing it if that hangs."""
        if self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGTERM)
            try:
                self._proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[Lab]:
    """One JupyterLab server for the module."""
    server = Lab(tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def offline_browser(browser):
    """Chromium that resolves no host but 127.0.0.1: anything fetched from elsewhere fails and is recorded."""
    chromium = browser.browser_type.launch(executable_path=CHROMIUM,
                                           args=["--no-sandbox", "--headless", "--disable-gpu", OFFLINE])
    yield chromium
    chromium.close()


@pytest.fixture
def page(offline_browser, request):
    """A fresh page; ``page.offsite`` lists requests to hosts other than 127.0.0.1. Screenshot after the test."""
    context = offline_browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.offsite = []
    page.on("request", lambda r: urlparse(r.url).hostname not in (None, "127.0.0.1") and page.offsite.append(r.url))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()


def open_notebook(page, lab: Lab, name: str, *sources: str) -> None:
    """Write a notebook of code cells ``sources`` as ``name``, open it in JupyterLab, run it all."""
    cells = [nbformat.v4.new_code_cell(source) for source in ("%load_ext nbapp", *sources)]
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernelspec}), str(lab.root / name))
    lab.open(page, name)
    page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel"
                           "?.status === 'idle'", timeout=WAIT)
    run(page, "notebook:run-all-cells")


def run(page, command: str) -> None:
    """Run JupyterLab ``command`` on the notebook (as its menu entry does)."""
    page.evaluate("""async (command) => {
        const app = window.jupyterapp;
        const notebook = app.shell.widgets('main').find(w => w.hasClass('jp-NotebookPanel'));
        app.shell.activateById(notebook.id);
        await app.commands.execute(command);
    }""", command)


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
