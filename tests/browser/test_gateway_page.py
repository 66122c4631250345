"""`nbapp run --gateway-url`: the slider app's kernels run on a Jupyter Kernel Gateway on 127.0.0.1.

The gateway stands in for Enterprise Gateway on Kubernetes (same REST and websocket API):
the page must show the app's output, rerun on a slider change, run in a kernel the gateway
started (its parent process is the gateway), get the --cache-dir the server was given, and
the kernel must be gone from the gateway once the page closes.
"""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytest.importorskip("kernel_gateway", reason="pip install jupyter_kernel_gateway (the test extra)")

APP = '''\
import os
import streamlit as st
from nbapp.caching import default_cache_dir

x = st.slider("x", 0, 100, 25)
st.write(x, "squared is", x * x)
st.write(f"parent {os.getppid()} kernel {os.environ.get('VOILA_KERNEL_ID')} cache {default_cache_dir()}")
'''
WAIT = 30_000  # ms: a page with a kernel to start, on a loaded 2-core machine
REPO = str(Path(__file__).resolve().parents[2])


class Gateway:
    """``jupyter kernelgateway`` on 127.0.0.1; ``url`` once it listens, ``kernels()`` what it runs."""

    def __init__(self, cwd: Path) -> None:
        with socket.socket() as probe:  # a free port to start from; the gateway moves on if it is taken
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [REPO, os.environ.get("PYTHONPATH")])),
               # A kernel started with an env in the request gets PATH and only what is allowed.
               "KG_ENV_PROCESS_WHITELIST": "PYTHONPATH,HOME"}
        cmd = [sys.executable, "-m", "kernel_gateway", "--KernelGatewayApp.ip=127.0.0.1",
               f"--KernelGatewayApp.port={port}", "--JupyterWebsocketPersonality.list_kernels=True",
               "--JupyterWebsocketPersonality.env_whitelist=NBAPP_CACHE_DIR"]
        self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, start_new_session=True)
        self.lines: list[str] = []
        self.url = ""
        ready = threading.Event()

        def read() -> None:
            for line in self.proc.stdout:
                self.lines.append(line)
                found = re.search(r"is available at (http://\S+)", line)
                if found:
                    self.url = found.group(1)
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(60) or not self.url:
            self.stop()
            raise RuntimeError("the kernel gateway did not start:\n" + "".join(self.lines))

    def kernels(self) -> list[str]:
        """The ids of the kernels the gateway runs now."""
        with urllib.request.urlopen(f"{self.url}/api/kernels", timeout=10) as response:
            return [kernel["id"] for kernel in json.load(response)]

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


@pytest.fixture(scope="module")
def gateway(tmp_path_factory):
    gw = Gateway(tmp_path_factory.mktemp("gateway"))
    yield gw
    gw.stop()


@pytest.fixture(scope="module")
def server(serve, gateway, tmp_path_factory):
    cache = tmp_path_factory.mktemp("shared") / "nbapp-cache"
    server = serve(APP, "--gateway-url", gateway.url, "--cache-dir", str(cache))
    server.cache = cache
    return server


def test_the_slider_app_runs_on_the_gateway_and_reruns_on_a_change(page, open_app, server, gateway):
    deadline = time.monotonic() + 30  # Voilà's preheat pool starts a kernel on the gateway before any page
    while not gateway.kernels() and time.monotonic() < deadline:
        time.sleep(0.2)
    warm = gateway.kernels()
    assert warm
    open_app(server.url)
    expect(page.get_by_text("25 squared is 625")).to_be_visible(timeout=WAIT)
    page.locator(".nbapp-slider .noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("26 squared is 676")).to_be_visible(timeout=WAIT)

    facts = page.get_by_text(re.compile(r"^parent \d+ kernel")).inner_text()
    parent, kernel, cache = re.fullmatch(r"parent (\d+) kernel (\S+) cache (.+)", facts.strip()).groups()
    assert int(parent) == gateway.proc.pid  # the gateway started this page's kernel, not nbapp's server
    assert cache == str(server.cache)  # --cache-dir reached a kernel on the gateway
    assert kernel in warm  # the page got the warm kernel

    page.goto("about:blank")  # leaving the page, as closing the tab does: its kernel is shut down on the gateway
    deadline = time.monotonic() + 15
    while kernel in gateway.kernels() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert kernel not in gateway.kernels()
