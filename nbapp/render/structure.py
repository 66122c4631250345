"""App structure as ipywidgets: fragments, the dialog root and its modal, popovers, spacers, flex containers."""
from __future__ import annotations

import html

import ipywidgets as w

from nbapp.render.registry import BlockAdapter, adapter, changed, classed


@adapter("fragment")
class Fragment(BlockAdapter):
    """A fragment's output: a plain column that its own reruns replace."""

    def create(self, props, emit):
        return classed(w.VBox(), "nbapp-fragment")

    def update(self, widget, props, old):
        return True


@adapter("dialog")
class DialogRoot(BlockAdapter):
    """The "dialog" root: holds the open dialog (if any), drawn over the app."""

    def create(self, props, emit):
        return classed(w.VBox(), "nbapp-dialog-root")


@adapter("dialog_frame")
class Dialog(BlockAdapter):
    """A modal: a dimmed backdrop over the app with a panel (title, X button, body).

    The X button hides it at once; unless ``on_dismiss`` is "ignore" it also tells the app
    (a trigger widget), which reruns. A new opening (``opened``: the run that opened it)
    shows it again.
    """

    def create(self, props, emit):
        title = classed(w.HTML(), "nbapp-dialog-title")
        close = classed(w.Button(description="✕", tooltip="Close"), "nbapp-dialog-close")
        header = classed(w.HBox(children=(title, close)), "nbapp-dialog-header")
        body = classed(w.VBox(), "nbapp-dialog-body")
        panel = classed(w.VBox(children=(header, body)), "nbapp-dialog")
        overlay = classed(w.VBox(children=(panel,)), "nbapp-dialog-overlay")

        def dismiss(_button):
            overlay.layout.display = "none"
            if overlay.nbapp_props.get("on_dismiss", "ignore") != "ignore":
                emit(True)

        close.on_click(dismiss)
        self.update(overlay, props, {})
        return overlay

    def update(self, widget, props, old):
        widget.nbapp_props = props
        panel = widget.children[0]
        header = panel.children[0]
        title, close = header.children
        title.value = f"<h3>{html.escape(props['title'])}</h3>"
        close.layout.display = None if props.get("dismissible", True) else "none"
        for width in ("small", "medium", "large"):
            (panel.add_class if props.get("width") == width else panel.remove_class)(f"nbapp-dialog-{width}")
        if not old or changed(props, old, "opened"):
            widget.layout.display = None
        return True

    def set_children(self, widget, children):
        body = widget.children[0].children[1]
        if body.children != children:
            body.children = children
