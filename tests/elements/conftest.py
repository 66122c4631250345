"""Fixtures for element tests: run a script headless, read the API error an app shows."""
from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from nbapp.testing import AppTest

PRELUDE = ("import io\nfrom datetime import date, datetime, time, timedelta\n\n"
           "import nbapp as st\nimport numpy as np\nimport pandas as pd\n")


@pytest.fixture
def run() -> Callable[[str], AppTest]:
    """Return ``run(script, timeout=3)``: the script (with ``st``, ``np``, ``pd``, ``io`` and the datetime types imported) after its first run.

    ``timeout`` (seconds) is AppTest's limit for the run: more for apps that build large objects.
    """
    return lambda script, timeout=3: AppTest.from_string(PRELUDE + textwrap.dedent(script)).run(timeout=timeout)


@pytest.fixture
def api_error(run) -> Callable[[str], str]:
    """Return ``api_error(script)``: the message of the one NbappAPIError the app shows (apps draw errors)."""

    def message(script: str) -> str:
        shown = run(script).exception
        assert len(shown) == 1 and shown[0].type == "NbappAPIError", [(e.type, e.value) for e in shown]
        return shown[0].value

    return message


@pytest.fixture
def rejects(api_error) -> Callable[..., None]:
    """Return ``rejects(call, *needles)``: the call shows an error that starts with ``st.fn(`` and names each needle."""

    def check(call: str, *needles: str) -> None:
        message = api_error(call)
        assert message.startswith(call.split("(")[0] + "("), message
        for needle in needles:
            assert needle in message, message

    return check
