"""Widgets' ``width`` in pixels: the drawn widget's box takes it (never wider than its column)."""
from __future__ import annotations

import textwrap

import pytest

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App
from nbapp.testing import AppTest


def boxes(script: str) -> dict[str, object]:
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(App("import nbapp as st\nfrom datetime import date\n" + textwrap.dedent(script),
                        filename="<draw>").run())
    found = {}

    def visit(widget) -> None:
        classes = getattr(widget, "_dom_classes", ())
        if "nbapp-widget" in classes or "nbapp-element" in classes:  # ipywidgets' inputs, nbapp's ES modules
            found[next(c for c in classes if c.startswith("nbapp-") and c not in ("nbapp-widget", "nbapp-element"))] = widget
        for child in getattr(widget, "children", ()):
            visit(child)

    visit(renderer.root)
    return found


@pytest.mark.parametrize("call, css", [
    ('st.slider("a", width=300)', "nbapp-slider"), ('st.text_input("b", width=300)', "nbapp-text_input"),
    ('st.selectbox("d", [1], width=300)', "nbapp-selectbox"), ('st.multiselect("e", [1], width=300)', "nbapp-multiselect"),
    ('st.number_input("f", width=300)', "nbapp-number_input"), ('st.date_input("g", width=300)', "nbapp-date_input"),
    ('st.checkbox("c", width=300)', "nbapp-checkbox"), ('st.radio("r", [1, 2], width=300)', "nbapp-radio"),
    ('st.text_area("t", width=300)', "nbapp-text_area"), ('st.select_slider("s", [1, 2], width=300)', "nbapp-select_slider"),
])
def test_a_pixel_width_sizes_the_widget(call, css):
    box = boxes(call)[css]
    assert (box.layout.width, box.layout.max_width) == ("300px", "100%")


def test_the_default_widths_keep_the_widgets_own_look_and_a_rerun_updates_the_width():
    assert boxes('st.slider("a")')["nbapp-slider"].layout.width is None
    assert boxes('st.slider("a", width="content")')["nbapp-slider"].layout.width is None
    at = AppTest.from_string('import nbapp as st\nst.slider("a", width=st.session_state.get("w", 200))').run()
    assert at.slider[0].props["width"] == 200


def test_a_bad_width_is_an_error():
    at = AppTest.from_string('import nbapp as st\nst.text_input("a", width="wide")').run()
    assert "st.text_input('a'): width must be 'stretch', 'content' or a positive int (pixels), got 'wide'." \
        == at.exception[0].value
