"""st.form(enter_to_submit=...): the drawn form says whether Enter in its boxes submits it (page_bridge.js acts)."""
from __future__ import annotations

import pytest

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App


def form_classes(option: str) -> set[str]:
    renderer = WidgetRenderer(lambda key, value: None)
    script = f"import nbapp as st\nwith st.form('f'{option}):\n    st.text_input('t')\n    st.form_submit_button()"
    renderer.render(App(script, filename="<draw>").run())
    found = []

    def visit(widget) -> None:
        if "nbapp-form" in getattr(widget, "_dom_classes", ()):
            found.append(set(widget._dom_classes))
        for child in getattr(widget, "children", ()):
            visit(child)

    visit(renderer.root)
    (classes,) = found
    return classes


@pytest.mark.parametrize("option, submits", [("", True), (", enter_to_submit=True", True),
                                             (", enter_to_submit=False", False)])
def test_enter_to_submit_marks_the_form(option, submits):
    assert ("nbapp-enter-submits" in form_classes(option)) is submits
