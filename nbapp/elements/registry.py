"""Element kinds, declared once: the ``st.*`` command, its tree kind, its browser side, its frozen HTML.

An element module declares each command with :func:`element`; from that one entry follow
the ``st.*`` export and the container method (``nbapp.delta_generator``), AppTest's element
list and ``.value`` (``nbapp.testing``), the browser side (``nbapp.render``: an ES module
drawn through anywidget, or an ipywidgets adapter registered for the kind) and the static
HTML of ``nbapp export`` and the served page's first paint (``nbapp.serve.static``).

Examples
--------
>>> @element(value="body", frontend=Frontend("tag.js", css="tag.css"),
...          static=lambda props: f"<span>{html.escape(props['body'])}</span>")
... def tag(dg, body: str):
...     '''Display a small coloured label; returns the element's handle.'''
...     check_str("tag", "body", body, optional=False)
...     return dg._enqueue("tag", {"body": body})
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

FRONTEND_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "frontend")


@dataclass(frozen=True)
class Frontend:
    """An element's browser side: an ES module (and stylesheet) shipped in ``nbapp/frontend/``.

    The module follows anywidget's contract (``export default { render({ model, el }) }``)
    and reads the element's props with ``model.get(name)``. Props named in ``traits`` are
    synced one by one (only a changed one travels again: a chart's data, not its spec);
    the others travel together as ``props``. A widget element sends its value with
    ``model.set("value", v); model.save_changes()``. Props whose name starts with ``_``
    stay in the kernel. ``on_message(props, content, cache)`` answers the module's own
    messages (``model.send(content)``): it returns the reply's content (or None for no
    reply), which the module receives as ``model.on("msg:custom", ...)``; ``cache`` is a
    dict kept per drawn element. The grid fetches its pages of rows that way.
    """

    module: str
    css: str | None = None
    traits: tuple[str, ...] = ()
    on_message: Callable[[dict[str, Any], dict[str, Any], dict[str, Any]], dict[str, Any] | None] | None = None

    def source(self) -> tuple[str, str]:
        """Return the module's JavaScript and its CSS ('' when none); raises OSError when missing."""
        with open(os.path.join(FRONTEND_DIR, self.module), encoding="utf-8") as f:
            esm = f.read()
        css = ""
        if self.css:
            with open(os.path.join(FRONTEND_DIR, self.css), encoding="utf-8") as f:
                css = f.read()
        return esm, css


@dataclass(frozen=True)
class Kind:
    """One kind of node in the element tree (``"title"``, ``"slider"``, ``"column"``...).

    ``value`` names the prop AppTest's ``.value`` reads (widgets read their state instead);
    ``accessor`` is AppTest's list name when it differs from the kind (``at.columns``);
    ``frontend`` draws it in the browser (None: an ipywidgets adapter in ``nbapp.render``);
    ``static`` returns its frozen HTML from its props (None: drawn from its widgets' state).
    """

    name: str
    value: str | None = None
    accessor: str | None = None
    frontend: Frontend | None = None
    static: Callable[[dict[str, Any]], str] | None = None


KINDS: dict[str, Kind] = {}
COMMANDS: dict[str, Callable[..., Any]] = {}  # st.<name> -> function(dg, ...)


def declare(name: str, **fields: Any) -> Kind:
    """Register the tree kind ``name`` (see :class:`Kind` for ``fields``); returns it.

    Raises ValueError when the kind is already declared: two modules would fight over it.
    """
    if name in KINDS:
        raise ValueError(f"element kind {name!r} is declared twice")
    kind = KINDS[name] = Kind(name, **fields)
    return kind


def element(name: str | None = None, *, kind: str | bool = True, **fields: Any):
    """Decorator: make ``fn(dg, ...)`` the command ``st.<name>`` (default: the function's name).

    ``kind=True`` also declares the tree kind of the same name with ``fields`` (see
    :class:`Kind`); a string declares that kind instead; False declares none (the
    command draws kinds declared elsewhere, as ``st.write`` does). Returns ``fn``.
    Raises ValueError when the command is registered twice.
    """

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        command = name or fn.__name__
        if command in COMMANDS:
            raise ValueError(f"st.{command} is registered twice")
        COMMANDS[command] = fn
        if kind is True:
            declare(command, **fields)
        elif isinstance(kind, str):
            declare(kind, **fields)
        return fn

    return register


def accessors() -> dict[str, str]:
    """Return AppTest's list names that differ from their kind (``{"columns": "column"}``)."""
    return {k.accessor: k.name for k in KINDS.values() if k.accessor}
