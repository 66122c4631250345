"""Benchmark: nbapp's cache_data against Streamlit's st.cache_data and plain joblib.Memory, on 100 MB objects.

Run from the repository root, with Streamlit installed as the bench-only extra
(``pip install -e .[bench]``, i.e. streamlit==1.67.0)::

    python bench/bench_cache.py            # 100 MB objects, median of 15 calls
    python bench/bench_cache.py --mb 20    # smaller, quicker

Everything runs in one process outside any server, as a notebook kernel would
(Streamlit in "bare mode"). The restart rows start fresh interpreters that
find the entry on disk. Without Streamlit the Streamlit column reads "n/a".

What is measured (median wall time of one call):

* miss: what the cache adds to a call that computes nothing and returns a
  100 MB DataFrame (nbapp: one defensive copy and the disk write; Streamlit:
  a pickle in memory; joblib: the disk write);
* warm hit: calling a cached function that returns a 100 MB DataFrame
  (ndarray), after a first call filled the cache;
* chained hit: a cached function whose *argument* is that DataFrame, as it
  came back from the first function (every pipeline step after the first);
  the pipeline row times both calls, as a rerun of the script does;
* fresh argument: the same, with a DataFrame the cache never saw (a new
  object each time), so it must be hashed in full; the miss row also stores
  the small result;
* restart: the first call in a new interpreter, the value on disk.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from typing import Any, Callable

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

# The cached functions, defined from this text in every process so that their
# identity (module, name, body) is the same after a "restart".
FUNCTIONS = """
import numpy as np
import pandas as pd

def load_frame(mb):
    rows = mb * 1024 * 1024 // 80
    rng = np.random.default_rng(0)
    data = {f"f{i}": rng.random(rows) for i in range(8)}
    data.update({f"i{i}": rng.integers(0, 1000, rows) for i in range(2)})
    return pd.DataFrame(data)

