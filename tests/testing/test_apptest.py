"""AppTest itself: a run that outlives its timeout."""
from __future__ import annotations

import threading

import pytest

from nbapp.testing import AppTest


ENDLESS_LOOP = """
import nbapp as st
ticker = st.empty()
i = 0
while True:
    i += 1
    ticker.text(i)
"""

ENDLESS_RERUN = """
import nbapp as st
st.session_state.n = st.session_state.get("n", 0) + 1
st.rerun()
"""


@pytest.mark.parametrize("script", [ENDLESS_LOOP, ENDLESS_RERUN], ids=["loop", "rerun"])
def test_a_run_past_its_timeout_raises_and_its_script_stops(script):
    at = AppTest.from_string(script)
    with pytest.raises(RuntimeError, match=r"timed out after 0.2\(s\)"):
        at.run(timeout=0.2)
    for thread in [t for t in threading.enumerate() if t.name == "nbapp-apptest"]:
        thread.join(5)
        assert not thread.is_alive()
