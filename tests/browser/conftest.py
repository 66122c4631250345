"""Real-browser fixtures: ``nbapp run`` servers and JupyterLab on 127.0.0.1, and headless Debian Chromium.

One server per test module (started by the module's own fixture with ``serve``, or the
``lab`` fixture), one browser per session, a fresh page per test that fails the test if it
fetched anything from another host. Screenshots go to ``artifacts/``.
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
from playwright.sync_api import expect

CHROMIUM = "/usr/bin/chromium"
# No host resolves but 127.0.0.1, so a fetch from a CDN fails visibly as well as being recorded (see
# the page fixture); a fake camera and microphone answer getUserMedia without a permission prompt.
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                 "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
SERVER_START = 60  # seconds for `nbapp run` to print its URL (imports, kernel pool)
LAB_START = 90  # seconds for `jupyter lab` to print its URL
WAIT = 30_000  # ms for a page to go live: a kernel to start and the app to run, on a loaded 2-core machine
# JupyterLab: no news, no update check, so nothing pops up and nothing is fetched.
LAB_SETTINGS = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: run ./install.sh (it installs Debian's chromium)", allow_module_level=True)

REPO = str(Path(__file__).resolve().parents[2])


def is_local(url: str) -> bool:
    """True for this machine's servers, the blob: / data: URLs a page makes itself (anywidget's modules) and
    Chromium's built-in chrome: / chrome-extension: pages (its PDF viewer)."""
    parsed = urlparse(url.removeprefix("blob:"))
    return parsed.scheme in ("data", "about", "chrome", "chrome-extension") or parsed.hostname == "127.0.0.1"


class _ServerProcess:
    """A server started as a subprocess (its own process group); ``url`` is read from what it prints."""

    def __init__(self, cmd: list[str], *, cwd: Path, url: re.Pattern, start: float, stop_signal: int,
                 env: dict[str, str] | None = None) -> None:
        self.url = ""  # what the server printed, once it listens
        self._pattern = url
        self._stop_signal = stop_signal
        self._lines: list[str] = []
        self._ready = threading.Event()
        # The checkout under test comes first on the path (the server and its kernels), not
        # whatever nbapp happens to be installed.
        path = os.pathsep.join(filter(None, [REPO, os.environ.get("PYTHONPATH")]))
        self._proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {}), "PYTHONPATH": path},
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                      start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(start) or not self.url:
            self.stop()
            raise RuntimeError(f"{cmd[2:4]} printed no URL (it exited, or took over {start} s):\n{self.log()}")

    def _read(self) -> None:
        for line in self._proc.stdout:
            self._lines.append(line)
            match = self._pattern.search(line)
            if match and not self.url:
                self.url = match.group(1)
                self._ready.set()
        self._ready.set()  # it exited: no need to wait for a URL that will not come

    @property
    def pid(self) -> int:
        """The server's process id (its kernels, and nbapp run's warm parent, are its descendants)."""
        return self._proc.pid

    def log(self) -> str:
        """Everything the server printed so far."""
        return "".join(self._lines)

    def stop(self) -> None:
        """Stop the server as its stop signal does (it shuts its kernels down), killing it if that hangs."""
        if self._proc.poll() is None:
            os.killpg(self._proc.pid, self._stop_signal)
            try:
                self._proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()


class Server(_ServerProcess):
    """A running ``nbapp COMMAND ARGS`` server; ``url`` is its local URL, ``log()`` what it printed."""

    def __init__(self, *args: str, cwd: Path, path: Path | None = None, env: dict[str, str] | None = None) -> None:
        self.path = path  # the served app file, when the test wrote one
        # --port 0: the server holds a free port from the start (a port picked here could be taken
        # before the server binds it) and prints which one.
        super().__init__([sys.executable, "-m", "nbapp.cli", *args, "--no-browser", "--port", "0"], cwd=cwd,
                         url=re.compile(r"Local URL:\s*(\S+)"), start=SERVER_START, stop_signal=signal.SIGINT,
                         env=env)


