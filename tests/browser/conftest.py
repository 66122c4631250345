"""Real-browser fixtures: an ``nbapp run`` server or a JupyterLab on 127.0.0.1 and headless Debian Chromium.

One server per test module (started by the module's own fixture with ``serve``, or ``lab``),
one browser per session, a fresh page per test. Screenshots go to ``artifacts/``.
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
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import nbformat

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
LAB_START = 90  # seconds for `jupyter lab` to print its URL
LAB_WAIT = 30_000  # ms for a notebook's kernel to be idle
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
# No news, no update check: nothing pops up, nothing is fetched.
LAB_SETTINGS = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}
SERVER_START = 60  # seconds for `nbapp run` to print its URL (imports, kernel pool)

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: run ./install.sh (it installs Debian's chromium)", allow_module_level=True)

REPO = str(Path(__file__).resolve().parents[2])


class Server:
    """A running ``nbapp COMMAND ARGS`` server; ``url`` is its local URL, ``log()`` what it printed."""

    def __init__(self, *args: str, cwd: Path, path: Path | None = None) -> None:
        self.path = path  # the served app file, when the test wrote one
        self.url = ""  # what the server printed, once it listens
        self._lines: list[str] = []
        self._ready = threading.Event()
        # --port 0: the server holds a free port from the start (a port picked here could be taken
        # before the server binds it) and prints which one.
        cmd = [sys.executable, "-m", "nbapp.cli", *args, "--no-browser", "--port", "0"]
        # The checkout under test comes first on the path (the server and its kernels), not
        # whatever nbapp happens to be installed.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [REPO, os.environ.get("PYTHONPATH")]))}
        self._proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      text=True, start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(SERVER_START) or not self.url:
            self.stop()
            raise RuntimeError(f"nbapp {args[0]} printed no URL (it exited, or took over {SERVER_START} s):\n{self.log()}")

    def _read(self) -> None:
        for line in self._proc.stdout:
            self._lines.append(line)
            if "Local URL:" in line:
                self.url = line.split("Local URL:", 1)[1].strip()
                self._ready.set()
        self._ready.set()  # it exited: no need to wait for a URL that will not come

    def log(self) -> str:
        """Everything the server printed so far."""
        return "".join(self._lines)

    def stop(self) -> None:
        """Stop the server as Ctrl+C does (it shuts its kernels down), killing it if that hangs."""
        if self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGINT)
            try:
                self._proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()


@pytest.fixture(scope="module")
def serve(tmp_path_factory) -> Iterator:
    """``serve(source, *options, name="app.py", files={})`` writes the app (and ``files``) to a fresh folder and runs ``nbapp run`` on it.

    With ``source=None``, ``options`` is the whole command (``serve(None, "hello")``). Returns the
    Server; every server started is stopped at the end of the module.
    """
    servers: list[Server] = []

    def start(source: str | None, *options: str, name: str = "app.py", files: dict[str, str] | None = None) -> Server:
        folder = tmp_path_factory.mktemp("app")
        for other, text in (files or {}).items():
            (folder / other).write_text(text, encoding="utf-8")
        if source is None:
            server = Server(*options, cwd=folder)
        else:
            app = folder / name
            app.write_text(source, encoding="utf-8")
            server = Server("run", str(app), *options, cwd=folder, path=app)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh page (its own browser context: own cookies, own session); screenshot saved after the test."""
    context = browser.new_context(viewport={"width": 1100, "height": 720})
    page = context.new_page()
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    page.close(run_before_unload=True)  # as closing the tab does: Voilà shuts the page's kernel down
    context.close()


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
        (home / "settings" / "overrides.json").write_text(json.dumps(LAB_SETTINGS), encoding="utf-8")
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

    def run_notebook(self, page, name: str, *sources: str) -> None:
        """Write a notebook of code cells (``%load_ext nbapp``, then ``sources``) as ``name``, open it, run it all."""
        cells = [nbformat.v4.new_code_cell(source) for source in ("%load_ext nbapp", *sources)]
        kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernelspec}), str(self.root / name))
        self.open(page, name)
        page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel"
                               "?.status === 'idle'", timeout=LAB_WAIT)
        self.command(page, "notebook:run-all-cells")

    @staticmethod
    def command(page, command: str) -> None:
        """Run JupyterLab ``command`` on the open notebook (as its menu entry does)."""
        page.evaluate("""async (command) => {
            const app = window.jupyterapp;
            const notebook = app.shell.widgets('main').find(w => w.hasClass('jp-NotebookPanel'));
            app.shell.activateById(notebook.id);
            await app.commands.execute(command);
        }""", command)


def leaves_machine(url: str) -> bool:
    """True for a URL fetched from another host: not 127.0.0.1, nor the page's own blob:/data: URLs, nor Chromium's
    built-in chrome: / chrome-extension: pages (its PDF viewer)."""
    parsed = urlparse(url.removeprefix("blob:"))
    return parsed.scheme not in ("data", "chrome", "chrome-extension") and parsed.hostname not in (None, "127.0.0.1")


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[Lab]:
    """One JupyterLab server for the module (this checkout's server extension and labextension)."""
    server = Lab(tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def offline_browser(browser):
    """Chromium that resolves no host but 127.0.0.1: anything fetched from elsewhere fails and is recorded."""
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, OFFLINE])
    yield chromium
    chromium.close()


@pytest.fixture
def offline_page(offline_browser, request):
    """A fresh page of ``offline_browser``; ``page.offsite`` lists requests to hosts other than 127.0.0.1. Screenshot after the test."""
    context = offline_browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.offsite = []
    page.on("request", lambda r: leaves_machine(r.url) and page.offsite.append(r.url))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()


@pytest.fixture
def offsite(page):
    """The requests ``page`` makes to hosts other than 127.0.0.1 (blob: and data: URLs are the page's own); none may be made."""
    urls: list[str] = []
    page.on("request", lambda r: leaves_machine(r.url) and urls.append(r.url))
    yield urls
    assert urls == [], f"the page asked hosts other than 127.0.0.1: {urls}"


# Pixels of a canvas that are drawn and reddish (points on deck.gl's plain background), counted in the page.
REDDISH_PIXELS = """(selector) => {
    const canvas = document.querySelector(selector);
    if (!canvas || !canvas.width) return 0;
    const copy = Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height });
    const ctx = copy.getContext('2d');
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let points = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] > data[i + 1] + 60) points++;
    return points;
}"""


@pytest.fixture
def drawn_points():
    """``drawn_points(page, selector, at_least=30, timeout=ms)``: wait until the canvas ``selector`` shows reddish points.

    Returns how many pixels they cover; raises Playwright's TimeoutError when they never show.
    """

    def wait(page, selector: str, at_least: int = 30, timeout: float = 60_000) -> int:
        page.wait_for_function(f"(selector) => ({REDDISH_PIXELS})(selector) > {at_least}", arg=selector, timeout=timeout)
        return page.evaluate(REDDISH_PIXELS, selector)

    return wait
