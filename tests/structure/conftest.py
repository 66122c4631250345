"""Fixtures for app-structure tests: run a script headless."""
from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from nbapp.testing import AppTest


@pytest.fixture
def run() -> Callable[[str], AppTest]:
    """Return ``run(script)``: the script (with ``import nbapp as st``) after its first run."""
    return lambda script: AppTest.from_string("import nbapp as st\n" + textwrap.dedent(script)).run()


@pytest.fixture
def shown_error(run) -> Callable[[str], str]:
    """Return ``shown_error(script)``: the message of the one NbappAPIError the app shows."""

    def message(script: str) -> str:
        shown = run(script).exception
        assert len(shown) == 1 and shown[0].type == "NbappAPIError", [(e.type, e.value) for e in shown]
        return shown[0].value

    return message
