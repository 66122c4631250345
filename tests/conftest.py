"""Session-wide test settings: nothing a test does touches the user's real cache folder.

numpy and pandas are imported here, once, before any test: apps under test import them, and
AppTest's run timeout (3 s, as Streamlit's) counted the first test's import of pandas, which
took longer than that on a loaded 2-core machine (the first test of a file failed now and then).
"""
from __future__ import annotations

import os

import numpy  # noqa: F401 - see the module docstring
import pandas  # noqa: F401
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
