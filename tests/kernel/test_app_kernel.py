"""%%app in a real ipykernel, driven by the comm messages a browser's widget manager sends."""
from __future__ import annotations

import time

SLIDER_APP = """%%app
import nbapp as st
x = st.slider('x', 0, 100, 25)
st.write(x, 'squared is', x * x)
"""


def test_slider_app_renders_and_reruns_on_widget_change(kernel):
    reply = kernel.execute(SLIDER_APP)
    assert reply["status"] == "ok"
    kernel.wait_for_text("<code>25</code> squared is <code>625</code>")
    slider = kernel.find("IntSliderModel", value=25)
    kernel.send_update(slider, value=30)
    kernel.wait_for_text("<code>30</code> squared is <code>900</code>")
    # the same slider widget is still there (identity kept, no new widget drawn)
    assert kernel.find("IntSliderModel", value=30) == slider


def _runs(kernel) -> int:
    return int(kernel.eval("sum(a.app.runs for a in __import__('nbapp.jupyter.magic').jupyter.magic._APPS.values())"))


def test_burst_of_changes_coalesces_and_latest_value_wins(kernel):
    kernel.execute("""%%app
import time
import nbapp as st
x = st.slider('x', 0, 100, 25)
time.sleep(0.3)
st.write(x, 'squared is', x * x)
""")
    kernel.wait_for_text("<code>25</code> squared is <code>625</code>")
    slider = kernel.find("IntSliderModel", value=25)
    for value in range(31, 51):
        kernel.send_update(slider, value=value)
    kernel.wait_for_text("<code>50</code> squared is <code>2500</code>")
    # first run + the run interrupted by the burst + one rerun with the final value
    assert _runs(kernel) <= 3


def test_exception_shows_and_next_interaction_recovers(kernel):
    kernel.execute("""%%app
import nbapp as st
x = st.slider('x', 0, 10, 0)
st.write(f'inverse is {1 / x}')
""")
    kernel.wait_for_text("ZeroDivisionError")
    assert any("1 / x" in t for t in kernel.texts()), "traceback shows the user's line"
    slider = kernel.find("IntSliderModel", value=0)
    kernel.send_update(slider, value=4)
    kernel.wait_for_text("inverse is 0.25")
    assert not any("ZeroDivisionError" in t for t in kernel.texts())


def test_button_click_is_true_for_one_run(kernel):
    kernel.execute("""%%app
import nbapp as st
if 'n' not in st.session_state:
    st.session_state.n = 0
if st.button('add'):
    st.session_state.n += 1
st.write(f'clicks: {st.session_state.n}')
""")
    kernel.wait_for_text("clicks: 0")
    button = kernel.find("ButtonModel", description="add")
    kernel.click(button)
    kernel.wait_for_text("clicks: 1")
    kernel.click(button)
    kernel.wait_for_text("clicks: 2")


def test_editing_a_cell_keeps_widget_values_and_session_state(kernel):
    cell = "cell-edit-1"
    kernel.execute("""%%app
import nbapp as st
st.session_state.setdefault('visits', 0)
st.session_state.visits += 1
x = st.slider('x', 0, 100, 25)
st.write(f'x is {x}')
""", cell_id=cell)
    kernel.wait_for_text("x is 25")
    kernel.send_update(kernel.find("IntSliderModel", value=25), value=70)
    kernel.wait_for_text("x is 70")
    kernel.execute("""%%app
import nbapp as st
st.session_state.visits += 1
x = st.slider('x', 0, 100, 25)
st.write(f'edited: x is {x} visits {st.session_state.visits}')
""", cell_id=cell)
    kernel.wait_for_text("edited: x is 70 visits 3")


def test_each_cell_is_its_own_app_and_reads_notebook_globals(kernel):
    kernel.execute("factor = 3")
    kernel.execute("%%app\nimport streamlit as st\nx = st.slider('x', 0, 10, 2)\nst.write(f'A {x * factor}')\n", cell_id="a")
    kernel.execute("%%app\nimport streamlit as st\nx = st.slider('x', 0, 10, 2)\nst.write(f'B {x}')\nleak = 1\n", cell_id="b")
    kernel.wait_for_text("A 6")
    kernel.wait_for_text("B 2")
    sliders = [cid for cid, s in kernel.models.items() if s.get("_model_name") == "IntSliderModel"]
    assert len(sliders) == 2
    kernel.send_update(sliders[0], value=5)
    kernel.wait_for_text("A 15")
    assert any("B 2" in t for t in kernel.texts())
    assert kernel.eval("'leak' in globals()") == "False"


