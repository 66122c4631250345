"""App structure in a real served page: pages with one URL each, run_every fragments, dialogs, query params."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

APP = '''\
import streamlit as st

st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1


def home():
    st.title("Home")
    # A widget's own key is dropped on a page that does not draw it (as in Streamlit): keep a copy.
    st.text_input("Your name", key="name", on_change=lambda: st.session_state.update(saved=st.session_state.name))
    st.write(f"hello {st.session_state.get('saved') or 'nobody'}")


def ticking():
    st.title("Ticking")
    st.session_state.setdefault("ticks", 0)

    @st.fragment(run_every=0.5)
    def clock():
        st.session_state.ticks += 1
        st.write(f"tick {st.session_state.ticks}")

    clock()
    st.write(f"app runs {st.session_state.app_runs}")


def dialogs():
    st.title("Dialogs")

    @st.dialog("Confirm delete")
    def confirm():
        st.write("Really delete?")
        if st.button("Delete"):
            st.session_state.deleted = True
            st.rerun()

    if st.button("Open dialog"):
        confirm()
    st.write(f"deleted={st.session_state.get('deleted', False)}")


def params():
    st.title("Params")
    x = st.number_input("x", value=int(st.query_params.get("x", 1)))
    st.write(f"x is {x}")
    if st.button("Share"):
        st.query_params["x"] = x
        st.query_params["shared"] = "yes"


st.navigation([st.Page(home, icon="🏠", default=True), st.Page(ticking), st.Page(dialogs), st.Page(params)]).run()
'''
WAIT = 20_000  # ms: a page with a kernel to start, on a loaded 2-core machine


@pytest.fixture(scope="module")
def server(serve):
    return serve(APP)


@pytest.fixture
def open_page(open_app, server):
    """``open_page(path="")``: the page at the app's URL + ``path``, once its live widgets drew."""

    def go(path: str = "", title: str = "Home"):
        page = open_app(server.url.rstrip("/") + "/" + path)
        expect(page.locator(".lm-Widget.nbapp-app h1")).to_have_text(title, timeout=WAIT)
        return page

    return go


def main_text(page) -> str:
    return page.locator(".lm-Widget.nbapp-app .nbapp-main").inner_text()


def test_pages_have_their_own_urls_back_works_and_state_is_kept(open_page, server):
    page = open_page()
    page.evaluate("window.sameDocument = true")  # gone if anything reloads the page
    name = page.locator(".lm-Widget.nbapp-app .nbapp-main input[type=text]")
    name.fill("Ada")
    name.press("Enter")
    expect(page.get_by_text("hello Ada")).to_be_visible(timeout=WAIT)
    page.locator(".nbapp-nav-link", has_text="dialogs").click()
    expect(page.locator(".lm-Widget.nbapp-app h1")).to_have_text("Dialogs", timeout=WAIT)
    expect(page).to_have_url(re.compile(r"/dialogs$"))
    expect(page.locator(".nbapp-nav-link.nbapp-nav-active")).to_have_text("dialogs")
    page.go_back()
    expect(page.locator(".lm-Widget.nbapp-app h1")).to_have_text("Home", timeout=WAIT)
    expect(page.get_by_text("hello Ada")).to_be_visible(timeout=WAIT)  # session state shared by pages
    page.go_forward()
    expect(page.locator(".lm-Widget.nbapp-app h1")).to_have_text("Dialogs", timeout=WAIT)
    assert page.evaluate("window.sameDocument") is True


def test_a_page_url_opens_that_page(open_page):
    page = open_page("ticking", title="Ticking")
    expect(page).to_have_url(re.compile(r"/ticking$"))


def test_run_every_fragment_ticks_while_the_rest_stays(open_page):
    page = open_page("ticking", title="Ticking")
    expect(page.get_by_text(re.compile(r"^tick \d+$"))).to_be_visible(timeout=WAIT)
    runs = page.get_by_text(re.compile(r"^app runs \d+$")).inner_text()
    first = int(page.get_by_text(re.compile(r"^tick \d+$")).inner_text().split()[1])
    # Three more ticks (a later one may replace a tick before it is seen: wait for "at least").
    page.wait_for_function("""first => [...document.querySelectorAll('.lm-Widget.nbapp-app .nbapp-fragment')]
        .some(e => { const m = e.innerText.match(/tick (\\d+)/); return m && Number(m[1]) >= first + 3; })""",
                           arg=first, timeout=WAIT)
    assert page.get_by_text(re.compile(r"^app runs \d+$")).inner_text() == runs


def test_a_dialog_opens_over_the_app_and_closes(open_page):
    page = open_page("dialogs", title="Dialogs")
    dialog = page.locator(".lm-Widget.nbapp-app .nbapp-dialog")
    page.get_by_role("button", name="Open dialog").click()
    expect(dialog).to_be_visible(timeout=WAIT)
    expect(dialog).to_contain_text("Confirm delete")
    expect(dialog).to_contain_text("Really delete?")
    page.screenshot(path=str(_artifact("dialog_open.png")))
    dialog.locator(".nbapp-dialog-close").click()  # the X: closes it, nothing else happens
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Open dialog").click()
    expect(dialog).to_be_visible(timeout=WAIT)
    page.keyboard.press("Escape")  # as does Escape
    expect(dialog).to_be_hidden(timeout=WAIT)
    page.get_by_role("button", name="Open dialog").click()
    expect(dialog).to_be_visible(timeout=WAIT)
    page.mouse.click(20, 700)  # and a click on the backdrop
    expect(dialog).to_be_hidden(timeout=WAIT)
    page.get_by_role("button", name="Open dialog").click()
    expect(dialog).to_be_visible(timeout=WAIT)
    dialog.get_by_role("button", name="Delete").click()  # st.rerun() closes it
    expect(page.get_by_text("deleted=True")).to_be_visible(timeout=WAIT)
    expect(page.locator(".lm-Widget.nbapp-app .nbapp-dialog")).to_have_count(0)


def test_query_params_in_the_url_set_a_widget_and_the_app_sets_the_url(open_page):
    page = open_page("params?x=5", title="Params")
    expect(page.get_by_text("x is 5")).to_be_visible(timeout=WAIT)
    expect(page.locator(".lm-Widget.nbapp-app .nbapp-main input").first).to_have_value("5")
    page.evaluate("window.sameDocument = true")
    page.get_by_role("button", name="Share").click()
    expect(page).to_have_url(re.compile(r"/params\?x=5&shared=yes$"), timeout=WAIT)
    assert page.evaluate("window.sameDocument") is True  # no reload


def _artifact(name: str):
    ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"  # as tests/browser/conftest.py's
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def test_a_notebooks_named_app_cells_are_pages_of_one_app(page, serve):
    import nbformat

    cells = [nbformat.v4.new_code_cell("rows = 42"),
             nbformat.v4.new_code_cell("%%app Overview\nimport streamlit as st\nst.title('Overview')\n"
                                       "st.write(f'rows={rows}')"),
             nbformat.v4.new_code_cell("%%app Details\nimport streamlit as st\nst.title('Details')")]
    server = serve(nbformat.writes(nbformat.v4.new_notebook(cells=cells)), name="report.ipynb")
    page.goto(server.url)
    expect(page.locator(".lm-Widget.nbapp-app h1")).to_have_text("Overview", timeout=WAIT)
    expect(page.get_by_text("rows=42")).to_be_visible()
    page.locator(".nbapp-nav-link", has_text="Details").click()
    expect(page.locator(".lm-Widget.nbapp-app h1")).to_have_text("Details", timeout=WAIT)
    expect(page).to_have_url(re.compile(r"/Details$"))
