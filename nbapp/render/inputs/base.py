"""The shape every input widget shares: a label (with help) above an ipywidgets control."""
from __future__ import annotations

import html
import threading
from typing import Any

import ipywidgets as w

from nbapp.render.registry import Adapter, Emit, changed, classed
from nbapp.render.text import help_icon

# from_widget's answer when the adapter put the control right itself (clamped, reverted): the
# corrected trait value triggers its own change, so this one is not sent.
REJECT = object()


def label_html(props: dict[str, Any], tag: str = "label") -> str:
    """Return the widget label's HTML (Markdown-free, escaped) with its help tooltip."""
    return f'<{tag} class="nbapp-label">{html.escape(props["label"])}{help_icon(props)}</{tag}>'


class InputAdapter(Adapter):
    """Subclasses build the control and say how props map onto it.

    ``structure`` names the props whose change needs a new control (e.g. single vs
    range); ``value`` is pushed only when the run's value differs from the last one drawn,
    so a value the user is still changing in the browser is never overwritten by a stale run.
    The control's ``nbapp_props`` holds the last run's props for listeners (bounds, options).
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

    def from_widget(self, value: Any, control: w.Widget) -> Any:
        """The wire value the app receives for the control's trait value, or REJECT."""
        return value

    def push(self, control: w.Widget, props: dict[str, Any]) -> None:
        """Show the app's value in the control."""
        setattr(control, self.trait, self.to_widget(props))

    def listen(self, control: w.Widget, emit: Emit) -> None:
        """Send the control's changes to the app."""
        control.observe(lambda change: self.send(emit, change["new"], control), self.trait)

    def send(self, emit: Emit, value: Any, control: w.Widget) -> None:
        """Emit the wire form of a trait value, unless ``from_widget`` rejected it or the app is showing a value."""
        if getattr(control, "nbapp_quiet", None) == threading.get_ident():
            return  # the echo of show() on its own thread; browser input on another thread still counts
        wire = self.from_widget(value, control)
        if wire is not REJECT:
            emit(wire)

    def show(self, control: w.Widget, props: dict[str, Any] | None = None) -> None:
        """Push the app's value (or ``props``') into the control without sending it back."""
        control.nbapp_quiet = threading.get_ident()
        try:
            self.push(control, props or control.nbapp_props)
        finally:
            control.nbapp_quiet = None

    def frame(self, control: w.Widget) -> tuple[w.Widget, ...]:
        """The children of the widget's box: a label above the control."""
        return (w.HTML(), control)

    def relabel(self, box: w.Widget, props: dict[str, Any]) -> None:
        """Show the label (and help) as ``label_visibility`` says."""
        label = box.children[0]
        label.value = label_html(props)
        mode = props["label_visibility"]
        label.layout.display = "none" if mode == "collapsed" else None
        label.layout.visibility = "hidden" if mode == "hidden" else None

    def create(self, props, emit: Emit):
        control = self.control(props)
        self._configure(control, props)
        self.show(control, props)
        self.listen(control, emit)
        box = classed(w.VBox(children=self.frame(control)), "nbapp-widget", f"nbapp-{self.kind}")
        self.relabel(box, props)
        self.size(box, props)
        return box

    def size(self, box: w.Widget, props: dict[str, Any]) -> None:
        """A width in pixels (Streamlit's ``width=300``); "stretch" and "content" keep the widget's own look."""
        width = props.get("width")
        box.layout.width = f"{width}px" if isinstance(width, int) and not isinstance(width, bool) else None
        box.layout.max_width = "100%" if box.layout.width else None

    def update(self, widget, props, old):
        if changed(props, old, *self.structure):
            return False
        control = widget.children[-1]
        self.relabel(widget, props)
        self.size(widget, props)
        self._configure(control, props)
        if changed(props, old, "value", "pushed"):  # "pushed": st.form(clear_on_submit=True)
            self.show(control, props)
        return True

    def _configure(self, control: w.Widget, props: dict[str, Any]) -> None:
        control.nbapp_props = props
        self.configure(control, props)


def set_options(control: w.Widget, labels: tuple[str, ...], index: Any) -> None:
    """Give a selection control new options, then its index (ipywidgets resets the index on new options)."""
    if tuple(control.options) != labels:
        control.options = labels
        control.index = index
