"""Benchmark: the slider app served by `nbapp run`, by `streamlit run` and by plain Voilà + `interact`.

Run from the repository root, with Streamlit installed as the bench-only extra
(``pip install -e .[bench]``, i.e. streamlit==1.67.0) and Debian's Chromium::

    python bench/bench_serve.py               # 30 changes, 5 warm page opens
    python bench/bench_serve.py --changes 10  # quicker

The same app everywhere: an int slider 0..100 (default 25) and the line
"{x} squared is {x*x}", measured in headless Chromium:

* change: pressing the right arrow on the focused slider -> the new line in the page.
  Timed in the page, from the keydown event's timeStamp to the MutationObserver
  callback that sees the new text, so no driver round trip is counted; 3 warm-ups,
  then N presses 0.3 s apart; median and p90;
* warm open: navigation start -> first rendered line, on a server that already
  served a page (median of 5 fresh browser contexts), and -> the live slider drawn
  (nbapp's first paint is a static snapshot of the first run; the live widgets follow);
* cold start: server process start -> first rendered line in a page polling for it;
* memory: resident memory of the server and all its children (kernels) with 1 and
  with 5 pages open.
Without Streamlit its row reads "n/a". Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import errno
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCRIPT = '''\
import streamlit as st
x = st.slider("x", 0, 100, 25)
st.write(f"{x} squared is {x * x}")
'''
INTERACT = '''\
from ipywidgets import IntSlider, interact
def show(x):
    print(f"{x} squared is {x * x}")
interact(show, x=IntSlider(value=25, min=0, max=100))
'''
URL = re.compile(r"http://(127\.0\.0\.1|localhost):[1-9][0-9]*/?")  # a server's own URL, as it prints it
SLIDER = ".noUi-handle, [data-testid=stSlider] input[type=range]"  # ipywidgets' handle; Streamlit's hidden input
# Runs in the page before any of its scripts: the latency of each change, measured in the page.
PROBE = """
window.__want = null; window.__latencies = []; let t0 = null;
document.addEventListener("keydown", e => { t0 = e.timeStamp; }, true);
new MutationObserver(() => {
  if (t0 !== null && window.__want && document.body && document.body.textContent.includes(window.__want)) {
    window.__latencies.push(performance.now() - t0); t0 = null; window.__want = null;
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def spare_port() -> int:
    """Return a free TCP port on 127.0.0.1 below Linux's ephemeral range, for servers that cannot pick one.

    A port found free by binding port 0 comes from the range that outgoing connections also
    take their local ports from, so it can be taken before the server binds it; ``nbapp run``
    avoids the question with ``--port 0``.
    """
    while True:
        port = random.randrange(20_000, 32_000)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError as err:
                if err.errno == errno.EADDRINUSE:
                    continue
                raise
            return port


def line(x: int) -> str:
    """The app's line for slider value ``x``."""
    return f"{x} squared is {x * x}"


@dataclass
class Running:
    """A server started by :func:`server`: its process, the URL it printed, what it printed."""

    proc: subprocess.Popen
    started: float  # time.perf_counter() when the process was started
    url: str = ""
    output: list[str] = field(default_factory=list)


@contextmanager
def server(cmd: list[str], cwd: Path, *, start: float = 120) -> Iterator[Running]:
    """Start ``cmd`` (a server) in its own process group; yield it once it printed its URL; stop it and its kernels.

    Raises RuntimeError with the server's output when it exits or prints no URL within ``start`` seconds.
    """
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    running = Running(proc, time.perf_counter())
    listening = threading.Event()

    def read() -> None:
        for text in proc.stdout:
            running.output.append(text)
            found = URL.search(text)
            if found and not listening.is_set():
                running.url = found.group(0).rstrip("/") + "/"
                listening.set()
        listening.set()  # the server exited

    threading.Thread(target=read, daemon=True).start()
    try:
        if not listening.wait(start) or not running.url:
            raise RuntimeError(f"{' '.join(cmd)} did not start:\n{''.join(running.output)}")
        yield running
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        try:  # kernels left behind by a server that did not shut them down
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def nbapp_cmd(*options: str, path: str = "app.py") -> list[str]:
    """The `nbapp run` command for ``path`` (in the server's working folder), on any free port."""
    return [sys.executable, "-m", "nbapp.cli", "run", path, "--no-browser", "--port", "0", *options]


def voila_cmd(*options: str, path: str = "interact.ipynb") -> list[str]:
    """Plain Voilà, through its own console script (no nbapp in the server)."""
    return [sys.executable, "-m", "voila", path, "--no-browser", f"--port={spare_port()}", *options]


def streamlit_cmd() -> list[str]:
    """`streamlit run` with the options a benchmark needs (headless, no telemetry)."""
    return [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
            "--server.port", str(spare_port()), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]


def write_apps(folder: Path) -> None:
    """The slider app as a script, as an nbapp notebook, and as an `interact` notebook."""
    (folder / "app.py").write_text(SCRIPT, encoding="utf-8")
    app_nb = [nbformat.v4.new_code_cell("%load_ext nbapp"), nbformat.v4.new_code_cell("%%app\n" + SCRIPT)]
    nbformat.write(nbformat.v4.new_notebook(cells=app_nb), str(folder / "app.ipynb"))
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(INTERACT)]),
                   str(folder / "interact.ipynb"))


