"""A busy server: its open-files limit is lifted, and a page whose render fails ends with the error."""
from __future__ import annotations

import asyncio
import os
import resource
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from voila.notebook_renderer import NotebookRenderer

from nbapp.serve import limits

REPO = str(Path(__file__).resolve().parents[2])


def test_the_soft_open_files_limit_is_lifted_to_the_hard_one():
    # A normal user's soft limit (1024 on Debian) ran out at about 50 concurrent page opens.
    code = ("import resource\n"
            "resource.setrlimit(resource.RLIMIT_NOFILE, (256, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))\n"
            "from nbapp.serve.limits import raise_open_files_limit\n"
            "print(raise_open_files_limit(), *resource.getrlimit(resource.RLIMIT_NOFILE))\n")
    now, soft, hard = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                     check=True).stdout.split()
    assert int(now) == int(soft) == min(int(hard), limits.WANTED_OPEN_FILES) > 256


def test_a_render_that_raises_ends_the_page_with_the_error(monkeypatch):
    # Voilà 0.5.13 left such a page open forever, sending a heartbeat every 10 seconds.
    async def breaks(self, kernel_id=None, kernel_future=None):
        yield "<p>first cell</p>", None
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(NotebookRenderer, "generate_content_generator", breaks)
    renderer = limits.EndingRenderer.__new__(limits.EndingRenderer)  # the generator needs no renderer state

    async def collect():
        return [html async for html, _ in renderer.generate_content_generator("kernel")]

    # A thread of its own: an earlier test of the suite may leave this thread's event loop marked running.
    with ThreadPoolExecutor(1) as pool:
        first, last = pool.submit(asyncio.run, collect()).result()
    assert first == "<p>first cell</p>"
    assert "This page could not start its app." in last and "OSError: [Errno 24] Too many open files" in last
    assert 'classList.remove("nbapp-loading")' in last


def test_nbapp_run_lifts_its_open_files_limit(tmp_path):
    (tmp_path / "app.py").write_text("import streamlit as st\nst.write('hi')\n", encoding="utf-8")
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    proc = subprocess.Popen(["prlimit", f"--nofile=256:{hard}", sys.executable, "-m", "nbapp.cli", "run", "app.py",
                             "--no-browser", "--port", "0", "--no-fork"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [REPO, os.environ.get("PYTHONPATH")]))})
    try:
        for line in proc.stdout:  # the server prints its URL once Voilà listens (limits were set before)
            if "Local URL" in line:
                break
        with open(f"/proc/{proc.pid}/limits", encoding="utf-8") as f:
            soft = next(line.split()[3] for line in f if line.startswith("Max open files"))
        assert int(soft) == min(hard, limits.WANTED_OPEN_FILES) > 256
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(30)
