"""accept_new_options on the widget side: a Combobox for selectbox, free tags for multiselect."""
from __future__ import annotations

import textwrap

import ipywidgets as w

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App


def controls(script: str, kind: type, inputs: list) -> list:
    renderer = WidgetRenderer(lambda key, value: inputs.append((key, value)))
    renderer.render(App("import nbapp as st\n" + textwrap.dedent(script), filename="<draw>").run())
    found = []

    def visit(widget):
        if isinstance(widget, kind):
            found.append(widget)
        for child in getattr(widget, "children", ()):
            visit(child)

    visit(renderer.root)
    return found


def test_a_selectbox_with_new_options_sends_typed_text_and_option_indices():
    inputs: list = []
    (box,) = controls("st.selectbox('Pick', ['x', 'y'], key='p', accept_new_options=True)", w.Combobox, inputs)
    assert box.options == ("x", "y") and box.value == "x"
    box.value = "something new"
    box.value = "y"
    assert inputs == [("p", "something new"), ("p", 1)]


def test_a_multiselect_with_new_options_takes_any_tag():
    inputs: list = []
    (tags,) = controls("st.multiselect('Tags', ['x'], key='t', accept_new_options=True)", w.TagsInput, inputs)
    assert list(tags.allowed_tags) == []
    tags.value = ["x", "mine"]
    assert inputs == [("t", [0, "mine"])]
