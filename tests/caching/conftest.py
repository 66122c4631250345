"""Every cache test starts with empty caches and its own disk folder (NBAPP_CACHE_DIR)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import warnings

import pytest

from nbapp.caching import CacheWarning, clear_all

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    """A private, empty cache folder for this test; in-memory caches are cleared around it."""
    folder = tmp_path / "nbapp-cache"
    monkeypatch.setenv("NBAPP_CACHE_DIR", str(folder))
    clear_all()
    yield folder
    clear_all()


@pytest.fixture
def no_cache_warnings():
    """Fail the test if the cache warns (a corrupt entry, a failed write...)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)
        yield


def python_env() -> dict[str, str]:
    """The environment of a child interpreter: this one's, with the repo importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [REPO, env.get("PYTHONPATH")]))  # no "" entry: not the cwd
    return env


def _run_python(source: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(source)], env=python_env(),
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError(f"subprocess failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def run_python():
    """Run source code in a fresh interpreter (a kernel restart) that uses this test's cache folder."""
    return _run_python


@pytest.fixture
def child_env():
    """Environment for child processes started with subprocess.Popen."""
    return python_env()


class Counter:
    """Counts calls of a cached function's body: a hit leaves it unchanged."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.calls


@pytest.fixture
def counter():
    return Counter()