def test_progress_updates_live_during_a_rerun(kernel):
    kernel.execute("""%%app
import time
import nbapp as st
n = st.slider('n', 0, 10, 0)
bar = st.progress(0, text='working')
for i in range(1, 5):
    time.sleep(0.15)
    bar.progress(i * 25, text='working')
st.write(f'done with {n}')
""")
    kernel.wait_for_text("done with 0")
    kernel.send_update(kernel.find("IntSliderModel", value=0), value=1)
    seen = set()
    for _ in range(40):
        kernel.drain(timeout=0.1)
        for text in kernel.texts():
            if 'role="progressbar"' in text:
                seen.add(text.split('aria-valuenow="')[1].split('"')[0])
        if any("done with 1" in t for t in kernel.texts()):
            break
    # the browser saw intermediate values while the rerun was still running
    assert {"25", "50", "75"} & seen, seen


def test_out_of_range_browser_value_is_clamped_and_the_app_keeps_working(kernel):
    kernel.execute(SLIDER_APP)
    kernel.wait_for_text("<code>25</code> squared is <code>625</code>")
    slider = kernel.find("IntSliderModel", value=25)
    kernel.send_update(slider, value=500)
    kernel.wait_for_text("<code>100</code> squared is <code>10000</code>")
    kernel.send_update(slider, value=3)
    kernel.wait_for_text("<code>3</code> squared is <code>9</code>")


def test_syntax_error_in_cell_shows_as_error_element(kernel):
    reply = kernel.execute("%%app\nimport nbapp as st\nst.write('ok'\n")
    assert reply["status"] == "ok"  # the cell itself does not fail: the app shows the error
    kernel.wait_for_text("SyntaxError")


def test_running_an_app_cell_again_stops_the_old_apps_run_and_its_worker(kernel):
    cell = "cell-loop"
    kernel.execute("""%%app
import time
import nbapp as st
if st.button('start'):
    st.write('loop started')
    ticker = st.empty()
    for i in range(10 ** 6):
        ticker.text(f'tick {i}')
        time.sleep(0.01)
""", cell_id=cell)
    kernel.click(kernel.find("ButtonModel", description="start"))
    kernel.wait_for_text("loop started")  # the old app is inside its endless run
    kernel.execute("%%app\nimport nbapp as st\nst.write('replaced')\n", cell_id=cell)
    kernel.wait_for_text("replaced")
    workers = "[t.name for t in __import__('threading').enumerate() if t.name.startswith('nbapp-app')]"
    assert kernel.eval(f"len({workers})") == "1"


def test_a_traceback_shows_its_own_apps_lines_when_app_names_share_a_prefix(kernel):
    kernel.execute("%%app training_dashboard_a\nimport nbapp as st\nx = st.slider('x', 0, 10, 0)\n"
                   "if x: raise ValueError('from app a')\n")
    kernel.execute("%%app training_dashboard_b\nimport nbapp as st\nst.write('b2')\nst.write('b3')\n"
                   "st.write('line four of app b')\n")
    kernel.wait_for_text("line four of app b")
    kernel.send_update(kernel.find("IntSliderModel", value=0), value=1)
    kernel.wait_for_text("from app a")
    assert any("raise ValueError" in t for t in kernel.texts()), "the traceback shows app a's line 4"


def test_a_callback_that_empties_a_text_box_empties_it_in_the_browser(kernel):
    kernel.execute("""%%app
import nbapp as st
def send():
    st.session_state.log = st.session_state.get('log', []) + [st.session_state.msg]
    st.session_state.msg = ''
st.text_input('Message', key='msg', on_change=send)
st.write('log:', ', '.join(st.session_state.get('log', [])))
""")
    kernel.wait_for_text("log:")
    box = kernel.find("AnyModel", value="")  # text_input.js, through anywidget
    kernel.send_update(box, value="hello")
    kernel.wait_for_text("log: hello")
    assert kernel.models[box]["value"] == ""


def test_a_live_dashboard_loop_frees_the_cell_and_widget_changes_still_rerun_it(kernel):
    started = time.monotonic()
    reply = kernel.execute("""%%app
import time
import nbapp as st
x = st.slider('x', 0, 10, 0)
ph = st.empty()
i = 0
while True:
    i += 1
    ph.write(f'x={x} tick {i}')
    time.sleep(0.1)
""", timeout=30)
    assert reply["status"] == "ok"
    assert time.monotonic() - started < 15  # the cell returned although the loop never ends
    kernel.wait_for(lambda texts: _ticks(texts, "x=0") >= 40, what="x=0 tick 40+")  # drawing in the background
    kernel.send_update(kernel.find("IntSliderModel", value=0), value=5)
    kernel.wait_for_text("x=5 tick")  # the change interrupted the loop and reran the app


def _ticks(texts, prefix: str) -> int:
    counts = [int(t.split(" tick ")[1].split("<")[0]) for t in texts if f"{prefix} tick " in t]
    return max(counts, default=0)
