"""Layout and pages in a real served page: st.grid as a CSS grid, a popover that stays open, tab titles, ip_address."""
from __future__ import annotations

import json
import re
import urllib.request

import pytest
from playwright.sync_api import expect

APP = '''\
import streamlit as st

st.session_state.setdefault("runs", 0)
st.session_state.runs += 1


def cards():
    st.title("Cards")
    grid = st.grid(3, border=True, gap="medium", key="cards")
    with grid.cell(column_span="all"):
        st.markdown("**Featured**")
    for n in range(5):
        grid.metric(f"card {n}", n * 10)
    spans = st.grid(3, key="spans")
    spans.cell(column_span=2).write("two wide")
    spans.write("single")
    with st.popover("Filters"):
        st.number_input("Minimum", key="minimum")
    st.write(f"runs {st.session_state.runs} minimum {st.session_state.get('minimum', 0)}")
    st.write(f"ip {st.context.ip_address}")


def settings():
    st.title("Settings")
    st.set_page_config(page_title="Configured")


st.navigation([st.Page(cards, title="Card wall", icon="🃏"), st.Page(settings)]).run()
'''
WAIT = 20_000  # ms: a page with a kernel to start, on a loaded 2-core machine


@pytest.fixture
def app(open_app, server):
    page = open_app(server.url)
    expect(page.locator(".lm-Widget.nbapp-app h1")).to_have_text("Cards", timeout=WAIT)
    return page


def test_grid_lays_cells_out_in_columns_that_wrap(app):
    page = app
    cells = page.locator(".lm-Widget.nbapp-app .nbapp-key-cards > .nbapp-grid-cell")
    expect(cells).to_have_count(6)
    boxes = [cells.nth(i).bounding_box() for i in range(6)]
    featured, first, second, third, fourth = boxes[:5]
    # The featured cell spans the row; then three cards side by side, the fourth on the next row.
    assert abs(featured["width"] - (third["x"] + third["width"] - first["x"])) < 2
    assert first["y"] > featured["y"] + featured["height"] - 1
    assert first["y"] == second["y"] == third["y"] and first["x"] < second["x"] < third["x"]
    assert fourth["y"] > first["y"] and abs(fourth["x"] - first["x"]) < 1
    assert abs(first["width"] - second["width"]) < 1 and second["x"] - (first["x"] + first["width"]) > 20  # medium gap
    border = cells.nth(1).evaluate("e => getComputedStyle(e).borderTopWidth")
    assert border == "1px"
    page.set_viewport_size({"width": 480, "height": 720})  # narrow: the grid wraps to one column
    page.wait_for_function("""() => { const c = document.querySelectorAll('.lm-Widget.nbapp-app .nbapp-key-cards > .nbapp-grid-cell');
        return c[1].getBoundingClientRect().x === c[2].getBoundingClientRect().x; }""", timeout=WAIT)
    page.set_viewport_size({"width": 1100, "height": 720})
    page.locator(".lm-Widget.nbapp-app .nbapp-key-cards").screenshot(path=_artifact("grid_cards.png"))


def test_a_cell_span_shrinks_to_the_columns_a_narrow_grid_has_left(app):
    page = app
    grid = page.locator(".lm-Widget.nbapp-app .nbapp-key-spans")
    wide, single = grid.locator("> .nbapp-grid-cell").nth(0), grid.locator("> .nbapp-grid-cell").nth(1)
    box, one = wide.bounding_box(), single.bounding_box()
    assert one["y"] == box["y"] and abs(box["width"] - (2 * one["width"] + 16)) < 2  # two of three columns
    page.set_viewport_size({"width": 320, "height": 720})  # one column left: the span shrinks to it
    page.wait_for_function("""() => { const g = document.querySelector('.lm-Widget.nbapp-app .nbapp-key-spans');
        return getComputedStyle(g).gridTemplateColumns.split(' ').length === 1; }""", timeout=WAIT)
    widths = grid.evaluate("g => [g.clientWidth, g.scrollWidth, g.children[0].getBoundingClientRect().width]")
    assert widths[1] <= widths[0] and abs(widths[2] - widths[0]) < 2, widths  # no extra column, no overflow


