"""A heavy ``st.cache_data`` step whose work runs on a Dask cluster through joblib's parallel backend.

The cached function fans its work out with ``joblib.Parallel`` inside
``joblib.parallel_config(backend="dask")``; its result lands in nbapp's disk cache like any
other, so the next call (this process, another kernel, another server sharing --cache-dir)
is a hit that sends nothing to the cluster. Prints the first (computed) and second (hit)
call's time and how many tasks the cluster ran for each.

Usage::

    pip install "dask[distributed]"
    NBAPP_CACHE_DIR=/tmp/nbapp-dask-cache python bench/deploy_dask.py            # a local cluster
    DASK_SCHEDULER_ADDRESS=tcp://scheduler:8786 python bench/deploy_dask.py   # an existing one

The same code is an app: put ``heavy`` in a script and call it from the page.
"""
from __future__ import annotations

import os
import time

import joblib
import numpy as np

import nbapp as st


def simulate(seed: int) -> float:
    """One unit of heavy work: the mean of a long random walk's absolute value."""
    walk = np.random.default_rng(seed).standard_normal(2_000_000).cumsum()
    return float(np.abs(walk).mean())


@st.cache_data
def heavy(n: int) -> list[float]:
    """``n`` simulations, run on the Dask cluster the process is connected to."""
    with joblib.parallel_config(backend="dask"):
        return joblib.Parallel()(joblib.delayed(simulate)(seed) for seed in range(n))


def main() -> None:
    from distributed import Client, LocalCluster, get_task_stream

    address = os.environ.get("DASK_SCHEDULER_ADDRESS")
    cluster = None if address else LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                                 dashboard_address=None)
    with Client(address or cluster) as client:
        for label in ("first call", "second call"):
            start = time.perf_counter()
            with get_task_stream(client) as stream:
                result = heavy(16)
            elapsed = time.perf_counter() - start
            print(f"{label}: {elapsed * 1000:.0f} ms, {len(stream.data)} tasks on the cluster, "
                  f"mean {np.mean(result):.1f}")
    if cluster is not None:
        cluster.close()


if __name__ == "__main__":
    main()
