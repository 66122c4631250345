"""`nbapp run app.py` in a real browser: the slider app, its sidebar, errors, sessions, live reload."""
from __future__ import annotations

import re
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

APP = '''\
import streamlit as st

st.set_page_config(page_title="Squares", page_icon="🔢")
st.title("Squares")
x = st.slider("x", 0, 100, 25)
st.write(x, "squared is", x * x)
st.sidebar.write("Settings live here")
if st.button("Fail"):
    raise ValueError("boom from the app")
'''
WAIT = 20_000  # ms: page open with a kernel to start, on a loaded 2-core machine


@pytest.fixture(scope="module")
def server(serve):
    return serve(APP)


def open_slider(page, url: str):
    """Open the app and wait until its live widgets have replaced the first paint's snapshot."""
    page.goto(url)
    expect(page.locator(".nbapp-snapshot")).to_have_count(0, timeout=WAIT)
    expect(page.get_by_text("25 squared is 625")).to_be_visible(timeout=WAIT)
    return page


def press_right(page) -> None:
    page.locator(".nbapp-slider .noUi-handle").focus()
    page.keyboard.press("ArrowRight")


def test_the_slider_app_shows_its_value_and_follows_the_keyboard(page, server):
    open_slider(page, server.url)
    press_right(page)
    expect(page.get_by_text("26 squared is 676")).to_be_visible(timeout=WAIT)


def test_the_page_takes_title_and_icon_from_set_page_config(page, server):
    open_slider(page, server.url)
    expect(page).to_have_title("Squares")
    assert "svg" in page.locator("link[rel=icon]").get_attribute("href")


def test_the_sidebar_renders_as_a_left_panel_beside_a_centered_column(page, server):
    open_slider(page, server.url)
    sidebar = page.locator(".nbapp-sidebar")
    expect(sidebar).to_contain_text("Settings live here")
    side, main = sidebar.bounding_box(), page.locator(".nbapp-main").bounding_box()
    assert side["x"] == 0 and side["height"] >= 700  # a full-height panel at the left edge
    assert main["width"] <= 49 * 16  # layout="centered"
    left_gap, right_gap = main["x"] - side["width"], page.viewport_size["width"] - main["x"] - main["width"]
    assert abs(left_gap - right_gap) <= 2


def test_the_sidebar_collapses_on_a_narrow_screen(browser, server):
    page = browser.new_context(viewport={"width": 420, "height": 720}).new_page()
    try:
        open_slider(page, server.url)
        expect(page.get_by_text("Settings live here")).to_be_hidden()
        page.get_by_role("button", name="☰").click()
        expect(page.get_by_text("Settings live here")).to_be_visible()
    finally:
        page.context.close()


def test_an_exception_shows_and_the_next_interaction_recovers(page, server):
    open_slider(page, server.url)
    page.get_by_role("button", name="Fail").click()
    expect(page.locator(".nbapp-exception")).to_contain_text("ValueError: boom from the app", timeout=WAIT)
    press_right(page)
    expect(page.get_by_text("26 squared is 676")).to_be_visible(timeout=WAIT)
    expect(page.locator(".nbapp-exception")).to_have_count(0)


def test_two_pages_keep_independent_state(browser, page, server):
    open_slider(page, server.url)
    press_right(page)
    expect(page.get_by_text("26 squared is 676")).to_be_visible(timeout=WAIT)
    other = browser.new_context().new_page()
    try:
        open_slider(other, server.url)  # 25: the first page's change is not the second page's state
        expect(page.get_by_text("26 squared is 676")).to_be_visible()
    finally:
        other.context.close()


def test_the_page_contains_no_source_code(page, server):
    open_slider(page, server.url)
    html = page.content()
    for line in ("st.slider(", "x * x", "raise ValueError", "import streamlit", str(server.path)):
        assert line not in html
    with pytest.raises(urllib.error.HTTPError, match="403"):  # nor does the server hand the file out
        urllib.request.urlopen(f"{server.url}voila/files/{server.path.name}")


def test_dark_theme(page, server):
    open_slider(page, server.url + "?theme=dark")
    expect(page.locator("body")).to_have_class(re.compile("theme-dark"))
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert sum(map(int, re.findall(r"\d+", background)[:3])) < 3 * 80, background


def test_saving_the_script_updates_an_open_page(page, serve):
    server = serve(APP)
    open_slider(page, server.url)
    press_right(page)
    expect(page.get_by_text("26 squared is 676")).to_be_visible(timeout=WAIT)
    server.path.write_text(APP.replace('"squared is"', '"squared makes"'), encoding="utf-8")
    # Rerun in place, the slider's value kept: no reload, the same widget state.
    expect(page.get_by_text("26 squared makes 676")).to_be_visible(timeout=WAIT)
    server.path.write_text(APP.replace("x * x", "x * x +"), encoding="utf-8")
    expect(page.locator(".nbapp-exception")).to_contain_text("SyntaxError", timeout=WAIT)
    server.path.write_text(APP, encoding="utf-8")
    expect(page.get_by_text("26 squared is 676")).to_be_visible(timeout=WAIT)


def test_closing_a_page_ends_its_session(browser, server):
    page = open_slider(browser.new_context().new_page(), server.url)
    kernel = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    kernel_url = f"{server.url}api/kernels/{kernel}"
    assert urllib.request.urlopen(kernel_url).status == 200
    page.close(run_before_unload=True)  # as closing the tab does
    page.context.close()
    with pytest.raises(urllib.error.HTTPError, match="404"):
        for _ in range(50):  # the shutdown takes a moment; 404 ends the loop
            urllib.request.urlopen(kernel_url)
            time.sleep(0.1)


def test_the_first_paint_arrives_with_the_page(server):
    # The app's first run, as static HTML in the page's own bytes: on screen before any script runs.
    html = urllib.request.urlopen(server.url).read().decode()
    assert "nbapp-snapshot" in html and "<code>25</code> squared is <code>625</code>" in html
    assert "st.slider(" not in html
