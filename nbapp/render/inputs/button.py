"""Button adapters: button and form_submit_button send True when clicked."""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.registry import Adapter, adapter, changed, classed

_STYLES = {"primary": "primary", "secondary": "", "tertiary": ""}


@adapter("button", "form_submit_button")
class Button(Adapter):
    def create(self, props, emit):
        button = classed(w.Button(), "nbapp-button", f"nbapp-button-{props['type']}")
        self.update(button, props, {})
        button.on_click(lambda _: emit(True))
        return button

    def update(self, widget, props, old):
        if old and changed(props, old, "type"):
            return False
        widget.description = props["label"]
        widget.tooltip = props.get("help") or None
        widget.disabled = props["disabled"]
        widget.icon = ""
        widget.button_style = _STYLES[props["type"]]
        widget.layout.width = "100%" if props.get("use_container_width") else None
        return True
