"""bind="query-params" in a served page: ?x=5 sets the slider, moving it rewrites the address bar, back/forward follow."""
from __future__ import annotations

import re
import pytest
from playwright.sync_api import expect

APP = '''\
import streamlit as st

x = st.slider("x", 0, 10, 3, key="x", bind="query-params")
st.write(f"x is {x}")
tags = st.multiselect("tags", ["a", "b", "c"], key="tags", bind="query-params")
st.write(f"tags are {'+'.join(tags) or 'none'}")
st.session_state.runs = st.session_state.get("runs", 0) + 1
quiet = st.slider("quiet", 0, 10, 4, key="quiet", bind="query-params", on_change="ignore")
st.write(f"quiet is {quiet} after run {st.session_state.runs}")
'''
WAIT = 20_000  # ms: a page with a kernel to start, on a loaded 2-core machine


@pytest.fixture
def app(open_app, server):
    """``app(query)``: the served page opened at ``?query`` (no request leaves 127.0.0.1)."""
    return lambda query: open_app(server.url.rstrip("/") + "/?" + query)


def test_the_url_sets_the_slider_and_moving_it_rewrites_the_address_bar(app):
    page = app("x=5&tags=a&tags=c")
    expect(page.get_by_text("x is 5")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("tags are a+c")).to_be_visible(timeout=WAIT)
    expect(page.locator(".nbapp-slider .noUi-handle").first).to_have_attribute("aria-valuenow", re.compile(r"^5(\.0+)?$"))
    page.evaluate("window.sameDocument = true")  # gone if anything reloads the page
    page.locator(".nbapp-slider .noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("x is 6")).to_be_visible(timeout=WAIT)
    expect(page).to_have_url(re.compile(r"/\?x=6&tags=a&tags=c$"), timeout=WAIT)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # back at the default, 3: the parameter leaves the URL
    expect(page.get_by_text("x is 3")).to_be_visible(timeout=WAIT)
    expect(page).to_have_url(re.compile(r"/\?tags=a&tags=c$"), timeout=WAIT)
    assert page.evaluate("window.sameDocument") is True


def test_back_and_forward_set_the_widgets_from_the_url(app):
    page = app("x=5")
    expect(page.get_by_text("x is 5")).to_be_visible(timeout=WAIT)
    page.evaluate("history.pushState({}, '', '?x=9&tags=b'); history.pushState({}, '', '?x=2')")
    page.go_back()  # to ?x=9&tags=b
    expect(page.get_by_text("x is 9")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("tags are b")).to_be_visible(timeout=WAIT)
    expect(page.locator(".nbapp-slider .noUi-handle").first).to_have_attribute("aria-valuenow", re.compile(r"^9(\.0+)?$"))
    page.go_forward()  # to ?x=2: no tags there, so the multiselect's default
    expect(page.get_by_text("x is 2")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("tags are none")).to_be_visible(timeout=WAIT)
    page.go_back()
    page.go_back()  # to ?x=5 where the page opened
    expect(page.get_by_text("x is 5")).to_be_visible(timeout=WAIT)


def test_an_on_change_ignore_widget_writes_the_url_without_a_rerun(app):
    page = app("x=5")
    expect(page.get_by_text("quiet is 4 after run")).to_be_visible(timeout=WAIT)
    before = page.get_by_text("quiet is 4 after run").inner_text()
    page.locator(".nbapp-slider .noUi-handle").nth(1).focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"/\?x=5&quiet=5$"), timeout=WAIT)
    assert page.get_by_text("quiet is").inner_text() == before  # no rerun: the app's output is as it was
    page.locator(".nbapp-slider .noUi-handle").nth(0).focus()
    page.keyboard.press("ArrowRight")  # the next run (another widget) reads the stored value
    expect(page.get_by_text("x is 6")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text(re.compile(r"quiet is 5 after run"))).to_be_visible(timeout=WAIT)


def test_an_invalid_value_in_the_url_is_ignored_and_removed(app):
    page = app("x=eleven&keep=1")
    expect(page.get_by_text("x is 3")).to_be_visible(timeout=WAIT)
    expect(page).to_have_url(re.compile(r"/\?keep=1$"), timeout=WAIT)
