"""Containers as ipywidgets boxes: the app layout, sidebar, columns, tabs, expander, form..."""
from __future__ import annotations

import html
import json
import re
from typing import Any

import ipywidgets as w

from nbapp.render.frontend import ActionHtml
from nbapp.render.registry import BlockAdapter, adapter, changed, classed
from nbapp.render.structure import flex_layout


def _page_config_html(config: dict[str, Any]) -> str:
    # Read by the published page's template (title, icon, layout); invisible in a notebook.
    data = html.escape(json.dumps({k: v for k, v in config.items() if k != "menu_items"}, default=str))
    return f'<div class="nbapp-page-config" data-config="{data}"></div>'


def _hide_unless(widget: w.Widget, shown: bool) -> None:
    display = None if shown else "none"
    if widget.layout.display != display:
        widget.layout.display = display


SIDEBAR_STATES = ("auto", "expanded", "collapsed")


@adapter("app")
class AppLayout(BlockAdapter):
    """The sidebar (with its show/hide button) beside the main column; the page config travels hidden.

    Children: the hidden config, the toggle button, the sidebar, the main column.
    ``initial_sidebar_state`` "auto" shows the sidebar on wide screens and hides it on narrow ones.
    """

    def create(self, props, emit):
        config = w.HTML(_page_config_html(props["page_config"]))
        config.layout.display = "none"
        toggle = classed(ActionHtml(value='<button class="nbapp-sb-button" title="Show or hide the sidebar" '
                                         'data-nbapp-action="toggle-sidebar">☰</button>'), "nbapp-sb-toggle")
        box = classed(w.HBox(children=(config, toggle)), "nbapp-layout")
        self._apply(box, props)
        return box

    def update(self, widget, props, old):
        widget.children[0].value = _page_config_html(props["page_config"])
        self._apply(widget, props)
        return True

    def _apply(self, box, props):
        config = props["page_config"]
        (box.add_class if config.get("layout") == "wide" else box.remove_class)("nbapp-wide")
        state = config.get("initial_sidebar_state") or "auto"
        for name in SIDEBAR_STATES:
            (box.add_class if name == state else box.remove_class)(f"nbapp-sb-{name}")

    def set_children(self, widget, children):
        main, sidebar, *others = children  # the run's roots: main, sidebar, then any added later
        config, toggle = widget.children[:2]
        _hide_unless(toggle, bool(sidebar.children))
        (widget.add_class if sidebar.children else widget.remove_class)("nbapp-has-sidebar")
        ordered = (config, toggle, sidebar, main, *others)
        if widget.children != ordered:
            widget.children = ordered


@adapter("main")
class Main(BlockAdapter):
    def create(self, props, emit):
        return classed(w.VBox(), "nbapp-main")


@adapter("sidebar")
class Sidebar(BlockAdapter):
    """Hidden while empty."""

    def create(self, props, emit):
        return classed(w.VBox(), "nbapp-sidebar")

    def set_children(self, widget, children):
        super().set_children(widget, children)
        _hide_unless(widget, bool(children))


@adapter("horizontal")
class Columns(BlockAdapter):
    def create(self, props, emit):
        box = classed(w.HBox(), "nbapp-columns", f"nbapp-align-{props['align']}")
        box.layout.grid_gap = props["gap"]
        if isinstance(props.get("width"), int):
            box.layout.max_width = f"{props['width']}px"
        return box

    def update(self, widget, props, old):
        if changed(props, old, "align", "width"):
            return False
        widget.layout.grid_gap = props["gap"]
        return True


@adapter("column")
class Column(BlockAdapter):
    def create(self, props, emit):
        box = classed(w.VBox(), "nbapp-column")
        if props["border"]:
            box.add_class("nbapp-border")
        self.update(box, props, {})
        return box

    def update(self, widget, props, old):
        if changed(props, old, "border") and old:
            return False
        widget.layout.flex = f"{props['weight']:.6f} 1 0%"
        return True


@adapter("tabs")
class Tabs(BlockAdapter):
    """Tabs; the open one starts at ``selected`` (``default``). Stateful tabs (a ``state_key``)
    report the user's choice and follow the app's (``pushed``)."""

    def create(self, props, emit):
        tab = classed(w.Tab(), "nbapp-tabs")
        tab.nbapp_select = props.get("selected", 0)
        labels = props.get("labels", [])
        tab.observe(lambda ch: ch.new is not None and ch.new < len(labels) and emit(labels[ch.new]), "selected_index")
        return tab

    def update(self, widget, props, old):
        if changed(props, old, "labels") and props.get("state_key"):
            return False  # the reported label comes from the labels the widget was made with
        if props.get("state_key") and changed(props, old, "selected", "pushed"):
            widget.nbapp_select = props.get("selected", 0)
        return True  # titles are set with the children

    def set_children(self, widget, children):
        super().set_children(widget, children)
        titles = tuple(c.nbapp_label for c in children)
        if tuple(widget.titles) != titles:
            widget.titles = titles
        select, widget.nbapp_select = getattr(widget, "nbapp_select", None), None
        if select is not None and select < len(children) and widget.selected_index != select:
            widget.selected_index = select


@adapter("tab")
class TabPanel(BlockAdapter):
    def create(self, props, emit):
        box = classed(w.VBox(), "nbapp-tab")
        box.nbapp_label = props["label"]
        return box

    def update(self, widget, props, old):
        widget.nbapp_label = props["label"]
        return True


@adapter("expander")
class Expander(BlockAdapter):
    """An accordion of one panel; the user's open/closed choice survives reruns."""

    def create(self, props, emit):
        inner = w.VBox()
        acc = classed(w.Accordion(children=(inner,), selected_index=0 if props["expanded"] else None), "nbapp-expander")
        self.update(acc, props, {})
        acc.observe(lambda ch: emit(ch.new == 0), "selected_index")  # heard only for a stateful expander
        return acc

    def update(self, widget, props, old):
        icon = props.get("icon")
        title = f"{icon} {props['label']}" if icon and not icon.startswith(":material/") else props["label"]
        if tuple(widget.titles) != (title,):
            widget.titles = (title,)
        if old and changed(props, old, "expanded", "pushed"):
            widget.selected_index = 0 if props["expanded"] else None
        return True

    def set_children(self, widget, children):
        inner = widget.children[0]
        if inner.children != children:
            inner.children = children


@adapter("container", "form", "empty")
class Box(BlockAdapter):
    def create(self, props, emit):
        box = classed(w.VBox(), f"nbapp-{self.kind}")
        if props.get("border"):
            box.add_class("nbapp-border")
        if self.kind == "form" and props.get("enter_to_submit", True):
            box.add_class("nbapp-enter-submits")  # page_bridge.js: Enter in its boxes clicks its submit button
        if props.get("key"):
            box.add_class("nbapp-key-" + re.sub(r"[^\w-]", "-", props["key"]))
        if props.get("height"):
            box.layout.height = f"{props['height']}px"
            box.layout.overflow = "auto"
        if self.kind == "container":
            flex_layout(box, props)
        return box

    def update(self, widget, props, old):
        return not changed(props, old, "border", "height", "key", "horizontal", "h_align", "v_align", "gap",
                           "width", "wrap", "stretch_height", "enter_to_submit")

    def set_children(self, widget, children):
        super().set_children(widget, children)
        if self.kind == "empty":
            # A cleared placeholder (st.empty(), a finished spinner) takes no room, not even a gap.
            _hide_unless(widget, any(c.layout.display != "none" for c in children))
