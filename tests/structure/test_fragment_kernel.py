"""Fragments in a real ipykernel: a fragment's widget reruns it alone; run_every ticks until the app closes."""
from __future__ import annotations

import re
import time

import pytest

from nbapp.testing.kernel import running_kernel


@pytest.fixture
def kernel():
    with running_kernel() as wk:
        assert wk.execute("%load_ext nbapp")["status"] == "ok"
        yield wk


def _app(kernel, expr: str):
    return kernel.eval(f"[{expr} for a in __import__('nbapp.jupyter.magic').jupyter.magic._APPS.values()][0]")


def test_fragment_widget_reruns_only_the_fragment(kernel):
    kernel.execute("""%%app
import nbapp as st
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1
@st.fragment
def part():
    x = st.slider("x", 0, 100, 25)
    st.write(f"fragment sees {x}")
part()
st.write(f"app ran {st.session_state.app_runs}")
""")
    kernel.wait_for_text("fragment sees 25")
    slider = kernel.find("IntSliderModel", value=25)
    kernel.send_update(slider, value=60)
    kernel.wait_for_text("fragment sees 60")
    assert any("app ran 1" in t for t in kernel.texts())
    assert _app(kernel, "a.app.session_state['app_runs']") == "1"


def test_run_every_ticks_while_shown_and_stops_when_closed(kernel):
    kernel.execute("""%%app ticker
import nbapp as st
st.session_state.setdefault("app_runs", 0)
st.session_state.setdefault("ticks", 0)
st.session_state.app_runs += 1
@st.fragment(run_every=0.2)
def clock():
    st.session_state.ticks += 1
    st.write(f"tick {st.session_state.ticks}")
clock()
st.write(f"app ran {st.session_state.app_runs}")
""")
    kernel.wait_for_text("tick 4", timeout=20)
    assert any("app ran 1" in t for t in kernel.texts())
    assert kernel.execute("__import__('nbapp.jupyter.magic').jupyter.magic._APPS['name:ticker'].close()")["status"] == "ok"
    kernel.drain()
    before = int(_app(kernel, "a.app.session_state['ticks']"))
    time.sleep(1.0)
    assert int(_app(kernel, "a.app.session_state['ticks']")) == before


def _page_bridge(kernel) -> str:
    found = [cid for cid, state in kernel.models.items() if "page" in state and "query" in state and "path" in state]
    assert len(found) == 1, found
    return found[0]


def _alive(kernel, bridge: str) -> None:
    """What a page showing the app sends every second (nbapp/frontend/page_bridge.js)."""
    kernel.client.shell_channel.send(kernel.client.session.msg("comm_msg", {
        "comm_id": bridge, "data": {"method": "custom", "content": {"type": "alive"}}}))


def test_run_every_stops_when_the_page_showing_the_app_is_gone_and_resumes_when_shown(kernel):
    kernel.execute("import nbapp.jupyter.session as s; s.PAGE_GONE_AFTER = 1.0")
    kernel.execute("""%%app pager
import nbapp as st
st.session_state.setdefault("ticks", 0)
@st.fragment(run_every=0.1)
def clock():
    st.session_state.ticks += 1
    st.write(f"tick {st.session_state.ticks}")
clock()
""")
    bridge = _page_bridge(kernel)
    _alive(kernel, bridge)  # a page shows it: from now on it ticks only while pages say so
    kernel.wait_for(lambda texts: _ticks(texts) >= 3, "tick 3", timeout=20)
    ticks = "__import__('nbapp.jupyter.magic').jupyter.magic._APPS['name:pager'].app.session_state['ticks']"
    time.sleep(1.5)  # the page said nothing for longer than PAGE_GONE_AFTER: it closed
    stopped = int(kernel.eval(ticks))
    time.sleep(1.0)
    # No tick without a page: 10 would come in a second (one already asked for may still land).
    assert int(kernel.eval(ticks)) <= stopped + 1
    _alive(kernel, bridge)  # shown again (the notebook reopened)
    kernel.wait_for(lambda texts: _ticks(texts) >= stopped + 3, "ticking again", timeout=20)


def _ticks(texts: list[str]) -> int:
    found = [int(m.group(1)) for t in texts for m in [re.search(r"tick (\d+)", t)] if m]
    return max(found, default=0)
