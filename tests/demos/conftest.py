"""Demos' tests: a fresh cache folder, and a skip for st commands that another issue brings."""
from __future__ import annotations

import pytest

import nbapp


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path_factory, monkeypatch):
    """One cache folder for this test session (kernels started by a test inherit it): no stale hits from earlier runs."""
    monkeypatch.setenv("NBAPP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "nbapp-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def needs():
    """``needs("image", "map")`` skips the test while nbapp lacks one of those st commands."""
    def check(*names: str) -> None:
        missing = [n for n in names if not hasattr(nbapp, n)]
        if missing:
            pytest.skip(f"st.{', st.'.join(missing)} not in nbapp yet (the charts and media issue brings it)")
    return check
