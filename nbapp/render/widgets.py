"""Reconcile a run's tree onto ipywidgets, reusing the widget of every node whose key survived.

Same key and kind: the widget is updated in place inside ``hold_sync`` (only changed
traits reach the browser). New key: a widget is created. Vanished key: its widget is
closed. A container's ``children`` is reassigned only when its tuple of widgets changed,
so the browser keeps focus, scroll position and drag state of everything else.
"""
from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w

import nbapp.render
from nbapp import tree
from nbapp.elements.registry import KINDS
from nbapp.render.frontend import ModuleAdapter
from nbapp.render.registry import ADAPTERS, Adapter, BlockAdapter, same
from nbapp.render.style import stylesheet

OnInput = Callable[[str, Any], None]  # (state key, wire value) from the browser


@dataclass
class Drawn:
    """What the renderer drew for one node last time."""

    kind: str
    props: dict[str, Any]
    widget: w.Widget
    children: dict[str, "Drawn"] = field(default_factory=dict)
    failed: bool = False  # the adapter raised: ``widget`` is the error shown in its place


def _import_adapters() -> None:
    """Import every module of ``nbapp.render``: each registers the adapters it defines."""
    for module in pkgutil.walk_packages(nbapp.render.__path__, prefix="nbapp.render."):
        importlib.import_module(module.name)


_import_adapters()


def adapter_for(kind: str) -> Adapter:
    """Return the adapter that draws ``kind``: its ES module when it declares one, else its ipywidgets adapter."""
    adapter = ADAPTERS.get(kind)
    if adapter is None:
        declared = KINDS.get(kind)
        if declared is not None and declared.frontend is not None:
            adapter = ADAPTERS[kind] = ModuleAdapter(declared)
        else:
            adapter = ADAPTERS["unknown"]
    return adapter


class WidgetRenderer:
    """Keeps one app's widgets in step with its trees. ``root`` is the widget to display."""

    def __init__(self, on_input: OnInput, extras: tuple[w.Widget, ...] = ()) -> None:
        self._on_input = on_input
        self._render_thread: int | None = None  # the thread inside render(), while it runs
        self._drawn: Drawn | None = None
        self._fixed = (stylesheet(), *extras)  # shown before the app's content: stylesheet, page bridge
        self.root = w.VBox(children=self._fixed)
        self.root.add_class("nbapp-app")

    def render(self, root: tree.Block, *, final: bool = True) -> None:
        """Show ``root``. A partial tree (``final=False``, mid-run) keeps the old trailing widgets."""
        self._render_thread = threading.get_ident()
        try:
            self._drawn = self._reconcile(root, self._drawn, final)
        finally:
            self._render_thread = None
        content = self._drawn.widget
        if self.root.children != (*self._fixed, content):
            self.root.children = (*self._fixed, content)

    def close(self) -> None:
        """Close every widget this renderer created."""
        if self._drawn is not None:
            _close(self._drawn)
        _close_widget(self.root)  # with the stylesheet and the root's own layout

    def _emit_for(self, props: dict[str, Any]) -> Callable[[Any], None]:
        state_key = props.get("state_key")

        def emit(value: Any) -> None:
            # Trait changes made by render() itself echo here on its own thread: not user input.
            # A value the browser sends meanwhile arrives on another thread and must not be lost.
            if self._render_thread == threading.get_ident():
                return
            if isinstance(value, dict) and isinstance(value.get("nbapp_input"), list) and len(value["nbapp_input"]) == 2:
                # An input for another widget drawn inside this element (a grid's ButtonColumn click).
                target, wire = value["nbapp_input"]
                self._on_input(str(target), wire)
            elif state_key is not None:
                self._on_input(state_key, value)

        return emit

    def _reconcile(self, node: tree.Node, old: Drawn | None, final: bool) -> Drawn:
        adapter = adapter_for(node.kind)
        try:
            drawn = self._draw(node, old, adapter)
        except Exception as err:  # noqa: BLE001  (one element the front end cannot draw must not take the app down)
            if old is not None:
                _close(old)
            return self._failed(node, err)
        if isinstance(node, tree.Block) and not drawn.failed:
            self._reconcile_children(node, drawn, adapter, final)
        return drawn

    def _draw(self, node: tree.Node, old: Drawn | None, adapter: Adapter) -> Drawn:
        """The widget for ``node``: ``old``'s, updated in place when its adapter can, else a new one."""
        if old is not None and old.kind == node.kind and not old.failed:
            if same(old.props, node.props):
                return old
            with old.widget.hold_sync():
                if adapter.update(old.widget, node.props, old.props):
                    return Drawn(node.kind, node.props, old.widget, old.children)
        if old is not None:
            _close(old)
        return Drawn(node.kind, node.props, adapter.create(node.props, self._emit_for(node.props)))

    def _failed(self, node: tree.Node, err: Exception) -> Drawn:
        """An error element in ``node``'s place, saying which command could not be drawn and why."""
        name = KINDS[node.kind].name if node.kind in KINDS else node.kind
        shown = {"type": type(err).__name__, "message": f"nbapp could not draw st.{name}: {err}", "traceback": []}
        return Drawn(node.kind, node.props, ADAPTERS["exception"].create(shown, self._emit_for({})), failed=True)

    def _reconcile_children(self, node: tree.Block, drawn: Drawn, adapter: BlockAdapter, final: bool) -> None:
        old_children = drawn.children
        children: dict[str, Drawn] = {}
        for key, child in zip(tree.node_keys(node.children), node.children):
            children[key] = self._reconcile(child, old_children.get(key), final)
        for key, old in old_children.items():
            if key in children:
                continue
            if final:
                _close(old)
            else:
                children[key] = old  # not reached yet in this run: keep showing the old one
        drawn.children = children
        adapter.set_children(drawn.widget, tuple(c.widget for c in children.values()))


def _close(drawn: Drawn) -> None:
    for child in drawn.children.values():
        _close(child)
    _close_widget(drawn.widget)


def _close_widget(widget: w.Widget) -> None:
    """Close a widget with the parts an adapter built inside it (label, control, layout, style).

    The children of a holder of the app's own widgets (st.jupyter_widget) stay open.
    """
    if not getattr(widget, "_nbapp_borrowed_children", False):
        for part in getattr(widget, "children", ()):
            _close_widget(part)
    for name in ("layout", "style"):
        part = getattr(widget, name, None)
        if isinstance(part, w.Widget):
            part.close()
    widget.close()
