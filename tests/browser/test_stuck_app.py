"""A dead or stuck app says so: the page shows what happened and what to do, never an endless spinner."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

# The query string reaches a page's kernel as QUERY_STRING (Voilà sets it when it starts the kernel).
APP = '''\
import os
import time
import streamlit as st

query = os.environ.get("QUERY_STRING", "")
if "die" in query:
    os._exit(1)
if "sleep" in query:
    time.sleep(60)
st.write("The app is alive")
if st.button("Crash"):
    os._exit(1)
'''
# --timeout for the one test about it: an app sleeping 60 s exceeds it however slow the machine is.
# The other tests keep the default (60 s): an app that dies, or draws at once, must never race a
# short timeout (on a loaded 2-core machine a kernel took over 3 s before the app even started).
TIMEOUT = 3
WAIT = 20_000  # ms


@pytest.fixture(scope="module")
def server(serve):
    return serve(APP, "--no-preheat")


@pytest.fixture(scope="module")
def impatient_server(serve):
    return serve(APP, "--timeout", str(TIMEOUT), "--no-preheat")


def test_an_app_past_its_first_run_timeout_says_so(page, impatient_server):
    page.goto(impatient_server.url + "?sleep=1")
    error = page.locator(".nbapp-page-error")
    expect(error).to_contain_text(f"did not finish its first run within {TIMEOUT}", timeout=WAIT)
    expect(error).to_contain_text("--timeout")
    expect(page.locator(".nbapp-loading-indicator")).to_be_hidden()


def test_an_app_that_kills_its_kernel_says_so_and_the_server_keeps_serving(browser, page, server):
    page.goto(server.url + "?die=1")
    error = page.locator(".nbapp-page-error")
    expect(error).to_contain_text("stopped while the page was loading", timeout=WAIT)
    expect(error).to_contain_text("Reload the page")
    expect(page.locator(".nbapp-loading-indicator")).to_be_hidden()
    other = browser.new_context().new_page()
    try:
        other.goto(server.url)
        expect(other.get_by_text("The app is alive")).to_be_visible(timeout=WAIT)
    finally:
        other.context.close()


def test_a_kernel_that_dies_after_the_page_loaded_says_so(page, server):
    page.goto(server.url)
    expect(page.get_by_text("The app is alive")).to_be_visible(timeout=WAIT)
    page.get_by_role("button", name="Crash").click()
    expect(page.locator(".nbapp-page-error")).to_contain_text("session has ended", timeout=WAIT)
    expect(page.locator(".nbapp-page-error")).to_contain_text("Reload the page")


@pytest.mark.parametrize("source, options, says", [
    ("import time\ntime.sleep(60)\n", ("--timeout", str(TIMEOUT)), f"did not finish its first run within {TIMEOUT}"),
    ("import os\nos._exit(1)\n", (), "stopped while the page was loading"),  # the default timeout: no race
])
def test_with_preheated_kernels_a_stuck_or_dead_app_says_so_on_every_page(browser, serve, source, options, says):
    # The warm kernel ran the app before any page asked: the page gets that run's outcome.
    server = serve(source, *options)
    for _ in range(2):  # the first warm kernel, then its replacement
        page = browser.new_context().new_page()
        try:
            page.goto(server.url)
            expect(page.locator(".nbapp-page-error")).to_contain_text(says, timeout=WAIT)
            expect(page.locator(".nbapp-loading-indicator")).to_be_hidden()
        finally:
            page.context.close()
    server.stop()  # its warm kernels would keep rerunning the app while the other tests run
