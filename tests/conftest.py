"""Session-wide test settings: nothing a test does touches the user's real cache folder."""
from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_cache_dir(tmp_path_factory):
    """Point NBAPP_CACHE_DIR (inherited by kernels and servers the tests start) at a temp folder."""
    folder = tmp_path_factory.mktemp("nbapp-cache")
    previous = os.environ.get("NBAPP_CACHE_DIR")
    os.environ["NBAPP_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("NBAPP_CACHE_DIR", None)
    else:
        os.environ["NBAPP_CACHE_DIR"] = previous