def open_page(browser, url: str, timeout: float, *, probe: bool = False, ready: str | None = None):
    """Open ``url`` in a fresh context; return (page, seconds from navigation to the first line).

    With ``ready`` (a CSS selector), the seconds until an element matching it is in the page instead.
    The seconds are None when it did not happen within ``timeout`` seconds of the navigation (a hung load).
    """
    context = browser.new_context()
    page = context.new_page()
    if probe:
        page.add_init_script(PROBE)
    start = time.perf_counter()
    try:
        page.goto(url, wait_until="commit", timeout=timeout * 1000)
    except Exception:  # not even the response's headers arrived
        return page, None
    try:
        target = page.locator(ready) if ready else page.get_by_text(line(25))
        target.first.wait_for(state="attached", timeout=max(0.001, start + timeout - time.perf_counter()) * 1000)
    except Exception:
        return page, None
    return page, time.perf_counter() - start


def close(page) -> None:
    """Close ``page`` as closing its tab does (unload handlers run), then its browser context."""
    page.close(run_before_unload=True)
    page.context.close()


def change_latencies(page, changes: int) -> list[float]:
    """Press the right arrow on the focused slider ``3 + changes`` times; return the last ``changes`` latencies (ms)."""
    page.locator(SLIDER).first.focus()
    for i in range(3 + changes):
        page.evaluate("w => { window.__want = w; }", line(26 + i))
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"window.__latencies.length >= {i + 1}", timeout=10_000)
        time.sleep(0.3)
    return page.evaluate("window.__latencies")[3:]


def tree_rss_mb(pid: int) -> float:
    """Resident memory (MB) of process ``pid`` and all its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, ()))
        try:
            with open(f"/proc/{current}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total / 2**20


def percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def measure(browser, name: str, start_cmd: Callable[[], list[str]], folder: Path, changes: int, opens: int) -> dict:
    """Every number of one row: cold start, warm opens, change latencies, memory."""
    with server(start_cmd(), folder) as running:
        url, proc = running.url, running.proc
        first, cold = open_page(browser, url, 120)
        cold = cold and time.perf_counter() - running.started
        close(first)
        warm, interactive = [], []
        for _ in range(opens):
            started_open = time.perf_counter()
            page, seconds = open_page(browser, url, 30)
            if seconds is not None:
                warm.append(seconds)
                page.locator(SLIDER).first.wait_for(state="visible", timeout=30_000)
                interactive.append(time.perf_counter() - started_open)
            close(page)
        pages = []
        for _ in range(3):  # plain Voilà's page load sometimes never finishes (see bench_hang.py)
            page, seconds = open_page(browser, url, 30, probe=True)
            if seconds is not None:
                break
            close(page)
        pages.append(page)
        latencies = change_latencies(page, changes)
        time.sleep(1)
        mem1 = tree_rss_mb(proc.pid)
        for _ in range(4):
            pages.append(open_page(browser, url, 30)[0])
        time.sleep(2)
        mem5 = tree_rss_mb(proc.pid)
        for page in pages:
            close(page)
    return {"name": name, "p50": statistics.median(latencies), "p90": percentile(latencies, 0.9),
            "warm": statistics.median(warm) if warm else float("nan"),
            "interactive": statistics.median(interactive) if interactive else float("nan"), "cold": cold, "mem1": mem1, "mem5": mem5}


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=30, help="slider changes timed (after 3 warm-ups)")
    parser.add_argument("--opens", type=int, default=5, help="warm page opens timed")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    try:
        import streamlit  # noqa: F401
        has_streamlit = True
    except ImportError:
        has_streamlit = False
    folder = Path(tempfile.mkdtemp(prefix="nbapp-bench-serve-"))
    write_apps(folder)
    targets = [("nbapp run app.py", nbapp_cmd)]
    if has_streamlit:
        targets.append(("streamlit run app.py", streamlit_cmd))
    targets.append(("voila + interact", voila_cmd))
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, cmd in targets:
            rows.append(measure(browser, name, cmd, folder, args.changes, args.opens))
            print(f"measured {name}", file=sys.stderr)
        browser.close()
    print(f"\n{os.cpu_count()} CPUs, {args.changes} changes, {args.opens} warm opens\n")
    print("| target | change -> new text, p50 / p90 | warm page open -> first output / live slider "
          "| server start -> first output | RSS, 1 / 5 sessions |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['name']} | {r['p50']:.1f} ms / {r['p90']:.1f} ms | {r['warm']:.2f} s / {r['interactive']:.2f} s "
              f"| {r['cold']:.2f} s | {r['mem1']:.0f} / {r['mem5']:.0f} MB |")
    if not has_streamlit:
        print("| streamlit run app.py | n/a | n/a | n/a | n/a |")


if __name__ == "__main__":
    main()