def load_array(mb):
    return np.random.default_rng(1).random(mb * 1024 * 1024 // 8)

def summarize(df):
    return df.shape

PREBUILT = {}

def store_frame(i):
    return PREBUILT["frame"]   # computing costs nothing: the call times the cache storing 100 MB
"""


def define(decorator: Callable[..., Any] | None) -> dict[str, Any]:
    """Execute FUNCTIONS as a notebook cell would, and decorate each function."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    exec(compile(FUNCTIONS, "<bench-cell>", "exec"), namespace)
    if decorator is not None:
        for name in ("load_frame", "load_array", "summarize", "store_frame"):
            namespace[name] = decorator(namespace[name])
    return namespace


def median_seconds(call: Callable[[], Any], repeat: int) -> float:
    """Median wall time of ``repeat`` calls (the median shrugs off a garbage collection or a page fault)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(ns: dict[str, Any], mb: int, repeat: int, fresh_count: int) -> dict[str, float]:
    """The rows for one cache implementation, given its decorated functions in ``ns``."""
    load_frame, load_array, summarize = ns["load_frame"], ns["load_array"], ns["summarize"]
    out = {}
    df = load_frame(mb)
    load_array(mb)
    ns["PREBUILT"]["frame"] = df
    calls = iter(range(10**6))
    out["miss: storing a 100 MB DataFrame"] = median_seconds(lambda: ns["store_frame"](next(calls)), 3)
    out["warm hit, 100 MB DataFrame"] = median_seconds(lambda: load_frame(mb), repeat)
    out["warm hit, 100 MB ndarray"] = median_seconds(lambda: load_array(mb), repeat)
    summarize(df)
    out["chained hit, 100 MB DataFrame argument"] = median_seconds(lambda: summarize(df), repeat)
    out["pipeline rerun: warm hit + chained hit"] = median_seconds(lambda: summarize(load_frame(mb)), repeat)
    # Built only now: a process that already allocated and freed several
    # 100 MB frames gets later ones without page faults, which made
    # Streamlit's unpickling hit 5x cheaper when these came first.
    frames = iter(fresh_copies(mb, fresh_count))
    out["fresh 100 MB argument, first call (miss)"] = median_seconds(lambda: summarize(next(frames)), fresh_count // 2)
    out["fresh 100 MB argument, repeat call (hit)"] = median_seconds(lambda: summarize(next(frames)), fresh_count // 2)
    return out


def fresh_copies(mb: int, count: int) -> list[Any]:
    """Distinct frames with distinct content (so each first call is a miss), built outside the timing."""
    base = define(None)["load_frame"](mb)
    frames = []
    for i in range(count // 2):
        frame = base.copy()
        frame.iloc[0, 0] = float(i)  # new content: a miss
        frames.append(frame)
    # The repeat half: copies of frames already seen (equal content, new objects).
    frames += [f.copy() for f in frames]
    return frames


RESTART = """
import sys, time, warnings, logging
sys.path.insert(0, {repo!r})
warnings.simplefilter("ignore")
logging.disable(logging.CRITICAL)
{setup}
from bench.bench_cache import define
ns = define({decorator})
start = time.perf_counter(); ns["load_frame"]({mb}); frame = time.perf_counter() - start
start = time.perf_counter(); ns["load_array"]({mb}); array = time.perf_counter() - start
start = time.perf_counter(); ns["load_frame"]({mb}); warm = time.perf_counter() - start
print(frame, array, warm)
"""


def restart(kind: str, mb: int, env: dict[str, str], cwd: str) -> tuple[float, float]:
    """First calls in a fresh interpreter, the values on disk (written by the parent)."""
    setup, decorator = {
        "nbapp": ("from nbapp.caching import cache_data", "cache_data"),
        "streamlit": ("import streamlit as st", "st.cache_data(persist='disk')"),
        "joblib": ("import joblib; memory = joblib.Memory({cache!r}, verbose=0)".format(cache=env["BENCH_JOBLIB"]),
                   "memory.cache"),
    }[kind]
    source = textwrap.dedent(RESTART.format(repo=REPO, setup=setup, decorator=decorator, mb=mb))
    # The parent's Streamlit rows use its default (memory only), like the
    # issue's numbers; a first process writes Streamlit's disk entries.
    runs = 2 if kind == "streamlit" else 1
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", source], env=env, cwd=cwd,
                                capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
    frame, array, _ = (float(x) for x in result.stdout.split())
    return frame, array


def fmt(seconds: float | None) -> str:
    """Seconds as ``'12 us'`` or ``'3.4 ms'``; None as ``'n/a'``."""
    if seconds is None:
        return "n/a"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} us"
    return f"{seconds * 1e3:.1f} ms"


def ratio(theirs: float | None, ours: float | None) -> str:
    """How many times faster nbapp is (``'250x'``), or the fraction when slower."""
    if theirs is None or ours is None:
        return "n/a"
    return f"{theirs / ours:,.0f}x" if theirs >= ours else f"{theirs / ours:.2f}x"


def decorator_for(kind: str) -> Callable[..., Any]:
    """The cache decorator of one implementation, as a notebook would use it."""
    if kind == "nbapp":
        from nbapp.caching import cache_data

        return cache_data
    if kind == "joblib":
        import joblib

        return joblib.Memory(os.environ["BENCH_JOBLIB"], verbose=0).cache
    import streamlit as st

    return st.cache_data  # its default: memory only, like the numbers


def run_one(kind: str, args: argparse.Namespace) -> None:
    """Measure one implementation in this process and print its rows as JSON (the last line)."""
    print(json.dumps(measure(define(decorator_for(kind)), args.mb, args.repeat, args.fresh)))


def main() -> None:
    """Measure every case for nbapp, joblib.Memory and (if installed) Streamlit; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=100, help="object size in MB (default 100)")
    parser.add_argument("--repeat", type=int, default=15, help="calls per timing (median; default 15)")
    parser.add_argument("--fresh", type=int, default=6, help="fresh argument frames (half misses, half hits)")
    parser.add_argument("--only", choices=("nbapp", "joblib", "streamlit"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # Streamlit's "no runtime" warnings in bare mode
    warnings.simplefilter("ignore")
    if args.only:
        run_one(args.only, args)
        return

    workdir = tempfile.mkdtemp(prefix="nbapp-bench-")
    env = dict(os.environ, NBAPP_CACHE_DIR=os.path.join(workdir, "nbapp"), BENCH_JOBLIB=os.path.join(workdir, "joblib"))
    try:
        import streamlit as st
    except ImportError:
        st = None
    kinds = ["nbapp", "joblib"] + (["streamlit"] if st is not None else [])
    results: dict[str, dict[str, float]] = {}
    for kind in kinds:
        # Each in a fresh interpreter, like a kernel: what one leaves in the
        # allocator (freed 100 MB blocks) would change the next one's timings.
        command = [sys.executable, os.path.abspath(__file__), "--only", kind, "--mb", str(args.mb),
                   "--repeat", str(args.repeat), "--fresh", str(args.fresh)]
        done = subprocess.run(command, env=env, cwd=workdir, capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            raise RuntimeError(f"{kind}: {done.stderr}")
        results[kind] = json.loads(done.stdout.strip().splitlines()[-1])
        rows = ("restart hit, 100 MB DataFrame (from disk)", "restart hit, 100 MB ndarray (from disk)")
        results[kind].update(zip(rows, restart(kind, args.mb, env, workdir)))

    label = f"{args.mb} MB"
    streamlit_name = f"Streamlit {st.__version__}" if st is not None else "Streamlit (not installed)"
    header = ("case", "nbapp", streamlit_name, "joblib.Memory", "Streamlit / nbapp")
    table = [header]
    for row in results["nbapp"]:
        ours = results["nbapp"].get(row)
        theirs = results.get("streamlit", {}).get(row)
        table.append((row.replace("100 MB", label), fmt(ours), fmt(theirs), fmt(results["joblib"].get(row)),
                      ratio(theirs, ours)))
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, median of {args.repeat} calls, each "
          f"implementation in its own interpreter; Streamlit's restart rows use persist='disk' "
          f"(its default keeps nothing across restarts)")
    for i, r in enumerate(table):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


if __name__ == "__main__":
    main()
