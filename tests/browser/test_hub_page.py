"""`nbapp run --jupyterhub` as a JupyterHub service on 127.0.0.1: the hub's proxy, login and access scopes.

A real JupyterHub (DummyAuthenticator, configurable-http-proxy from npm) runs the slider app
as a managed service. alice, granted ``access:services!service=squares``, logs in and gets a
live app; bob, logged in but not granted, is refused; nobody gets in without logging in.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytest.importorskip("jupyterhub", reason="pip install jupyterhub (the test extra)")
if not shutil.which("configurable-http-proxy"):
    pytest.skip("configurable-http-proxy is missing: run ./install.sh (npm install -g configurable-http-proxy)",
                allow_module_level=True)

APP = '''\
import streamlit as st

x = st.slider("x", 0, 100, 25)
st.write(x, "squared is", x * x)
'''
CONFIG = '''\
c = get_config()  # noqa: F821
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = "demo-password"
c.Authenticator.allowed_users = {{"alice", "bob"}}
c.JupyterHub.db_url = "sqlite:///jupyterhub.sqlite"
c.JupyterHub.services = [{{
    "name": "squares",
    "url": "http://127.0.0.1:{service_port}",
    "command": {command!r},
    "oauth_no_confirm": True,
}}]
c.JupyterHub.load_roles = [{{"name": "squares-users", "users": ["alice"],
                             "scopes": ["access:services!service=squares"]}}]
'''
WAIT = 30_000  # ms: login, OAuth round trip, then a kernel to start, on a loaded 2-core machine
REPO = str(Path(__file__).resolve().parents[2])


def free_ports(n: int) -> list[int]:
    """``n`` distinct ports free now (the hub and its proxy take fixed ports, not 0)."""
    sockets = [socket.socket() for _ in range(n)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hub")
    (folder / "app.py").write_text(APP, encoding="utf-8")
    port, hub_port, api_port, service_port = free_ports(4)
    command = [sys.executable, "-m", "nbapp.cli", "run", str(folder / "app.py"), "--jupyterhub"]
    (folder / "jupyterhub_config.py").write_text(CONFIG.format(
        port=port, hub_port=hub_port, api_port=api_port, service_port=service_port, command=command))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [REPO, os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", "jupyterhub_config.py"], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stdout:
            lines.append(line)
            if "JupyterHub is now running" in line:
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(90) or proc.poll() is not None:
            raise RuntimeError("JupyterHub did not start:\n" + "".join(lines))
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.send_signal(signal.SIGTERM)  # the hub stops its service and its proxy
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # whatever the hub left behind in its session
        except ProcessLookupError:
            pass


def log_in(page, hub: str, user: str) -> None:
    """Open the service in ``page`` as ``user``: the hub's login form, then the OAuth round trip."""
    page.goto(f"{hub}/services/squares/")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", "demo-password")
    page.click("[type=submit]")


def test_a_granted_user_logs_in_and_gets_the_live_app(page, hub):
    log_in(page, hub, "alice")
    expect(page.locator(".nbapp-snapshot")).to_have_count(0, timeout=WAIT)
    expect(page.get_by_text("25 squared is 625")).to_be_visible(timeout=WAIT)
    assert page.url == f"{hub}/services/squares/"
    page.locator(".nbapp-slider .noUi-handle").focus()
    page.keyboard.press("ArrowRight")  # the kernel's websocket goes through the hub's proxy
    expect(page.get_by_text("26 squared is 676")).to_be_visible(timeout=WAIT)


def test_a_user_without_access_to_the_service_is_refused(page, hub):
    log_in(page, hub, "bob")
    expect(page.get_by_text("403")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("squared is")).to_have_count(0)


def test_without_logging_in_the_service_sends_to_the_hub_login(hub):
    with urllib.request.urlopen(f"{hub}/services/squares/", timeout=30) as response:
        assert response.url.startswith(f"{hub}/hub/login")
        assert "squared is" not in response.read().decode()
