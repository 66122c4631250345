"""Semantic search demo: query -> hits latency after the first run (model and embeddings cached).

Prints the first run's time, then, for 20 queries, the time of a whole rerun of the app
(AppTest: type a query, rerun, hits drawn) and the demo's own figure (query embedding +
ranking). Usage: ``PYTHONPATH=. python3 bench/bench_semantic_search.py``.
"""
from __future__ import annotations

import os
import re
import statistics
import tempfile
import time

QUERIES = ["compress bytes", "parse command line options", "current date and time", "random choice from a list",
           "escape html", "copy a folder tree", "run a shell command", "sleep for a while", "make a temporary file",
           "round a decimal number", "match a regular expression", "hash a password", "read a csv file",
           "sort while keeping order", "merge sorted lists", "unique identifier", "pretty print a dict",
           "parse a url", "thread lock", "zip archive"]


def main() -> None:
    os.environ.setdefault("NBAPP_CACHE_DIR", tempfile.mkdtemp())
    os.environ["HF_HUB_OFFLINE"] = "1"
    from nbapp.serve.gallery import DEMO_DIR
    from nbapp.testing import AppTest

    started = time.perf_counter()
    at = AppTest.from_file(str(DEMO_DIR / "semantic_search.py"), default_timeout=600).run()
    print(f"first run (load model, read + embed the corpus): {time.perf_counter() - started:.1f} s")
    reruns, own = [], []
    for query in QUERIES:
        started = time.perf_counter()
        at.text_input[0].input(query).run()
        reruns.append((time.perf_counter() - started) * 1000)
        caption = next(c.value for c in at.caption if " hits out of " in c.value)
        own.append(float(re.search(r"in (\d+) ms", caption).group(1)))
    for name, values in (("whole rerun, query typed -> hits drawn", reruns), ("query embedding + ranking", own)):
        print(f"{name}: median {statistics.median(values):.0f} ms, max {max(values):.0f} ms over {len(values)} queries")


if __name__ == "__main__":
    main()
