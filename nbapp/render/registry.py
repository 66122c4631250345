"""Adapters draw one element kind with ipywidgets; the registry maps kinds to adapters."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

Emit = Callable[[Any], None]  # send a value typed in the browser to the app (wire form)

ADAPTERS: dict[str, "Adapter"] = {}


class Adapter:
    """How one element kind becomes an ipywidget.

    ``kind`` is the element kind the instance draws. ``create`` builds the widget; ``update`` changes it in place (called inside
    ``hold_sync`` only when the props changed) and returns False when the widget must be
    rebuilt instead. Input adapters call ``emit(value)`` when the user changes the widget.
    """

    kind = ""

    def create(self, props: dict[str, Any], emit: Emit) -> w.Widget:
        raise NotImplementedError

    def update(self, widget: w.Widget, props: dict[str, Any], old: dict[str, Any]) -> bool:
        return False


class BlockAdapter(Adapter):
    """Containers: ``set_children`` places the child widgets (default: ``box.children``)."""

    def set_children(self, widget: w.Widget, children: tuple[w.Widget, ...]) -> None:
        if widget.children != children:
            widget.children = children


def adapter(*kinds: str):
    """Class decorator: register an instance of the adapter class for each of ``kinds``."""

    def register(cls: type[Adapter]) -> type[Adapter]:
        for kind in kinds:
            instance = cls()
            instance.kind = kind
            ADAPTERS[kind] = instance
        return cls

    return register


def classed(widget: w.Widget, *classes: str) -> w.Widget:
    """Return ``widget`` with the CSS classes added (the stylesheet keys off ``nbapp-*``)."""
    for name in classes:
        widget.add_class(name)
    return widget


def same(a: Any, b: Any) -> bool:
    """Equality that also works for DataFrames, arrays and objects whose ``==`` is elementwise."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if hasattr(a, "equals"):  # pandas
        return bool(a.equals(b))
    try:
        return bool(a == b)
    except (TypeError, ValueError):  # numpy arrays and other elementwise comparisons
        return False


def changed(props: dict[str, Any], old: dict[str, Any], *names: str) -> bool:
    """Return True when any of ``names`` differs between ``props`` and ``old``."""
    return any(not same(props.get(n), old.get(n)) for n in names)
