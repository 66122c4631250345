"""Benchmark: the slider app served by `nbapp run` (forked kernels, and --no-fork), `streamlit run` and plain Voilà.

Run from the repository root, with Debian's Chromium. Streamlit 1.67 may live in its own
virtual environment: name its ``streamlit`` with ``--streamlit`` (by default, the one this
Python imports, else the first on PATH)::

    python bench/bench_serve.py --streamlit /tmp/stvenv/bin/streamlit               # everything
    python bench/bench_serve.py --changes 10 --sessions 1,5                          # quicker
    python bench/bench_serve.py --nbapp= --nbapp=--no-preheat                        # nbapp's options compared
    python bench/bench_serve.py --model-mb 500 --streamlit /tmp/stvenv/bin/streamlit  # one model per server

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
* memory: PSS (each shared page divided among its sharers: what the server really costs)
  of the server and all its descendants (kernels, warm parent) with 1, 5 and 20 pages
  open, read from /proc/PID/smaps_rollup; and RSS with 1 and 5 pages (the older column).

``--model-mb N``: instead, an app whose ``st.cache_resource`` builds an N MB array (and
sleeps 3 s, as loading a model would): PSS with 1 and 5 pages open, and the seconds from
opening the second page to its first output.
Without Streamlit its row reads "n/a". Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import errno
import os
import random
import re
import shutil
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

from nbapp.testing.procs import tree_memory_mb

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


def find_streamlit(given: str | None) -> list[str] | None:
    """The command that runs Streamlit: ``given`` (a ``streamlit`` executable), else this Python's, else PATH's; None without one."""
    if given:
        return [given]
    try:
        import streamlit  # noqa: F401
        return [sys.executable, "-m", "streamlit"]
    except ImportError:
        found = shutil.which("streamlit")
        return [found] if found else None


def streamlit_cmd(streamlit: list[str], path: str = "app.py") -> list[str]:
    """`streamlit run` with the options a benchmark needs (headless, no telemetry)."""
    return [*streamlit, "run", path, "--server.headless", "true", "--server.port", str(spare_port()),
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]


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
    return tree_memory_mb(pid, "Rss")


def percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def open_sessions(browser, url: str, pages: list, count: int) -> None:
    """Open pages at ``url`` (each in a fresh context, showing its first line) until ``pages`` holds ``count``."""
    while len(pages) < count:
        pages.append(open_page(browser, url, 60)[0])


def memory_at(proc: subprocess.Popen, browser, url: str, pages: list, counts: list[int]) -> dict[int, tuple[float, float]]:
    """(PSS, RSS) in MB of the server's process tree with each of ``counts`` pages open (``pages`` grows to the last)."""
    memory = {}
    for count in counts:
        open_sessions(browser, url, pages, count)
        time.sleep(2)  # the preheat pool refills, the pages settle
        memory[count] = (tree_memory_mb(proc.pid, "Pss"), tree_memory_mb(proc.pid, "Rss"))
    return memory


def measure(browser, name: str, start_cmd: Callable[[], list[str]], folder: Path, changes: int, opens: int,
            sessions: list[int]) -> dict:
    """Every number of one row: cold start, warm opens, change latencies, memory at each count of ``sessions``."""
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
        memory = memory_at(proc, browser, url, pages, sessions)
        for page in pages:
            close(page)
    return {"name": name, "p50": statistics.median(latencies), "p90": percentile(latencies, 0.9),
            "warm": statistics.median(warm) if warm else float("nan"),
            "interactive": statistics.median(interactive) if interactive else float("nan"), "cold": cold,
            "memory": memory}


MODEL = '''\
import time
import numpy as np
import streamlit as st

@st.cache_resource
def load():
    time.sleep(3)  # as reading weights from disk would
    return np.full({size} * 2**20 // 8, 1.0)  # written, so really resident (np.zeros would map nothing)

model = load()
x = st.slider("x", 0, 100, 25)
st.write(f"{{x}} squared is {{x * x}}")
'''


