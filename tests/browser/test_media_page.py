"""Images, plots and players in a served page: bytes shown from blob: URLs, swapped in place, no network."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

APP = '''\
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import streamlit as st

shade = st.slider("shade", 0, 255, 40)
st.image(np.full((60, 120, 3), shade, dtype=np.uint8), caption=f"shade {shade}")
fig, ax = plt.subplots(figsize=(3, 2))
ax.plot([1, 3, 2])
st.pyplot(fig)
st.audio(np.sin(np.linspace(0, 2 * np.pi * 440, 8000)), sample_rate=8000)
st.image('<svg width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>')
st.video(None)
'''
WAIT = 30_000


@pytest.fixture
def app(open_app, server):
    page = open_app(server.url)
    expect(page.locator(".nbapp-image img")).to_have_count(3, timeout=WAIT)
    return page


def loaded(page, selector: str) -> list[int]:
    return page.eval_on_selector_all(selector, "imgs => imgs.map(i => i.complete ? i.naturalWidth : -1)")


def test_images_and_plots_show_from_blob_urls(app):
    expect(app.get_by_text("shade 40")).to_be_visible()
    sources = app.eval_on_selector_all(".nbapp-image img", "imgs => imgs.map(i => i.src)")
    assert all(src.startswith("blob:") for src in sources), sources
    app.wait_for_function("() => [...document.querySelectorAll('.nbapp-image img')].every(i => i.complete)")
    widths = loaded(app, ".nbapp-image img")
    assert widths[0] == 120 and widths[1] > 500 and widths[2] == 40, widths  # the plot at dpi 200
    assert app.locator(".nbapp-audio audio[controls]").count() == 1
    assert app.eval_on_selector(".nbapp-audio audio", "a => a.src").startswith("blob:")
    # st.video(None): an empty player with controls and no source (not the page's own URL)
    expect(app.locator(".nbapp-video video[controls]")).to_have_count(1)
    assert app.eval_on_selector(".nbapp-video video", "v => [v.getAttribute('src'), v.currentSrc]") == [None, ""]


def test_a_new_picture_replaces_the_old_one_in_the_same_element(app):
    image = app.locator(".nbapp-image").first
    before = image.get_attribute("data-drawn")
    app.locator(".nbapp-slider .noUi-handle").focus()
    app.keyboard.press("ArrowRight")
    expect(app.get_by_text("shade 41")).to_be_visible(timeout=WAIT)
    expect(image).to_have_attribute("data-drawn", str(int(before) + 1))  # same element, drawn again


LOGO_APP = '''\
import numpy as np
import streamlit as st

st.logo(np.full((24, 72, 3), [255, 75, 75], dtype=np.uint8), link="https://example.com/home")
st.sidebar.write("in the sidebar")
st.title("Title")
st.image(np.full((30, 60, 3), 90, dtype=np.uint8), link="https://example.com/full")
'''


def test_the_logo_tops_the_sidebar_and_a_linked_image_is_a_link(serve, page):
    page.goto(serve(LOGO_APP).url)
    logo = page.locator(".nbapp-app-header .nbapp-logo img")
    expect(logo).to_be_visible(timeout=WAIT)
    sidebar = page.locator(".nbapp-sidebar").bounding_box()
    text = page.get_by_text("in the sidebar").bounding_box()
    box = logo.bounding_box()
    assert sidebar["x"] <= box["x"] and box["x"] + box["width"] <= sidebar["x"] + sidebar["width"]
    assert sidebar["y"] <= box["y"] and box["y"] + box["height"] <= text["y"]  # above the sidebar's content
    assert page.locator(".nbapp-app-header a.nbapp-logo-link").get_attribute("href") == "https://example.com/home"
    linked = page.locator(".nbapp-main .nbapp-image a.nbapp-logo-link")
    assert linked.get_attribute("href") == "https://example.com/full" and linked.locator("img").count() == 1
