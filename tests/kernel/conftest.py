"""Kernel fixtures: a fresh ipykernel with nbapp loaded per test."""
from __future__ import annotations

import pytest

from nbapp.testing.kernel import running_kernel


@pytest.fixture
def kernel():
    """A fresh ipykernel with ``%load_ext nbapp`` done, shut down after the test."""
    with running_kernel() as wk:
        assert wk.execute("%load_ext nbapp")["status"] == "ok"
        yield wk
