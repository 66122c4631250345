"""Real-browser fixtures: an ``nbapp run`` server on 127.0.0.1 and headless Debian Chromium.

One server per test module (started by the module's own fixture with ``serve``), one
browser per session, a fresh page per test. Screenshots go to ``artifacts/``.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
SERVER_START = 60  # seconds for `nbapp run` to print its URL (imports, kernel pool)

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: run ./install.sh (it installs Debian's chromium)", allow_module_level=True)

REPO = str(Path(__file__).resolve().parents[2])


class Server:
    """A running ``nbapp COMMAND ARGS`` server; ``url`` is its local URL, ``log()`` what it printed."""

    def __init__(self, *args: str, cwd: Path, path: Path | None = None, env: dict[str, str] | None = None) -> None:
        self.path = path  # the served app file, when the test wrote one
        self.url = ""  # what the server printed, once it listens
        self._lines: list[str] = []
        self._ready = threading.Event()
        # --port 0: the server holds a free port from the start (a port picked here could be taken
        # before the server binds it) and prints which one.
        cmd = [sys.executable, "-m", "nbapp.cli", *args, "--no-browser", "--port", "0"]
        # The checkout under test comes first on the path (the server and its kernels), not
        # whatever nbapp happens to be installed.
        env = {**os.environ, **(env or {}),
               "PYTHONPATH": os.pathsep.join(filter(None, [REPO, os.environ.get("PYTHONPATH")]))}
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

    @property
    def pid(self) -> int:
        """The server's process id (its kernels and warm parent are its descendants)."""
        return self._proc.pid

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

