"""Checkbox and toggle: an ipywidgets Checkbox with the label beside it (the toggle is styled as a switch)."""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.inputs.base import InputAdapter, label_html
from nbapp.render.registry import adapter


@adapter("checkbox", "toggle")
class Checkbox(InputAdapter):
    def control(self, props):
        return w.Checkbox(indent=False, description_allow_html=True)

    def frame(self, control):
        return (control,)

    def relabel(self, box, props):
        # Clicking the label ticks the box, so it lives in the Checkbox's own description.
        visible = props["label_visibility"] == "visible"
        box.children[0].description = label_html(props, "span") if visible else ""