def test_the_grid_is_in_the_first_paint_too(page, server):
    page.goto(server.url)
    snapshot = page.locator(".nbapp-snapshot .nbapp-key-cards")
    expect(snapshot).to_have_count(1, timeout=WAIT)  # the static HTML, before the live widgets
    assert snapshot.evaluate("e => getComputedStyle(e).display") == "grid"
    expect(page.locator(".nbapp-snapshot")).to_have_count(0, timeout=WAIT)


def test_a_popover_stays_open_while_its_widget_reruns_the_app(app):
    page = app
    page.get_by_role("button", name=re.compile("Filters")).click()
    panel = page.locator(".lm-Widget.nbapp-app .nbapp-popover-panel")
    expect(panel).to_be_visible()
    runs = page.get_by_text(re.compile(r"^runs \d+")).inner_text().split()[1]
    field = panel.locator("input").first
    field.fill("7")
    field.press("Enter")
    expect(page.get_by_text(re.compile(r"minimum 7"))).to_be_visible(timeout=WAIT)
    assert page.get_by_text(re.compile(r"^runs \d+")).inner_text().split()[1] != runs  # it did rerun
    expect(panel).to_be_visible()
    page.screenshot(path=_artifact("popover_open_after_rerun.png"))
    page.mouse.click(1000, 650)  # a click outside it closes it, as in Streamlit
    expect(panel).to_be_hidden(timeout=WAIT)
    page.get_by_role("button", name=re.compile("Filters")).click()
    expect(panel).to_be_visible()
    page.keyboard.press("Escape")  # and Escape
    expect(panel).to_be_hidden(timeout=WAIT)


def test_each_page_names_the_browser_tab_and_set_page_config_wins(app):
    page = app
    expect(page).to_have_title("Card wall", timeout=WAIT)
    assert "data:image/svg+xml" in page.locator("link[rel=icon]").get_attribute("href")  # the page's 🃏
    page.locator(".nbapp-nav-link", has_text="settings").click()
    expect(page.locator(".lm-Widget.nbapp-app h1")).to_have_text("Settings", timeout=WAIT)
    expect(page).to_have_title("Configured", timeout=WAIT)


def test_ip_address_is_none_on_this_machine_as_in_streamlit(app, server):
    expect(app.get_by_text("ip None")).to_be_visible()
    # The address the page reports: what the server sees its connection come from.
    with urllib.request.urlopen(server.url.rstrip("/") + "/nbapp/client", timeout=10) as response:
        assert json.load(response) == {"ip": "127.0.0.1"}


TOP_APP = '''\
import streamlit as st

def alpha():
    st.title("Alpha")

def beta():
    st.title("Beta")

st.navigation([st.Page(alpha, title="Alpha"), st.Page(beta, title="Beta")], position="top").run()
'''


def test_top_navigation_is_a_row_above_the_page_and_switches_pages(page, serve):
    server = serve(TOP_APP)
    page.goto(server.url)
    nav = page.locator(".lm-Widget.nbapp-app .nbapp-main .nbapp-nav-top")
    expect(nav).to_be_visible(timeout=WAIT)
    links = nav.locator(".nbapp-nav-link")
    alpha, beta = links.nth(0).bounding_box(), links.nth(1).bounding_box()
    assert alpha["y"] == beta["y"] and alpha["x"] < beta["x"]  # a row, not the sidebar's column
    assert nav.bounding_box()["y"] < page.locator(".lm-Widget.nbapp-app h1").bounding_box()["y"]
    expect(page.locator(".lm-Widget.nbapp-app .nbapp-sidebar")).to_be_hidden()
    expect(page).to_have_title("Alpha")
    links.nth(1).click()
    expect(page.locator(".lm-Widget.nbapp-app h1")).to_have_text("Beta", timeout=WAIT)
    expect(page).to_have_url(re.compile(r"/beta$"))
    expect(page).to_have_title("Beta", timeout=WAIT)
    page.screenshot(path=_artifact("navigation_top.png"))
    server.stop()


def _artifact(name: str) -> str:
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "artifacts"  # as tests/browser/conftest.py's
    folder.mkdir(exist_ok=True)
    return str(folder / name)