class Lab(_ServerProcess):
    """A running ``jupyter lab`` on 127.0.0.1 serving ``root``, with this checkout's nbapp extensions.

    Its settings, workspaces and config live in ``home``: nothing of the user's is read or written.
    """

    def __init__(self, home: Path) -> None:
        self.root = home / "root"
        self.token = secrets.token_hex(16)
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
        super().__init__(cmd, cwd=self.root, url=re.compile(r"(http://127\.0\.0\.1:\d+)/lab"), start=LAB_START,
                         stop_signal=signal.SIGTERM, env={"JUPYTER_CONFIG_DIR": str(home / "config")})

    def link(self, path: str) -> str:
        """Return the URL of ``path`` on this server, with the token that logs the browser in."""
        return f"{self.url}/{path}?token={self.token}"

    def open(self, page, name: str) -> None:
        """Open the notebook ``name`` in JupyterLab, in a workspace of its own (nothing left from other tests)."""
        page.set_viewport_size({"width": 1400, "height": 900})  # room for a notebook and a panel beside it
        page.goto(self.link(f"lab/workspaces/{Path(name).stem}/tree/{name}") + "&reset")

    def open_notebook(self, page, name: str, *sources: str) -> None:
        """Write a notebook of code cells ``sources`` (after ``%load_ext nbapp``) as ``name``, open it, run it all."""
        cells = [nbformat.v4.new_code_cell(source) for source in ("%load_ext nbapp", *sources)]
        kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernelspec}), str(self.root / name))
        self.open(page, name)
        page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel"
                               "?.status === 'idle'", timeout=WAIT)
        self.run(page, "notebook:run-all-cells")

    @staticmethod
    def run(page, command: str) -> None:
        """Run JupyterLab ``command`` on the open notebook (as its menu entry does)."""
        page.evaluate("""async (command) => {
            const app = window.jupyterapp;
            const notebook = app.shell.widgets('main').find(w => w.hasClass('jp-NotebookPanel'));
            app.shell.activateById(notebook.id);
            await app.commands.execute(command);
        }""", command)

    @staticmethod
    def kernel_print(page, code: str) -> str:
        """Run ``code`` in the open notebook's kernel (no cell, no output shown); return what it printed."""
        return page.evaluate("""async (code) => {
            const notebook = window.jupyterapp.shell.widgets('main').find(w => w.hasClass('jp-NotebookPanel'));
            const future = notebook.sessionContext.session.kernel.requestExecute({code, silent: false,
                                                                                 store_history: false});
            let out = "";
            future.onIOPub = (msg) => { if (msg.header.msg_type === "stream") out += msg.content.text; };
            await future.done;
            return out;
        }""", code)

    def kernel_ids(self) -> set[str]:
        """The ids of the kernels this server runs now."""
        with urllib.request.urlopen(self.link("api/kernels"), timeout=10) as response:
            return {kernel["id"] for kernel in json.load(response)}


@pytest.fixture(scope="module")
def serve(tmp_path_factory) -> Iterator:
    """``serve(source, *options, name="app.py", files={}, env={})`` writes the app (and ``files``) to a fresh folder and runs ``nbapp run`` on it (``env`` added to its environment).

    With ``source=None``, ``options`` is the whole command (``serve(None, "hello")``). Returns the
    Server; every server started is stopped at the end of the module.
    """
    servers: list[Server] = []

    def start(source: str | None, *options: str, name: str = "app.py", files: dict[str, str] | None = None,
              env: dict[str, str] | None = None) -> Server:
        folder = tmp_path_factory.mktemp("app")
        for other, text in (files or {}).items():
            (folder / other).write_text(text, encoding="utf-8")
        if source is None:
            server = Server(*options, cwd=folder, env=env)
        else:
            app = folder / name
            app.write_text(source, encoding="utf-8")
            server = Server("run", str(app), *options, cwd=folder, path=app, env=env)
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


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[Lab]:
    """One JupyterLab server for the module (``lab.open_notebook(page, name, *cells)`` runs a notebook in it)."""
    server = Lab(tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


@pytest.fixture
def page(browser, request):
    """A fresh page (its own browser context: own cookies, own session); screenshot saved after the test.

    Every request the page makes is recorded: ``page.offsite`` lists those that left 127.0.0.1,
    and the test fails at teardown if there is any (everything renders with no network).
    """
    context = browser.new_context(viewport={"width": 1100, "height": 720})
    page = context.new_page()
    page.offsite = []
    context.on("request", lambda r: is_local(r.url) or page.offsite.append(r.url))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    page.close(run_before_unload=True)  # as closing the tab does: Voilà shuts the page's kernel down
    context.close()
    assert page.offsite == [], "requests left this machine"


@pytest.fixture(scope="module")
def server(serve, request):
    """The module's ``APP`` (a script) served by ``nbapp run``; a module with other needs defines its own."""
    return serve(request.module.APP)


@pytest.fixture
def app(open_app, server, request):
    """The module's app open in a fresh page, once its ``READY`` shows: "text=..." or a CSS selector (within its ``WAIT`` ms)."""
    timeout = getattr(request.module, "WAIT", WAIT)  # a module of heavy elements gives itself longer
    page = open_app(server.url, timeout)
    ready = request.module.READY
    shown = page.get_by_text(ready[5:]) if ready.startswith("text=") else page.locator(ready)
    expect(shown.first).to_be_visible(timeout=timeout)
    return page


@pytest.fixture
def open_app(page):
    """``open_app(url)`` opens a served app's page and returns it once the live app has replaced its first paint."""

    def go(url: str, timeout: float = WAIT):
        page.goto(url)
        expect(page.locator(".nbapp-snapshot")).to_have_count(0, timeout=timeout)
        return page

    return go


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
