"""App structure in real JupyterLab (%%app cells): a dialog over the cell's output, run_every fragments, st.grid, query params."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

WAIT = 30_000  # ms: JupyterLab, then a kernel, on a loaded 2-core machine
APP = '''%%app
import nbapp as st
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1
st.session_state.setdefault("ticks", 0)

@st.fragment(run_every=0.5)
def clock():
    st.session_state.ticks += 1
    st.write(f"tick {st.session_state.ticks}")

@st.dialog("Settings")
def settings():
    st.write("inside the dialog")
    if st.button("Save"):
        st.session_state.saved = True
        st.rerun()

clock()
if st.button("Open settings"):
    settings()
if st.button("Share"):
    st.query_params["x"] = "5"
grid = st.grid(3, border=True)
for n in range(4):
    grid.metric(f"card {n}", n)
st.write(f"app runs {st.session_state.app_runs} params {st.query_params.to_dict()} "
         f"saved {st.session_state.get('saved', False)}")
'''
TICK = re.compile(r"^tick \d+$")

pytestmark = pytest.mark.skipif(__import__("shutil").which("jupyter-lab") is None, reason="JupyterLab is not installed")


@pytest.fixture
def notebook(page, lab, request):
    lab.open_notebook(page, f"{request.node.name[:40]}.ipynb", APP)
    expect(live(page)).to_be_visible(timeout=WAIT)
    return page


def live(page):
    """The app's live widgets in the cell's output (not its hidden saved snapshot)."""
    return page.locator(".jp-OutputArea .lm-Widget.nbapp-app")


def ticks_at_least(page, n: int) -> None:
    page.wait_for_function("""n => [...document.querySelectorAll('.lm-Widget.nbapp-app .nbapp-fragment')]
        .some(e => { const m = e.innerText.match(/tick (\\d+)/); return m && Number(m[1]) >= n; })""",
                           arg=n, timeout=WAIT)


def test_a_run_every_fragment_ticks_while_the_rest_stays(notebook):
    app = live(notebook)
    expect(app.get_by_text(TICK)).to_be_visible(timeout=WAIT)
    runs = app.get_by_text(re.compile(r"^app runs")).inner_text()
    first = int(app.get_by_text(TICK).inner_text().split()[1])
    ticks_at_least(notebook, first + 3)  # a later tick may replace one before it is seen: "at least"
    assert app.get_by_text(re.compile(r"^app runs")).inner_text() == runs


def test_a_dialog_opens_over_the_cells_output_and_closes(notebook):
    page = notebook
    app = live(page)
    app.get_by_role("button", name="Open settings").click()
    dialog = app.locator(".nbapp-dialog")
    expect(dialog).to_be_visible(timeout=WAIT)
    expect(dialog).to_contain_text("inside the dialog")
    overlay = app.locator(".nbapp-dialog-overlay").bounding_box()
    output = page.locator(".jp-Cell").nth(1).locator(".jp-OutputArea").bounding_box()
    # Over the cell's output, not over the whole JupyterLab window.
    assert overlay["y"] >= output["y"] - 1 and overlay["x"] >= output["x"] - 1
    assert overlay["width"] <= output["width"] + 1 and overlay["height"] <= output["height"] + 1
    page.screenshot(path=_artifact("lab_dialog_open.png"))
    dialog.locator(".nbapp-dialog-close").click()  # the X
    expect(dialog).to_be_hidden()
    app.get_by_role("button", name="Open settings").click()
    expect(dialog).to_be_visible(timeout=WAIT)
    page.keyboard.press("Escape")  # Escape closes it too
    expect(dialog).to_be_hidden(timeout=WAIT)
    app.get_by_role("button", name="Open settings").click()
    expect(dialog).to_be_visible(timeout=WAIT)
    dialog.get_by_role("button", name="Save").click()  # st.rerun() in the dialog: the app reruns, it closes
    expect(app.get_by_text(re.compile(r"saved True"))).to_be_visible(timeout=WAIT)
    expect(app.locator(".nbapp-dialog")).to_have_count(0)


def test_run_every_stops_when_the_apps_output_is_gone(notebook, lab):
    page = notebook
    lab.kernel_print(page, "import nbapp.jupyter.session as s; s.PAGE_GONE_AFTER = 2.0")
    ticks_at_least(page, 2)
    page.evaluate("""() => {  // what "Clear Cell Output" does to the app cell
        const notebook = window.jupyterapp.shell.widgets('main').find(w => w.hasClass('jp-NotebookPanel'));
        notebook.content.widgets[1].model.outputs.clear();
    }""")
    expect(live(page)).to_have_count(0)
    page.wait_for_timeout(3_000)  # longer than PAGE_GONE_AFTER: the kernel no longer hears the page
    before = int(lab.kernel_print(page, _TICKS))
    page.wait_for_timeout(2_000)  # four ticks' time
    after = int(lab.kernel_print(page, _TICKS))
    assert after <= before + 1, (before, after)  # one asked for just before may still land


_TICKS = "import nbapp.jupyter.magic as m; print(next(iter(m._APPS.values())).app.session_state['ticks'])"


def test_a_grid_draws_its_cells_in_columns(notebook):
    cells = live(notebook).locator(".nbapp-grid > .nbapp-grid-cell")
    expect(cells).to_have_count(4, timeout=WAIT)
    cells.nth(3).scroll_into_view_if_needed()
    # As many columns as the cell's output has room for (at most 3, each at least 200 pixels wide).
    tracks = live(notebook).locator(".nbapp-grid").evaluate("e => getComputedStyle(e).gridTemplateColumns.split(' ').length")
    width = live(notebook).locator(".nbapp-grid").bounding_box()["width"]
    assert tracks == min(3, int((width + 16) // (200 + 16))) and tracks >= 2, (tracks, width)
    boxes = [cells.nth(i).bounding_box() for i in range(4)]
    assert len({b["y"] for b in boxes[:tracks]}) == 1 and boxes[0]["x"] < boxes[1]["x"]
    assert boxes[tracks]["y"] > boxes[0]["y"] and abs(boxes[tracks]["x"] - boxes[0]["x"]) < 1  # wrapped
    assert abs(boxes[0]["width"] - (width - (tracks - 1) * 16) / tracks) < 2


def test_query_params_are_the_apps_own_dict_in_jupyterlab(notebook):
    page = notebook
    app = live(page)
    url = page.url
    app.get_by_role("button", name="Share").click()
    expect(app.get_by_text(re.compile(r"params \{'x': '5'\}"))).to_be_visible(timeout=WAIT)
    assert page.url == url  # JupyterLab's address bar is not the app's


def _artifact(name: str) -> str:
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "artifacts"  # as tests/browser/conftest.py's
    folder.mkdir(exist_ok=True)
    return str(folder / name)

