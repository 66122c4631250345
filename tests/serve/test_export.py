"""`nbapp export --to html`: one run, frozen into a page that needs no server."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat

from nbapp.cli import main
from nbapp.serve.export import WIDGET_STATE, WIDGET_VIEW, StaticPage

APP = '''\
import streamlit as st
st.set_page_config(page_title="Squares")
st.title("Squares")
x = st.slider("x", 0, 100, 25)
st.write(x, "squared is", x * x)
'''


def test_export_runs_the_app_once_and_freezes_it(tmp_path, capsys):
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    assert main(["export", str(script), "--to", "html"]) == 0
    page = (tmp_path / "app.html").read_text(encoding="utf-8")
    assert capsys.readouterr().out.strip() == f"Wrote {tmp_path / 'app.html'}"
    assert "<title>Squares</title>" in page
    assert "<code>25</code> squared is <code>625</code>" in page
    assert re.search(r'<input type="range" min="0" max="100" step="1" value="25" disabled', page)
    assert "nbapp-app" in page and "<style>" in page  # the app's own stylesheet travels with it
    assert "st.slider" not in page  # no code
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing loaded from elsewhere


def model(view: str, **state) -> dict:
    return {"model_name": view.replace("View", "Model"), "state": {"_view_name": view, **state}}


def frozen(*widgets: tuple[str, dict]) -> str:
    """The static page of a notebook whose one app cell displays the first of ``widgets`` (id, model)."""
    cell = nbformat.v4.new_code_cell("%%app", metadata={"nbapp": {"role": "app"}})
    cell.outputs = [nbformat.v4.new_output("display_data", data={WIDGET_VIEW: {"model_id": widgets[0][0]}})]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Some *notes*"), cell])
    nb.metadata.widgets = {WIDGET_STATE: {"state": dict(widgets)}}
    return StaticPage(nb).html()


def test_controls_are_drawn_disabled_at_their_values():
    page = frozen(
        ("root", model("VBoxView", children=["IPY_MODEL_cb", "IPY_MODEL_dd", "IPY_MODEL_rs", "IPY_MODEL_tabs"],
                       _dom_classes=["nbapp-app"], layout="IPY_MODEL_lay")),
        ("lay", {"model_name": "LayoutModel", "state": {"grid_gap": "1rem", "width": "100%"}}),
        ("cb", model("CheckboxView", value=True, description="Only the best")),
        ("dd", model("DropdownView", _options_labels=["a", "b"], index=1)),
        ("rs", model("IntRangeSliderView", value=[10, 20], min=0, max=50, step=1)),
        ("tabs", model("TabView", children=["IPY_MODEL_t1", "IPY_MODEL_t2"], titles=["One", "Two"], selected_index=1)),
        ("t1", model("HTMLView", value="first panel")),
        ("t2", model("HTMLView", value="second panel")),
    )
    assert '<div class="jupyter-widgets widget-container widget-box widget-vbox nbapp-app" style="width: 100%; gap: 1rem">' in page
    assert '<input type="checkbox" disabled checked> Only the best' in page
    assert "<option>a</option><option selected>b</option>" in page
    assert "10 – 20" in page
    assert "second panel" in page and "first panel" not in page  # the selected tab, as it was
    assert "<em>notes</em>" in page  # a notebook's markdown cells show


def test_export_a_notebook_runs_every_cell_and_shows_its_apps_and_markdown(tmp_path):
    notebook = Path(__file__).resolve().parents[2] / "notebooks" / "getting-started.ipynb"
    out = tmp_path / "getting-started.html"
    assert main(["export", str(notebook), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<code>25</code> squared is <code>625</code>" in page
    assert "Best accuracy" in page  # the second app read `runs`, made by a cell that stays hidden
    assert "Getting started with nbapp" in page
    assert "rng.uniform" not in page


def test_a_failing_cell_is_a_one_line_error_naming_the_exception(tmp_path, capsys):
    notebook = tmp_path / "broken.ipynb"
    cells = [nbformat.v4.new_code_cell("rows = 1 / 0"), nbformat.v4.new_code_cell("%load_ext nbapp")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), str(notebook))
    assert main(["export", str(notebook)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "broken.ipynb" in err and "ZeroDivisionError: division by zero" in err
    assert not (tmp_path / "broken.html").exists()