def measure_model(browser, name: str, start_cmd: Callable[[], list[str]], folder: Path) -> dict:
    """PSS with 1 and 5 pages of the model app open, and seconds from opening the second page to its first output."""
    with server(start_cmd(), folder) as running:
        url, proc = running.url, running.proc
        pages = [open_page(browser, url, 180)[0]]
        time.sleep(2)
        pss1 = tree_memory_mb(proc.pid, "Pss")
        page, second = open_page(browser, url, 60)
        pages.append(page)
        open_sessions(browser, url, pages, 5)
        time.sleep(2)
        pss5 = tree_memory_mb(proc.pid, "Pss")
        for page in pages:
            close(page)
    return {"name": name, "pss1": pss1, "pss5": pss5, "second": second}


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=30, help="slider changes timed (after 3 warm-ups)")
    parser.add_argument("--opens", type=int, default=5, help="warm page opens timed")
    parser.add_argument("--sessions", default="1,5,20", help="open pages at which memory is read (default: 1,5,20)")
    parser.add_argument("--streamlit", metavar="PATH", help="the streamlit executable (e.g. a venv's bin/streamlit)")
    parser.add_argument("--nbapp", action="append", metavar="OPTIONS",
                        help="an `nbapp run` row with these options (repeatable; default: '' and '--no-fork')")
    parser.add_argument("--model-mb", type=int, metavar="N",
                        help="measure the one-model-per-server case instead, with an N MB cached array")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    streamlit = find_streamlit(args.streamlit)
    sessions = sorted({int(n) for n in args.sessions.split(",")} | {1})
    folder = Path(tempfile.mkdtemp(prefix="nbapp-bench-serve-"))
    write_apps(folder)
    targets = [(" ".join(["nbapp run", *options.split(), "app.py"]), lambda options=options: nbapp_cmd(*options.split()))
               for options in (args.nbapp or ["", "--no-fork"])]
    if streamlit:
        targets.append(("streamlit run app.py", lambda: streamlit_cmd(streamlit)))
    if args.model_mb:
        (folder / "app.py").write_text(MODEL.format(size=args.model_mb), encoding="utf-8")
    else:
        targets.append(("voila + interact", voila_cmd))
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, cmd in targets:
            if args.model_mb:
                rows.append(measure_model(browser, name, cmd, folder))
            else:
                rows.append(measure(browser, name, cmd, folder, args.changes, args.opens, sessions))
            print(f"measured {name}", file=sys.stderr)
        browser.close()
    missing = "" if streamlit else "| streamlit run app.py | n/a |\n"
    if args.model_mb:
        print(f"\n{os.cpu_count()} CPUs, an app whose st.cache_resource loads {args.model_mb} MB\n")
        print("| target | PSS, 1 page | PSS, 5 pages | 5 / 1 | 2nd page open -> first output |")
        print("|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['name']} | {r['pss1']:.0f} MB | {r['pss5']:.0f} MB | {r['pss5'] / r['pss1']:.2f}x "
                  f"| {r['second']:.2f} s |")
        print(missing, end="")
        return
    print(f"\n{os.cpu_count()} CPUs, {args.changes} changes, {args.opens} warm opens\n")
    counts = " / ".join(map(str, sessions))
    print("| target | change -> new text, p50 / p90 | warm page open -> first output / live slider "
          f"| server start -> first output | PSS, {counts} sessions | RSS, {counts} sessions |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        pss = " / ".join(f"{r['memory'][n][0]:.0f}" for n in sessions)
        rss = " / ".join(f"{r['memory'][n][1]:.0f}" for n in sessions)
        cold = "no first output (hung)" if r["cold"] is None else f"{r['cold']:.2f} s"  # plain Voilà's loads can hang
        print(f"| {r['name']} | {r['p50']:.1f} ms / {r['p90']:.1f} ms | {r['warm']:.2f} s / {r['interactive']:.2f} s "
              f"| {cold} | {pss} MB | {rss} MB |")
    print(missing, end="")


if __name__ == "__main__":
    main()
