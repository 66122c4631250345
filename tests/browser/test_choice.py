"""The new input widgets in a served page: each click changes the app's output."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

APP = '''\
import streamlit as st
from datetime import datetime

mood = st.pills("Mood", ["happy", "meh", "sad"])
st.write(f"mood={mood}")
tags = st.pills("Tags", ["a", "b", "c"], selection_mode="multi", default=["a"])
st.write(f"tags={'+'.join(tags)}")
view = st.segmented_control("View", ["Table", "Chart"], default="Table")
st.write(f"view={view}")
stars = st.feedback("stars")
st.write(f"stars={stars}")
thumbs = st.feedback("thumbs")
st.write(f"thumbs={thumbs}")
page = st.pagination(12, default=1)
st.write(f"page={page}")
action = st.menu_button("Export", ["CSV", "JSON"])
st.write(f"action={action}")
when = st.datetime_input("When", datetime(2024, 1, 2, 3, 4))
st.write(f"when={when.isoformat()}")
'''
WAIT = 20_000


@pytest.fixture(scope="module")
def server(serve):
    return serve(APP)


@pytest.fixture
def app(open_app, server):
    page = open_app(server.url)
    expect(page.get_by_text("mood=None")).to_be_visible(timeout=WAIT)
    return page


def test_pills_single_and_multi(app):
    mood = app.locator(".nbapp-pills").nth(0)
    mood.get_by_role("button", name="meh").click()
    expect(app.get_by_text("mood=meh")).to_be_visible(timeout=WAIT)
    expect(mood.get_by_role("button", name="meh")).to_have_class("nbapp-choice-option nbapp-chosen")
    mood.get_by_role("button", name="meh").click()  # again: unselected
    expect(app.get_by_text("mood=None")).to_be_visible(timeout=WAIT)
    app.locator(".nbapp-pills").nth(1).get_by_role("button", name="c").click()
    expect(app.get_by_text("tags=a+c")).to_be_visible(timeout=WAIT)


def test_segmented_control(app):
    app.locator(".nbapp-segmented_control").get_by_role("button", name="Chart").click()
    expect(app.get_by_text("view=Chart")).to_be_visible(timeout=WAIT)


def test_feedback_stars_and_thumbs(app):
    app.locator(".nbapp-feedback-stars .nbapp-feedback-option").nth(3).click()
    expect(app.get_by_text("stars=3")).to_be_visible(timeout=WAIT)
    expect(app.locator(".nbapp-feedback-stars .nbapp-chosen")).to_have_count(4)
    app.locator(".nbapp-feedback-thumbs .nbapp-feedback-option").nth(1).click()  # 👎
    expect(app.get_by_text("thumbs=0")).to_be_visible(timeout=WAIT)


def test_pagination(app):
    app.locator(".nbapp-choice-pagination").get_by_role("button", name="›").click()
    expect(app.get_by_text("page=2")).to_be_visible(timeout=WAIT)
    app.locator(".nbapp-choice-pagination").get_by_role("button", name="12").click()
    expect(app.get_by_text("page=12")).to_be_visible(timeout=WAIT)


def test_menu_button_reports_the_click_once(app):
    app.get_by_role("button", name="Export ▾").click()
    app.get_by_role("button", name="JSON").click()
    expect(app.get_by_text("action=JSON")).to_be_visible(timeout=WAIT)
    app.locator(".nbapp-pills").nth(0).get_by_role("button", name="sad").click()  # any other rerun
    expect(app.get_by_text("mood=sad")).to_be_visible(timeout=WAIT)
    expect(app.get_by_text("action=None")).to_be_visible()


def test_datetime_input(app):
    field = app.locator(".nbapp-datetime_input input")
    field.fill("2025-06-07T08:09")
    field.press("Tab")
    expect(app.get_by_text("when=2025-06-07T08:09:00")).to_be_visible(timeout=WAIT)
