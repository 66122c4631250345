"""Charts on widgets: one library model per kernel, a small module per chart, reruns send only changed data."""
from __future__ import annotations

import textwrap

import ipywidgets as w

from nbapp.render.charts import VegaLibrary, library
from nbapp.render.widgets import WidgetRenderer
from nbapp.testing import AppTest

SCRIPT = """
import nbapp as st
import numpy as np
import pandas as pd
n = st.session_state.get("n", 3)
st.line_chart(pd.DataFrame({"a": np.arange(n, dtype=float)}))
st.bar_chart({"fruit": ["apple", "kiwi"], "n": [3, 5]}, x="fruit", y="n")
"""


def charts(renderer: WidgetRenderer) -> list[w.Widget]:
    found = []

    def walk(widget):
        if type(widget).__name__.startswith("Nbapp_"):
            found.append(widget)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(renderer.root)
    return found


def drawn(script: str = SCRIPT):
    at = AppTest.from_string(textwrap.dedent(script)).run(timeout=60)
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(at._app.tree)
    return at, renderer


def test_each_chart_module_is_small_and_points_at_the_one_library_model():
    at, renderer = drawn()
    line, bar = charts(renderer)
    assert len(line._esm) < 10_000 and len(bar._esm) < 10_000
    assert len(library()._esm) > 500_000
    assert line.props["library"] == bar.props["library"] == f"anywidget:{library().model_id}"
    assert library() is library() and isinstance(library(), VegaLibrary)


def test_a_rerun_with_new_data_changes_only_that_charts_data_trait():
    at, renderer = drawn()
    line, bar = charts(renderer)
    changes = []
    for chart in (line, bar):
        chart.observe(lambda change: changes.append((change["owner"], change["name"])))
    at.session_state["n"] = 5
    at.run(timeout=60)
    renderer.render(at._app.tree)
    assert charts(renderer) == [line, bar]  # the same widgets: no new embed
    assert changes == [(line, "data")]
    assert line.data["data"]["length"] == 5


def test_a_rerun_with_the_same_data_sends_nothing():
    at, renderer = drawn()
    changes = []
    for chart in charts(renderer):
        chart.observe(changes.append)
    at.run(timeout=60)
    renderer.render(at._app.tree)
    assert changes == []


def test_numbers_travel_as_binary_buffers():
    at, renderer = drawn()
    line = charts(renderer)[0]
    state = line.get_state()
    from ipywidgets.widgets.widget import _remove_buffers

    _, paths, buffers = _remove_buffers(state)
    assert ["data", "data", "values", 0] in paths and sum(len(b) for b in buffers) == 3 * 8 * 2
