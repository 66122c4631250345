"""nbapp's ES modules (nbapp/frontend, through anywidget) in a served page: sort, copy, sidebar, dismiss, download."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

APP = '''\
import streamlit as st

st.sidebar.write("Filters live here")
st.code("print('copied')")
st.dataframe({"name": ["b", "c", "a"], "score": [2.0, 10.0, 1.0]})
st.toast("Saved!")
if st.download_button("Get CSV", "a,b\\n1,2\\n", "table.csv", "text/csv"):
    st.write("downloaded once")
'''
WAIT = 20_000  # ms: a page with a kernel to start, on a loaded 2-core machine


@pytest.fixture(scope="module")
def server(serve):
    return serve(APP)


@pytest.fixture
def app(page, open_app, server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_app(server.url)
    expect(page.locator(".nbapp-dataframe .nbapp-grid-window .nbapp-grid-row")).to_have_count(3, timeout=WAIT)
    return page


def test_no_element_in_the_page_has_an_inline_handler(app):
    handlers = app.evaluate("""() => [...document.querySelectorAll('.nbapp-app *')]
        .flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
    assert handlers == []


def test_clicking_a_header_sorts_the_table_and_again_reverses_it(app):
    names = app.locator('.nbapp-dataframe .nbapp-grid-window .nbapp-grid-cell[data-col="0"]')
    expect(names).to_have_text(["b", "c", "a"])
    app.locator(".nbapp-dataframe .nbapp-grid-head", has_text="score").click()
    expect(names).to_have_text(["a", "b", "c"])  # sorted by the kernel, which holds the whole frame
    app.locator(".nbapp-dataframe .nbapp-grid-head", has_text="score").click()
    expect(names).to_have_text(["c", "b", "a"])


def test_the_copy_button_puts_the_code_on_the_clipboard(app):
    app.locator(".nbapp-codeblock").hover()
    app.locator(".nbapp-copy").click()
    expect(app.locator(".nbapp-copy")).to_have_class("nbapp-copy nbapp-copied")
    assert app.evaluate("navigator.clipboard.readText()").strip() == "print('copied')"


def test_the_sidebar_button_hides_and_shows_the_sidebar(app):
    sidebar = app.get_by_text("Filters live here")
    expect(sidebar).to_be_visible()
    app.locator(".nbapp-sb-button").click()
    expect(sidebar).to_be_hidden()
    app.locator(".nbapp-sb-button").click()
    expect(sidebar).to_be_visible()


def test_a_toast_closes_with_its_button(app):
    toast = app.locator(".nbapp-toast-box")
    expect(toast).to_be_visible()
    toast.locator(".nbapp-toast-close").click()
    expect(toast).to_be_hidden()


def test_the_download_button_saves_the_file_and_reruns_the_app(app):
    with app.expect_download() as info:
        app.get_by_text("Get CSV").click()
    download = info.value
    assert download.suggested_filename == "table.csv"
    with open(download.path(), "rb") as f:
        assert f.read() == b"a,b\n1,2\n"
    expect(app.get_by_text("downloaded once")).to_be_visible(timeout=WAIT)
