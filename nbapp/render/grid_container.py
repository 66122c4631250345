"""``st.grid`` as a CSS grid of ipywidgets: every direct child in a cell frame, ``grid.cell()`` as its own frame."""
from __future__ import annotations

import re

import ipywidgets as w

from nbapp.elements.grid_container import span_rules
from nbapp.render.registry import BlockAdapter, adapter, changed, classed

_ALIGN = {"top": "flex-start", "center": "center", "bottom": "flex-end"}


@adapter("grid")
class Grid(BlockAdapter):
    """A GridBox whose items are cell frames: a ``grid.cell()`` is one, any other child gets one.

    The frame (a VBox made here, kept per child widget) carries the cell's border, the
    vertical alignment of its content and the scrolling of a fixed row height, whatever
    element it holds. A hidden stylesheet (no grid item: it is not displayed) shrinks the
    spans of ``grid.cell(column_span=n)`` when a wrapping grid has fewer columns left.
    """

    def create(self, props, emit):
        box = classed(w.GridBox(), "nbapp-grid")
        if props.get("key"):
            box.add_class("nbapp-key-" + re.sub(r"[^\w-]", "-", props["key"]))
        if not props["wrap"]:
            box.add_class("nbapp-grid-nowrap")
        layout = box.layout
        for name, value in props["css"].items():
            setattr(layout, name, value)
        if isinstance(props["width"], int):
            layout.width, layout.max_width = f"{props['width']}px", "100%"
        if isinstance(props["height"], int):
            layout.height, layout.overflow = f"{props['height']}px", "auto"
        elif props["height"] == "stretch":
            layout.flex = "1 1 auto"
        box.nbapp_frames = {}  # id(child widget) -> its frame
        box.nbapp_props = props
        box.nbapp_scope = f"nbapp-grid-{box.model_id[:12]}"
        box.add_class(box.nbapp_scope)
        box.nbapp_style = w.HTML()
        box.nbapp_style.layout.display = "none"
        return box

    def update(self, widget, props, old):
        return not changed(props, old, "css", "key", "wrap", "width", "height", "border", "vertical_alignment",
                           "row_height")

    def set_children(self, widget, children):
        props, frames = widget.nbapp_props, widget.nbapp_frames
        items, kept = [], {}
        for child in children:
            if "nbapp-grid-cell" in child._dom_classes:
                _style_cell(child, props)
                items.append(child)
                continue
            frame = frames.get(id(child))
            if frame is None or frame.children != (child,):
                frame = _style_cell(classed(w.VBox(children=(child,)), "nbapp-grid-cell"), props)
            kept[id(child)] = frame
            items.append(frame)
        for key, frame in frames.items():
            if key not in kept and frame not in items:
                frame.children = ()  # its element is closed (or moved) by the renderer, not with the frame
                frame.layout.close()
                frame.close()
        widget.nbapp_frames = kept
        if props["wrap"]:
            spans = {getattr(cell, "nbapp_column_span", 1) for cell in items}
            css = span_rules(widget.nbapp_scope, {s for s in spans if isinstance(s, int)}, props["min_column_width"],
                             props["column_gap_css"])
            if css:
                if widget.nbapp_style.value != f"<style>{css}</style>":
                    widget.nbapp_style.value = f"<style>{css}</style>"
                items.append(widget.nbapp_style)
        items = tuple(items)
        if widget.children != items:
            widget.children = items


def _style_cell(cell: w.Box, props: dict) -> w.Box:
    if props["border"]:
        cell.add_class("nbapp-border")
    cell.layout.justify_content = _ALIGN[props["vertical_alignment"]]
    if props["row_height"] != "content":
        cell.layout.overflow = "auto"
    return cell


@adapter("grid_cell")
class GridCell(BlockAdapter):
    """``grid.cell()``: a frame that groups elements and spans columns or rows (its grid sets the rest)."""

    def create(self, props, emit):
        box = classed(w.VBox(), "nbapp-grid-cell", "nbapp-grid-group")
        span = props["column_span"]
        if isinstance(span, int) and span > 1:
            box.add_class(f"nbapp-span-{span}")
            box.nbapp_column_span = span
        # One grid-area, not grid-column / grid-row: ipywidgets' layout view clears grid-area (a
        # shorthand of both) after setting them, which would undo them in the browser.
        box.layout.grid_area = props["grid_area"]
        return box

    def update(self, widget, props, old):
        return not changed(props, old, "grid_area", "column_span")
