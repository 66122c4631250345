"""App structure as ipywidgets: fragments, the dialog root and its modal, popovers, spacers, flex containers."""
from __future__ import annotations

import html
import re

import anywidget
import ipywidgets as w
import traitlets

from nbapp.elements.registry import Frontend
from nbapp.render.page import DialogKeys
from nbapp.render.registry import Adapter, BlockAdapter, adapter, changed, classed


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
        keys = DialogKeys()
        overlay = classed(w.VBox(children=(panel, keys)), "nbapp-dialog-overlay")

        def dismiss(_source):
            if overlay.layout.display == "none":
                return
            overlay.layout.display = "none"
            if overlay.nbapp_props.get("on_dismiss", "ignore") != "ignore":
                emit(True)

        close.on_click(dismiss)
        keys.observe(dismiss, "dismissed")
        self.update(overlay, props, {})
        return overlay

    def update(self, widget, props, old):
        widget.nbapp_props = props
        panel = widget.children[0]
        header = panel.children[0]
        title, close = header.children
        icon = props.get("icon")
        shown = f"{icon} {props['title']}" if icon and not icon.startswith(":material/") else props["title"]
        title.value = f"<h3>{html.escape(shown)}</h3>"
        panel.layout.max_width = f"{props['width']}px" if isinstance(props.get("width"), int) else None
        widget.layout.align_items = {"left": "flex-start", "right": "flex-end"}.get(props.get("position"), "center")
        close.layout.display = None if props.get("dismissible", True) else "none"
        widget.children[1].enabled = bool(props.get("dismissible", True))
        for width in ("small", "medium", "large"):
            (panel.add_class if props.get("width") == width else panel.remove_class)(f"nbapp-dialog-{width}")
        if not old or changed(props, old, "opened"):
            widget.layout.display = None
        return True

    def set_children(self, widget, children):
        body = widget.children[0].children[1]
        if body.children != children:
            body.children = children


_JUSTIFY = {"left": "flex-start", "center": "center", "right": "flex-end", "distribute": "space-between",
            "top": "flex-start", "bottom": "flex-end"}


def flex_layout(box: w.Box, props: dict) -> None:
    """Lay out an ``st.container``: a row or a column, its alignment, gap and width (from its props)."""
    horizontal = props.get("horizontal", False)
    classed(box, "nbapp-flex-row" if horizontal else "nbapp-flex-column")
    if props.get("gap") is not None:
        box.layout.grid_gap = props["gap"]
    main, cross = (props.get("h_align", "left"), props.get("v_align", "top"))
    if not horizontal:
        main, cross = cross, main
    box.layout.justify_content = _JUSTIFY[main]
    if cross != "distribute":
        box.layout.align_items = _JUSTIFY[cross] if horizontal or cross != "left" else None
    if horizontal:
        box.layout.flex_flow = "row wrap" if props.get("wrap", True) else "row nowrap"
    width = props.get("width", "stretch")
    if isinstance(width, int):
        box.layout.width = f"{width}px"
        box.layout.max_width = "100%"
    elif width == "content":
        box.layout.width = "fit-content"
    if props.get("stretch_height"):
        box.layout.flex = "1 1 auto"


@adapter("space")
class Space(Adapter):
    """Empty room: its size along the parent's direction (CSS takes the other one to zero)."""

    def create(self, props, emit):
        box = classed(w.Box(), "nbapp-space")
        if props["css"] == "stretch":
            box.add_class("nbapp-space-stretch")
        else:
            box.layout.min_height = props["css"]
            box.layout.min_width = props["css"]
        return box


class PopoverKeys(anywidget.AnyWidget):
    """Inside a popover: a click outside it or Escape, while it is open, adds one to ``dismissed``."""

    _esm, _css = Frontend("popover_keys.js").source()
    dismissed = traitlets.Int(0).tag(sync=True)


@adapter("popover")
class Popover(BlockAdapter):
    """A button that shows or hides a floating panel (a click outside it or Escape hides it too);
    the user's choice survives reruns.

    Opening it reruns the app only when it is state (a ``state_key``: ``on_change`` set);
    then the app's value (``open``, set anew when ``pushed`` changes) opens or closes it too.
    """

    def create(self, props, emit):
        button = classed(w.Button(), "nbapp-button", "nbapp-popover-button")
        panel = classed(w.VBox(), "nbapp-popover-panel")
        panel.layout.display = None if props.get("open") else "none"
        keys = PopoverKeys()
        box = classed(w.VBox(children=(button, panel, keys)), "nbapp-popover")
        if props.get("key"):
            box.add_class("nbapp-key-" + re.sub(r"[^\w-]", "-", props["key"]))
        if props["width"] == "stretch":
            box.add_class("nbapp-stretch")
        elif isinstance(props["width"], int):
            box.layout.width = f"{props['width']}px"
        self.update(box, props, {})

        def toggle(_button):
            shown = panel.layout.display == "none"
            panel.layout.display = None if shown else "none"
            if box.nbapp_props.get("state_key"):
                emit(shown)

        def dismiss(_change):  # a click outside it, or Escape
            if panel.layout.display != "none":
                toggle(button)

        button.on_click(toggle)
        keys.observe(dismiss, "dismissed")
        return box

    def update(self, widget, props, old):
        if changed(props, old, "width", "key") and old:
            return False
        widget.nbapp_props = props
        button, panel, _keys = widget.children
        icon = props.get("icon")
        text = f"{icon} {props['label']}" if icon and not icon.startswith(":material/") else props["label"]
        button.description = f"{text} ▾"
        button.tooltip = props.get("help") or ""
        button.disabled = props["disabled"]
        (button.add_class if props["type"] == "primary" else button.remove_class)("mod-primary")
        if old and props.get("state_key") and changed(props, old, "open", "pushed"):
            panel.layout.display = None if props.get("open") else "none"
        return True

    def set_children(self, widget, children):
        panel = widget.children[1]
        if panel.children != children:
            panel.children = children
