"""`nbapp run notebook.ipynb`: the %%app cells and markdown show; other cells run, hidden; no code."""
from __future__ import annotations

import nbformat
import pytest
from playwright.sync_api import expect

WAIT = 20_000  # ms


def notebook_source() -> str:
    cells = [
        nbformat.v4.new_markdown_cell("# Model report\nThe numbers below come from the *training run*."),
        nbformat.v4.new_code_cell("accuracy = 0.93\nprint('hidden chatter from setup')\naccuracy"),
        nbformat.v4.new_code_cell("%%app\nimport streamlit as st\nt = st.slider('threshold', 0, 10, 3)\n"
                                  "st.write('threshold', t, 'accuracy', accuracy)"),
    ]
    return nbformat.writes(nbformat.v4.new_notebook(cells=cells))


@pytest.fixture(scope="module")
def server(serve):
    return serve(notebook_source(), name="report.ipynb")


def test_a_notebook_shows_its_apps_and_markdown_only(page, server):
    page.goto(server.url)
    expect(page.get_by_text("threshold 3 accuracy 0.93")).to_be_visible(timeout=WAIT)
    expect(page.get_by_role("heading", name="Model report")).to_be_visible()
    expect(page.get_by_text("hidden chatter from setup")).to_have_count(0)
    html = page.content()
    assert "accuracy = 0.93" not in html and "st.slider" not in html
    page.locator(".nbapp-slider .noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("threshold 4 accuracy 0.93")).to_be_visible(timeout=WAIT)


def test_a_failing_notebook_cell_shows_its_error_and_what_to_do(page, serve):
    cells = [nbformat.v4.new_code_cell("data = load_data()"), nbformat.v4.new_code_cell("%%app\nimport nbapp as st")]
    server = serve(nbformat.writes(nbformat.v4.new_notebook(cells=cells)), "--no-preheat", name="broken.ipynb")
    page.goto(server.url)
    error = page.locator(".nbapp-page-error")
    expect(error).to_contain_text("A cell of this notebook failed", timeout=WAIT)
    expect(error).to_contain_text("nbapp run --debug")
    expect(error).not_to_contain_text("kernel stopped")
