"""Fragments in a real ipykernel: a fragment's widget reruns it alone; run_every ticks until the app closes."""
from __future__ import annotations

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
