"""`nbapp run --cache-dir SHARED` on two servers (two machines, simulated): one computes, the other hits.

Each server gets its own default cache folder ($NBAPP_CACHE_DIR differs), so only the shared
--cache-dir can carry the entry across; the cached body records every call in a file.
"""
from __future__ import annotations

import urllib.request

APP = '''\
import os
import streamlit as st

@st.cache_data
def heavy(n):
    with open(os.environ["NBAPP_TEST_CALLS"], "a") as log:
        log.write(f"{os.getpid()}\\n")
    return sum(i * i for i in range(n))

st.write("total is", heavy(1000))
'''


def page_text(url: str) -> str:
    """The served page's HTML, which holds the app's first output (the snapshot of its first run)."""
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode()


def test_a_second_server_hits_what_the_first_computed_in_the_shared_folder(serve, tmp_path, monkeypatch):
    shared, calls = tmp_path / "shared-cache", tmp_path / "calls.log"
    monkeypatch.setenv("NBAPP_TEST_CALLS", str(calls))
    pages = []
    for machine in ("a", "b"):
        monkeypatch.setenv("NBAPP_CACHE_DIR", str(tmp_path / f"private-{machine}"))
        server = serve(APP, "--cache-dir", str(shared), "--no-preheat")
        pages.append(page_text(server.url))
        server.stop()  # one machine at a time: the second cannot share the first's memory
    assert all("332833500" in page for page in pages)
    assert len(calls.read_text().split()) == 1  # computed once, by the first server's kernel
    assert len(list(shared.glob("joblib/*/*/*/output.pkl"))) == 1
    assert not (tmp_path / "private-a").exists() and not (tmp_path / "private-b").exists()
