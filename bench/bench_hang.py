"""Benchmark: page loads that never finish ("hung"), `nbapp run` against plain `voila`, in headless Chromium.

Run from the repository root (Debian's Chromium installed)::

    python bench/bench_hang.py                # 200 loads each, a fresh server every 5 loads
    python bench/bench_hang.py --loads 40     # quicker

Voilà 0.5's executor can lose the wakeup of a cell's execute_reply, and then the page
stops after ``window.voila_heartbeat()`` forever (shared/FIELD-NOTES.md);
``nbapp run`` installs :mod:`nbapp.serve.wakeup` in its server process. Both serve the
same notebook (``%load_ext nbapp`` and the slider app under ``%%app``); ``nbapp run``
also serves it as a script. Each server serves 5 loads, the first one right after the
process started; the servers cycle through script / notebook and with / without
preheated kernels. A load counts as hung when the app's first line is not in the page
15 s after the navigation began.

The lost wakeup needs an Output widget, which nbapp apps do not use; so both servers also
serve ``interact.ipynb`` (``ipywidgets.interact``, as in the field notes). ``nbapp run``
hides the outputs of a notebook's non-app cells, so there a load counts as finished when
Voilà's page is complete (its ``voila.js`` script tag, written after the executed cells).
``--only app`` or ``--only output-widget`` runs one half. Prints a Markdown table: hung loads and the median load
time (navigation -> first line, or complete page) of the loads that finished.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from bench_serve import CHROMIUM, CHROMIUM_ARGS, close, nbapp_cmd, open_page, server, voila_cmd, write_apps

COMPLETE = 'script[src$="voila.js"]'  # Voilà writes it after the executed cells: the HTML stream ended
APP_TARGETS = ("nbapp run", "voila")
CONFIGS = {  # name -> (target, command, what marks a finished load: None for the app's first line)
    "nbapp run app.py": ("nbapp run", nbapp_cmd, None),
    "nbapp run app.py --no-preheat": ("nbapp run", lambda: nbapp_cmd("--no-preheat"), None),
    "nbapp run app.ipynb": ("nbapp run", lambda: nbapp_cmd(path="app.ipynb"), None),
    "nbapp run app.ipynb --no-preheat": ("nbapp run", lambda: nbapp_cmd("--no-preheat", path="app.ipynb"), None),
    "voila app.ipynb": ("voila", lambda: voila_cmd(path="app.ipynb"), None),
    "voila app.ipynb --preheat_kernel=True": ("voila", lambda: voila_cmd("--preheat_kernel=True", path="app.ipynb"),
                                              None),
    "nbapp run interact.ipynb": ("nbapp run, Output widget", lambda: nbapp_cmd(path="interact.ipynb"), COMPLETE),
    "nbapp run interact.ipynb --no-preheat": ("nbapp run, Output widget",
                                              lambda: nbapp_cmd("--no-preheat", path="interact.ipynb"), COMPLETE),
    "voila interact.ipynb": ("voila, Output widget", lambda: voila_cmd(path="interact.ipynb"), COMPLETE),
    "voila interact.ipynb --preheat_kernel=True": ("voila, Output widget",
                                                   lambda: voila_cmd("--preheat_kernel=True", path="interact.ipynb"),
                                                   COMPLETE),
}


def describe(page) -> str:
    """What a load without output got: did the HTML stream end (Voilà's script tag after the cells)?"""
    try:
        return page.evaluate("""complete => JSON.stringify({
            html_complete: !!document.querySelector(complete),
            snapshot: !!document.querySelector('.nbapp-snapshot'),
            live_app: !!document.querySelector('.lm-Widget.nbapp-app'),
            error: (document.querySelector('.nbapp-page-error') || {}).textContent || null,
        })""", COMPLETE)
    except Exception as err:  # the page itself is unusable
        return f"page not readable: {err}"


def main() -> None:
    """Run the loads and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=200, help="page loads per target (nbapp run, voila, ...)")
    parser.add_argument("--per-server", type=int, default=5, help="loads per fresh server")
    parser.add_argument("--wait", type=float, default=15.0, help="seconds a load may take before it counts as hung")
    parser.add_argument("--only", choices=("app", "output-widget"), help="only the app notebook, or only the Output widget one")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="nbapp-bench-hang-"))
    write_apps(folder)
    results: dict[str, list[float | None]] = defaultdict(list)
    per_target = defaultdict(list)
    for name, (target, _, _) in CONFIGS.items():
        if args.only is None or (target in APP_TARGETS) == (args.only == "app"):
            per_target[target].append(name)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        servers = args.loads // args.per_server
        for round_ in range(servers):
            for target, names in per_target.items():
                name = names[round_ % len(names)]
                _, command, ready = CONFIGS[name]
                with server(command(), folder) as running:
                    for _ in range(args.per_server):
                        page, seconds = open_page(browser, running.url, args.wait, ready=ready)
                        results[name].append(seconds)
                        if seconds is None:
                            alive = "running" if running.proc.poll() is None else f"exited {running.proc.returncode}"
                            print(f"no output: {name}: {describe(page)}; server {alive}, its output:\n"
                                  + "".join(running.output[-20:]), file=sys.stderr, flush=True)
                        close(page)
            done = sum(len(v) for v in results.values())
            hung = sum(v.count(None) for v in results.values())
            print(f"{done} loads, {hung} hung", file=sys.stderr, flush=True)
        browser.close()
    print(f"\n{args.loads} loads per target, a fresh server every {args.per_server}, hung = no output "
          f"(Output widget rows: no complete page) {args.wait:g} s after navigation\n")
    print("| served by | hung loads | p50 load time |")
    print("|---|---|---|")
    for target, names in per_target.items():
        rows = [(target, [s for n in names for s in results[n]])] + [(f"  {n}", results[n]) for n in names]
        for label, loads in rows:
            finished = [s for s in loads if s is not None]
            p50 = f"{statistics.median(finished):.2f} s" if finished else "n/a"
            print(f"| {label} | {loads.count(None)}/{len(loads)} | {p50} |")


if __name__ == "__main__":
    main()
