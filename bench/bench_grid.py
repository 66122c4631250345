"""Benchmark: a 1,000,000-row st.dataframe served by `nbapp run`, and by `streamlit run` when given one.

Run from the repository root with Debian's Chromium::

    python bench/bench_grid.py                                   # nbapp only
    python bench/bench_grid.py --streamlit /tmp/stvenv/bin/streamlit --opens 3

The app: a 3-column frame (two int64 columns, one float64) of 1,000,000 rows, under a
line of text. For each server, after one warm-up page, ``--opens`` fresh browser contexts:

* first paint: navigation start -> the grid's first rows drawn (nbapp: the live grid's rows
  in the DOM; Streamlit: its canvas grid in the page with the app's line shown);
* bytes: everything the page received: HTTP response bodies plus websocket frames;
* bottom (nbapp): scrolling the grid to its end -> the last row (999999) drawn.
Prints a Markdown table (medians).
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
APP = '''\
import numpy as np
import pandas as pd
import streamlit as st

n = np.arange(ROWS)
df = pd.DataFrame({"n": n, "sq": n * n, "x": np.random.default_rng(0).random(ROWS)})
st.write(f"rows: {len(df)}")
st.dataframe(df)
'''
REPO = Path(__file__).resolve().parents[1]
URL = re.compile(r"http://(127\.0\.0\.1|localhost):[1-9][0-9]*/?")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(cmd: list[str], cwd: str) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    deadline = time.time() + 90
    for line in proc.stdout:
        match = URL.search(line)
        if match:
            return proc, match.group(0)
        if time.time() > deadline:
            break
    stop(proc)
    raise RuntimeError(f"{cmd[0]} printed no URL")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def open_once(browser, url: str, ready: str, scroll: bool) -> dict[str, float]:
    """One fresh context: time to first rows, bytes received, and (nbapp) time to the last row after scrolling."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    received = {"ws": 0, "http": 0}
    page.on("websocket", lambda ws: ws.on("framereceived", lambda p: received.__setitem__("ws", received["ws"] + len(p))))
    page.on("requestfinished", lambda r: received.__setitem__("http", received["http"] + r.sizes()["responseBodySize"]))
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(ready, state="attached", timeout=120_000)
    page.get_by_text(re.compile(r"^rows: \d+$")).last.wait_for(timeout=120_000)
    paint = time.perf_counter() - start
    bottom = float("nan")
    if scroll:
        # Timed in the page: scrollTop set -> the last row's number drawn (checked every frame).
        bottom = page.locator(".nbapp-dataframe:has(.nbapp-grid-window)").evaluate("""root => new Promise(resolve => {
            const last = String(Number(root.querySelector(".nbapp-grid-count").textContent.split(" ")[0]
                                       .replaceAll(",", "")) - 1);
            const win = root.querySelector(".nbapp-grid-window"), grid = root.querySelector(".nbapp-grid-scroll");
            const has = () => [...win.querySelectorAll(".nbapp-grid-cell")].some(c => c.textContent === last);
            const t0 = performance.now();
            grid.scrollTop = grid.scrollHeight;
            const poll = () => has() ? resolve((performance.now() - t0) / 1000) : requestAnimationFrame(poll);
            requestAnimationFrame(poll);
        })""")
    page.wait_for_timeout(500)  # frames still in flight count too
    context.close()
    return {"paint": paint, "bytes": received["ws"] + received["http"], "ws": received["ws"], "bottom": bottom}


def measure(browser, url: str, ready: str, opens: int, scroll: bool) -> dict[str, float]:
    open_once(browser, url, ready, scroll)  # warm-up: kernel pool, caches
    runs = [open_once(browser, url, ready, scroll) for _ in range(opens)]
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--opens", type=int, default=3)
    parser.add_argument("--streamlit", help="a `streamlit` executable (1.67.0) to compare with")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in (10, 1_000_000):  # 10 rows: the page and kernel alone, the baseline for the grid's cost
            folder = tempfile.mkdtemp()
            Path(folder, "app.py").write_text(APP.replace("ROWS", str(size)))
            proc, url = start([sys.executable, "-m", "nbapp.cli", "run", "app.py", "--no-browser", "--port", "0"], folder)
            try:
                rows.append((f"nbapp run, {size:,} rows", measure(
                    browser, url, ".nbapp-dataframe .nbapp-grid-window .nbapp-grid-row", args.opens, scroll=True)))
            finally:
                stop(proc)
        folder = tempfile.mkdtemp()
        Path(folder, "app.py").write_text(APP.replace("ROWS", "1_000_000"))
        if args.streamlit:
            port = free_port()
            proc, url = start([args.streamlit, "run", "app.py", "--server.headless", "true", "--server.port", str(port),
                               "--browser.gatherUsageStats", "false"], folder)
            try:
                rows.append(("streamlit run, 1,000,000 rows", measure(browser, url, "[data-testid='stDataFrame'] canvas",
                                                      args.opens, scroll=False)))
            finally:
                stop(proc)
        browser.close()
    print("| server | first rows drawn (s) | bytes received | of which websocket | scroll to last row (s) |")
    print("|---|---|---|---|---|")
    for name, r in rows:
        bottom = "n/a" if r["bottom"] != r["bottom"] else f"{r['bottom']:.2f}"
        print(f"| {name} | {r['paint']:.2f} | {r['bytes'] / 1e6:.2f} MB | {r['ws'] / 1e6:.2f} MB | {bottom} |")


if __name__ == "__main__":
    main()
