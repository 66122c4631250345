"""`nbapp run` with kernels forked from a warm parent: one model per server, faults, and a bounded load test.

Sessions are opened over plain HTTP where no browser is needed: Voilà runs the app in a new
kernel for each GET of the page (its HTML carries the kernel's id), and closing a page is
the POST its unload beacon sends.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from playwright.sync_api import expect

from nbapp.testing.procs import processes_with_env, tree_memory_mb, tree_pids

MODEL_MB = 200  # the 500 MB case is bench/bench_serve.py --model-mb 500
LOAD_SECONDS = 6
MODEL_APP = f'''\
import os
import time
import numpy as np
import streamlit as st

@st.cache_resource
def load():
    with open("loads.txt", "a") as f:
        f.write(f"{{os.getpid()}}\\n")
    time.sleep({LOAD_SECONDS})  # as reading weights from disk would
    return np.full({MODEL_MB} * 2**20 // 8, 1.0)  # written: really resident

model = load()
st.write(f"model of {{model.nbytes >> 20}} MB loaded")
'''
SLIDER_APP = '''\
import streamlit as st
x = st.slider("x", 0, 100, 25)
st.write(f"{x} squared is {x * x}")
'''
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')
WAIT = 30_000  # ms


def open_session(url: str, timeout: float = 120) -> tuple[str, str]:
    """GET the page (Voilà runs the app in a kernel of its own); return (its HTML, the kernel's id).

    Raises AssertionError when the page has not ended ``timeout`` seconds after the request: a
    page that never ends keeps sending Voilà's heartbeat, so a read timeout alone never fires.
    """
    deadline = time.monotonic() + timeout
    body = b""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        while chunk := response.read1(65536):
            body += chunk
            assert time.monotonic() < deadline, f"the page did not end within {timeout} s:\n{body[-2000:]!r}"
    html = body.decode()
    found = KERNEL_ID.search(html)
    assert found, html[-2000:]
    return html, found.group(1)


def close_session(url: str, kernel_id: str) -> None:
    """Close a session as its page's unload beacon does: POST voila/api/shutdown/KERNEL_ID."""
    request = urllib.request.Request(f"{url.rstrip('/')}/voila/api/shutdown/{kernel_id}", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 204


def warm_parent_pid(server) -> int:
    """The process id of the server's warm parent (the zygote)."""
    for pid in tree_pids(server.pid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b"nbapp.serve.zygote" in f.read():
                    return pid
        except OSError:
            pass
    raise AssertionError(f"no warm parent under the server:\n{server.log()}")


def test_five_pages_share_one_model_loaded_once_and_a_second_page_does_not_wait_for_it(serve):
    server = serve(MODEL_APP)
    html, _ = open_session(server.url)
    assert f"model of {MODEL_MB} MB loaded" in html
    time.sleep(1)
    one = tree_memory_mb(server.pid, "Pss")
    started = time.monotonic()
    html, _ = open_session(server.url)
    second = time.monotonic() - started
    assert f"model of {MODEL_MB} MB loaded" in html
    for _ in range(3):
        open_session(server.url)
    time.sleep(1)
    five = tree_memory_mb(server.pid, "Pss")
    loads = (server.path.parent / "loads.txt").read_text().split()
    assert loads == [str(warm_parent_pid(server))]  # loaded once, by the warm parent, for every page
    assert second < LOAD_SECONDS  # the second page's first output did not wait for the load
    # Four more pages (and preheated kernels) add their own small state, never another copy of the model.
    assert five - one < 4 * MODEL_MB / 4, f"PSS {one:.0f} MB with 1 page, {five:.0f} MB with 5"


def test_a_killed_warm_parent_is_started_again_and_the_next_page_opens(browser, page, serve):
    server = serve(SLIDER_APP)
    page.goto(server.url)
    expect(page.get_by_text("25 squared is 625")).to_be_visible(timeout=WAIT)
    old = warm_parent_pid(server)
    os.kill(old, signal.SIGKILL)
    # Its kernels die with it: the open page says its session ended, as for any dead kernel.
    expect(page.locator(".nbapp-page-error")).to_contain_text("session has ended", timeout=WAIT)
    other = browser.new_context().new_page()
    try:
        other.goto(server.url)
        expect(other.get_by_text("25 squared is 625")).to_be_visible(timeout=WAIT)
        other.keyboard.press("Tab")
        other.locator(".noUi-handle").first.focus()
        other.keyboard.press("ArrowRight")
        expect(other.get_by_text("26 squared is 676")).to_be_visible(timeout=WAIT)  # a live kernel
    finally:
        other.context.close()
    assert warm_parent_pid(server) != old
    assert "starting another" in server.log()


def test_an_app_that_is_not_fork_safe_is_served_by_plain_kernels_with_one_warning(page, serve):
    source = ("import threading, time\n"
              "threading.Thread(target=time.sleep, args=(600,), name='feed', daemon=True).start()\n" + SLIDER_APP)
    server = serve(source)
    page.goto(server.url)
    expect(page.get_by_text("25 squared is 625")).to_be_visible(timeout=WAIT)
    open_session(server.url)
    warnings = [line for line in server.log().splitlines() if "plain kernels" in line]
    assert len(warnings) == 1, server.log()
    assert warnings[0].endswith("nbapp: serving app.py with plain kernels: threads other than the main one "
                                "are alive after its warm-up (feed).")



def maps_numpy(pid: int) -> bool:
    """True when process ``pid`` has numpy's compiled modules mapped (it imported numpy)."""
    with open(f"/proc/{pid}/maps", encoding="utf-8", errors="replace") as f:
        return any("/numpy/" in line for line in f)


def test_the_server_process_serves_pages_without_the_api_its_kernels_run(serve):
    # The API (every element module, caching with joblib and numpy) was ~22 MB of the server's
    # ~110 MB PSS, imported for nothing: only the warm parent and its kernels run the app.
    server = serve(SLIDER_APP)
    html, _ = open_session(server.url)
    assert "25 squared is 625" in html
    assert maps_numpy(warm_parent_pid(server))  # what the kernels share, so the check below can fail
    assert not maps_numpy(server.pid)

@pytest.fixture
def short_tmp():
    """A fresh folder with a short path (kernels' ipc sockets live there: Unix socket paths stop at 107 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="nbapp-load-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_fifty_concurrent_opens_and_closes_leave_no_process_and_no_connection_file(serve, short_tmp):
    marker = uuid.uuid4().hex
    tmp, runtime = short_tmp / "tmp", short_tmp / "runtime"
    tmp.mkdir()
    runtime.mkdir()
    server = serve(SLIDER_APP, env={"TMPDIR": str(tmp), "JUPYTER_RUNTIME_DIR": str(runtime),
                                    "NBAPP_LOAD_TEST": marker})

    def open_and_close(_: int) -> str:
        html, kernel_id = open_session(server.url)
        assert "25 squared is 625" in html
        close_session(server.url, kernel_id)
        return kernel_id

    try:
        with ThreadPoolExecutor(50) as pool:
            kernel_ids = list(pool.map(open_and_close, range(50)))
    except Exception as err:
        raise AssertionError(server.log()[-5000:]) from err
    assert len(set(kernel_ids)) == 50
    assert len(processes_with_env("NBAPP_LOAD_TEST", marker)) >= 2  # the server and its warm parent, at least
    server.stop()
    deadline = time.monotonic() + 5
    while processes_with_env("NBAPP_LOAD_TEST", marker) and time.monotonic() < deadline:
        time.sleep(0.1)  # a kernel killed at shutdown may take a moment to go
    left = {pid: open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ")[:200]
            for pid in processes_with_env("NBAPP_LOAD_TEST", marker)}
    assert not left, json.dumps({pid: cmd.decode() for pid, cmd in left.items()})
    assert sorted(p.name for p in tmp.iterdir()) == [], "connection folders left behind"
    assert sorted(p.name for p in runtime.iterdir() if p.name.startswith("kernel-")) == []
