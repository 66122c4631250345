"""bind="query-params" in JupyterLab: the app's own st.query_params follows the widget; Lab's URL is untouched."""
from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

WAIT = 30_000  # ms: JupyterLab, then a kernel, on a loaded 2-core machine
APP = '''%%app
import nbapp as st
x = st.slider("x", 0, 10, 3, key="x", bind="query-params")
st.write(f"x={x} params={st.query_params.to_dict()}")
'''

pytestmark = pytest.mark.skipif(shutil.which("jupyter-lab") is None, reason="JupyterLab is not installed")


def test_a_bound_widget_writes_the_apps_own_query_params(page, lab):
    lab.open_notebook(page, "bind.ipynb", APP)
    app = page.locator(".jp-OutputArea .lm-Widget.nbapp-app")
    expect(app.get_by_text("x=3 params={}")).to_be_visible(timeout=WAIT)
    url = page.url
    app.locator(".nbapp-slider .noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(app.get_by_text(re.compile(r"^x=5 params=\{'x': '5'\}$"))).to_be_visible(timeout=WAIT)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(app.get_by_text("x=3 params={}")).to_be_visible(timeout=WAIT)  # the default leaves the dict
    assert page.url == url  # JupyterLab's address bar is not the app's
