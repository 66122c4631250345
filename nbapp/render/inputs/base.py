"""The shape every input widget shares: a label (with help) above an ipywidgets control."""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from nbapp.render.registry import Adapter, Emit, changed, classed
from nbapp.render.text import help_icon


def label_html(props: dict[str, Any]) -> str:
    """Return the widget label's HTML (Markdown-free, escaped) with its help tooltip."""
    return f'<label class="nbapp-label">{html.escape(props["label"])}{help_icon(props)}</label>'


class InputAdapter(Adapter):
    """Subclasses build the control and say how props map onto it.

    ``structure`` names the props whose change needs a new control (e.g. single vs
    range); ``value`` is pushed only when the run's value differs from the last one drawn,
    so a value the user is still changing in the browser is never overwritten by a stale run.
    """

    structure: tuple[str, ...] = ()
    trait = "value"

    def control(self, props: dict[str, Any]) -> w.Widget:
        raise NotImplementedError

    def configure(self, control: w.Widget, props: dict[str, Any]) -> None:
        """Set everything but the value (bounds, options, disabled...)."""
        control.disabled = props["disabled"]

    def to_widget(self, props: dict[str, Any]) -> Any:
        """The control's trait value for ``props['value']``."""
        return props["value"]

    def from_widget(self, value: Any) -> Any:
        """The wire value the app receives for the control's trait value."""
        return value

    def create(self, props, emit: Emit):
        control = self.control(props)
        self.configure(control, props)
        setattr(control, self.trait, self.to_widget(props))
        self.listen(control, emit)
        label = w.HTML(label_html(props))
        box = classed(w.VBox(children=(label, control)), "nbapp-widget", f"nbapp-{self.kind}")
        self._visibility(box, props)
        return box

    def listen(self, control: w.Widget, emit: Emit) -> None:
        control.observe(lambda change: emit(self.from_widget(change["new"])), self.trait)

    def update(self, widget, props, old):
        if changed(props, old, *self.structure):
            return False
        label, control = widget.children
        label.value = label_html(props)
        self._visibility(widget, props)
        self.configure(control, props)
        if changed(props, old, "value"):
            setattr(control, self.trait, self.to_widget(props))
        return True

    @staticmethod
    def _visibility(box: w.Widget, props: dict[str, Any]) -> None:
        label = box.children[0]
        mode = props["label_visibility"]
        label.layout.display = "none" if mode == "collapsed" else None
        label.layout.visibility = "hidden" if mode == "hidden" else None
