"""st.text_input in a served page: typed boxes, validation before sending, live typing, required."""
from __future__ import annotations

from playwright.sync_api import expect

APP = '''\
import streamlit as st
mail = st.text_input("Mail", type="email", key="mail")
st.write(f"mail={mail!r}")
query = st.text_input("Find", type="search", live="100ms")
st.write(f"query={query!r}")
name = st.text_input("Name", "Ada", required=True)
st.write(f"name={name!r}")
st.write(f"runs={st.session_state.setdefault('runs', 0) + 1}")
st.session_state.runs += 1
'''
WAIT = 20_000
READY = "text=mail=''"  # conftest's app fixture opens the page and waits for it


def box(page, label: str):
    return page.get_by_role("textbox", name=label).or_(page.get_by_role("searchbox", name=label))


def test_an_email_box_checks_the_address_before_sending_it(app):
    mail = box(app, "Mail")
    assert mail.get_attribute("type") == "email" and mail.get_attribute("placeholder") == "you@example.com"
    runs = app.get_by_text("runs=").inner_text()
    mail.fill("not an address")
    mail.press("Enter")
    expect(app.get_by_text("Enter a valid email address.")).to_be_visible()
    app.wait_for_timeout(500)  # nothing was sent: no rerun to wait for
    assert app.get_by_text("runs=").inner_text() == runs
    mail.fill("me@example.org")
    mail.press("Enter")
    expect(app.get_by_text("mail='me@example.org'")).to_be_visible(timeout=WAIT)
    expect(app.get_by_text("Enter a valid email address.")).to_be_hidden()


def test_a_live_search_box_sends_after_a_pause_without_enter(app):
    find = box(app, "Find")
    assert find.get_attribute("type") == "search"
    find.press_sequentially("gzip", delay=20)
    expect(app.get_by_text("query='gzip'")).to_be_visible(timeout=WAIT)


def test_a_required_box_keeps_its_value_when_emptied(app):
    name = box(app, "Name")
    name.fill("")
    name.press("Enter")
    app.wait_for_timeout(500)
    expect(app.get_by_text("name='Ada'")).to_be_visible()
    name.fill("Grace")
    name.press("Enter")
    expect(app.get_by_text("name='Grace'")).to_be_visible(timeout=WAIT)
