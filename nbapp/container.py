"""The object behind ``st``, ``st.sidebar`` and every container: element methods plus a cursor.

Each element family contributes a mixin (``nbapp/elements/*``); this module holds the
three primitives they all use: append an element, append a block, draw a widget.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from nbapp.elements.alerts import AlertsMixin
from nbapp.elements.data import DataMixin
from nbapp.elements.layout import LayoutMixin
from nbapp.elements.status import StatusMixin
from nbapp.elements.text import TextMixin
from nbapp.elements.widgets import WidgetsMixin
from nbapp.elements.write import WriteMixin
from nbapp.errors import NbappAPIError, NoRunContextError, describe
from nbapp.runtime.context import get_run_context
from nbapp.runtime.runner import RunContext
from nbapp.runtime.state import WidgetMeta
from nbapp.tree import Block, Element

LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")


class Container(TextMixin, WriteMixin, AlertsMixin, DataMixin, LayoutMixin, StatusMixin, WidgetsMixin):
    """Where element calls land.

    ``root`` ("main" / "sidebar") binds ``st`` and ``st.sidebar`` to the current run;
    ``block`` is a container made in this run (a column, a tab...); with ``slot`` set,
    the next element call replaces the child at that index instead of appending (what
    ``st.empty()`` and the handle returned by every element call do).
    """

    def __init__(self, *, root: str | None = None, block: Block | None = None, slot: int | None = None):
        self._root = root
        self._block_ref = block
        self._slot = slot

    def __repr__(self) -> str:
        where = self._root or (self._block_ref.kind if self._block_ref else "?")
        return f"<nbapp container {where}>"

    # -- cursor ------------------------------------------------------------------
    def __enter__(self) -> "Container":
        _context(self, "with").stack.append(self)
        return self

    def __exit__(self, *exc: Any) -> bool:
        ctx = get_run_context()
        if ctx is not None and ctx.stack and ctx.stack[-1] is self:
            ctx.stack.pop()
        return False

    def _target(self, ctx: RunContext) -> Block:
        return self._cursor(ctx)[0]

    def _cursor(self, ctx: RunContext) -> tuple[Block, int | None]:
        """Where the next element goes: the block, and the slot it replaces (None: appended).

        ``st.*`` inside ``with`` writes where the entered container would, so inside
        ``with st.empty():`` each element replaces the previous one, as in Streamlit.
        """
        if self._root == "sidebar":
            return ctx.sidebar, None
        if self._root == "main":
            return ctx.stack[-1]._cursor(ctx) if ctx.stack else (ctx.main, None)
        return self._block_ref, self._slot

    # -- the three primitives -----------------------------------------------------
    def _enqueue(self, kind: str, props: dict[str, Any], *, id: str | None = None, live: bool = False) -> "Container":
        """Append (or, in a slot, replace with) an element; return a handle that replaces it."""
        return self._place(Element(kind, props, id), live)

    def _add_block(self, kind: str, props: dict[str, Any] | None = None, form: str | None = None) -> "Container":
        """Append a child block and return the Container that writes into it."""
        ctx = _context(self, kind)
        block = Block(kind, props or {}, form=form or self._target(ctx).form)
        self._place(block, False, ctx)
        return Container(block=block)

    def _place(self, node, live: bool, ctx: RunContext | None = None, checkpoint: bool = True) -> "Container":
        ctx = ctx or _context(self, node.kind)
        if checkpoint:
            ctx.checkpoint()
        parent, slot = self._cursor(ctx)
        if slot is not None:
            while len(parent.children) <= slot:
                parent.children.append(Block("empty"))
            parent.children[slot] = node
            index = slot
        else:
            parent.children.append(node)
            index = len(parent.children) - 1
        ctx.element_added(live or slot is not None)
        return Container(block=parent, slot=index)

    def _widget(
        self,
        kind: str,
        label: str,
        *,
        key: str | int | None,
        default: Any,
        identity: dict[str, Any],
        bounds: dict[str, Any] | None = None,
        props: dict[str, Any] | None = None,
        serialize: Callable[[Any], Any] = lambda v: v,
        deserialize: Callable[[Any], Any] = lambda v: v,
        on_change: Callable[..., None] | None = None,
        args: tuple | None = None,
        kwargs: dict | None = None,
        help: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        trigger: bool = False,
    ) -> Any:
        """Register a widget drawn in this run, add its element, and return its value.

        Identity is ``kind`` plus ``identity`` and ``bounds``; with a ``key`` only the
        key and ``bounds`` (the parameters that bound the value) count, so a new label
        keeps the value. Raises NbappAPIError for a bad label, key or visibility.
        """
        ctx = _context(self, kind)
        # A stale run stops before the widget is registered, never between registering and
        # returning the value: a button the script never saw keeps its click for the next run.
        ctx.checkpoint()
        check_type(kind, "label", label, str)
        if key is not None and not isinstance(key, (str, int)):
            raise NbappAPIError(f"st.{kind}({label!r}): key must be a str or int, got {describe(key)}.")
        check_choice(kind, "label_visibility", label_visibility, LABEL_VISIBILITIES)
        if on_change is not None and not callable(on_change):
            raise NbappAPIError(f"st.{kind}({label!r}): on_change/on_click must be callable, got {describe(on_change)}.")
        key = None if key is None else str(key)
        form = self._target(ctx).form
        bounds = bounds or {}
        if key is None:
            ident = _digest(kind, sorted(identity.items()), sorted(bounds.items()), form)
            wid = f"$$ID-{ident}"
        else:
            ident = _digest(kind, key, sorted(bounds.items()))
            wid = f"$$ID-{ident}-{key}"
        meta = WidgetMeta(
            id=wid, kind=kind, key=key, identity=ident, default=default, deserialize=deserialize,
            serialize=serialize, on_change=on_change, args=tuple(args or ()), kwargs=dict(kwargs or {}), trigger=trigger, form_id=form,
        )
        value = ctx.register_widget(meta, label)
        element_props = {
            "label": label, "help": help, "disabled": bool(disabled),
            "label_visibility": label_visibility, "value": serialize(value),
            "state_key": meta.state_key, "form": form, **(props or {}),
        }
        if pushes := ctx.session_state.pushes(meta.state_key):
            element_props["pushed"] = pushes  # the app set the value: show it even if unchanged
        self._place(Element(kind, element_props, wid), False, ctx, checkpoint=False)
        return value


def _digest(*parts: Any) -> str:
    return hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()[:16]


def _context(container: Container, kind: str) -> RunContext:
    ctx = get_run_context()
    if ctx is None:
        raise NoRunContextError(
            f"st.{kind}() was called outside an app run. Put it in an %%app cell "
            f"(after %load_ext nbapp), serve the script with `nbapp run`, or test it with "
            f"nbapp.testing.AppTest."
        )
    return ctx


def check_type(fn: str, arg: str, value: Any, types: type | tuple[type, ...]) -> None:
    """Raise NbappAPIError naming ``st.fn``'s ``arg`` when ``value`` is not of ``types``."""
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
        names = " or ".join(t.__name__ for t in _as_tuple(types))
        raise NbappAPIError(f"st.{fn}(): {arg} must be {names}, got {describe(value)} ({type(value).__name__}).")


def check_choice(fn: str, arg: str, value: Any, choices: tuple) -> None:
    """Raise NbappAPIError naming ``st.fn``'s ``arg`` when ``value`` is not one of ``choices``."""
    if value not in choices:
        raise NbappAPIError(f"st.{fn}(): {arg} must be one of {', '.join(map(repr, choices))}; got {describe(value)}.")


def _as_tuple(types):
    return types if isinstance(types, tuple) else (types,)


def current_container() -> Container:
    """Return the container that ``st.*`` calls write to right now (inside ``with`` blocks too)."""
    return Container(root="main")
