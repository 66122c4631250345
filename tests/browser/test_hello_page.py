"""`nbapp hello`: the gallery opens and switches demos."""
from __future__ import annotations

from playwright.sync_api import expect

WAIT = 20_000  # ms


def test_the_gallery_opens_and_switches_demos(page, serve):
    server = serve(None, "hello")
    page.goto(server.url)
    expect(page.get_by_role("heading", name="Welcome to nbapp")).to_be_visible(timeout=WAIT)
    expect(page).to_have_title("nbapp hello")
    page.locator(".nbapp-sidebar").get_by_text("DataFrame").click()
    expect(page.get_by_role("heading", name="DataFrame explorer")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("Runs shown")).to_be_visible()
    page.locator(".nbapp-sidebar").get_by_text("Offline chat").click()
    expect(page.get_by_role("heading", name="Offline chat")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("Hi! Ask me anything about nbapp.")).to_be_visible()
