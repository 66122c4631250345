"""A slider whose format d3 cannot write, in a served page: nbapp writes the value, it follows the slider, no network."""
from __future__ import annotations

from playwright.sync_api import expect

APP = '''\
import streamlit as st

pct = st.slider("Share", 0, 100, 25, format="%d%%")
st.slider("Budget", 0.0, 10.0, 2.5, format="dollar")
st.write(f"share is {pct}")
'''
WAIT = 20_000
READY = "text=share is 25"


def test_the_value_is_written_in_the_format_and_follows_the_slider(app):
    sliders = app.locator(".lm-Widget.nbapp-app .nbapp-slider")
    share, budget = sliders.nth(0), sliders.nth(1)
    expect(share.locator(".nbapp-slider-readout")).to_have_text("25%")
    expect(budget.locator(".nbapp-slider-readout")).to_have_text("$2.50")
    expect(share.locator(".widget-readout")).to_be_hidden()  # ipywidgets' own readout cannot say "25%"
    share.locator(".noUi-handle").first.focus()
    app.keyboard.press("ArrowRight")
    expect(app.get_by_text("share is 26")).to_be_visible(timeout=WAIT)
    expect(share.locator(".nbapp-slider-readout")).to_have_text("26%")
