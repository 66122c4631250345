"""The object behind ``st``, ``st.sidebar`` and every container: a cursor plus every ``st.*`` command.

Streamlit calls it a DeltaGenerator. Its element methods are the commands declared in
``nbapp/elements`` (see ``nbapp.elements.registry``), installed here once; this module holds
the three primitives they all use: append an element, append a block, draw a widget.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import nbapp.elements  # noqa: F401  (imports every element family, which registers its commands)
from nbapp.elements.policies import LABEL_VISIBILITIES, check_callback, check_choice, check_key, check_type
from nbapp.elements.registry import COMMANDS
from nbapp.errors import CachedWidgetWarning, InvalidCommandError, NbappAPIError
from nbapp.names import STREAMLIT_NAMES
from nbapp.runtime.binding import UrlCodec, mirror, seed
from nbapp.runtime.context import get_run_context, require_run_context
from nbapp.runtime.runner import RunContext
from nbapp.runtime.state import PAGE_KEY, PERSIST_SCOPES, WidgetMeta
from nbapp.tree import Block, Element


class DeltaGenerator:
    """Where element calls land.

    ``root`` names a root of the app ("main", "sidebar", "bottom", a dialog...) and binds
    ``st`` / ``st.sidebar`` to the current run; ``block`` is a container made in this run
    (a column, a tab...); with ``slot`` set, the next element call replaces the child at that
    index instead of appending (what ``st.empty()`` and every element's handle do).
    """

    def __init__(self, *, root: str | None = None, block: Block | None = None, slot: int | None = None):
        self._root = root
        self._block_ref = block
        self._slot = slot

    def __repr__(self) -> str:
        where = self._root or (self._block_ref.kind if self._block_ref else "?")
        path = self._path()
        return f"<nbapp DeltaGenerator {where}{' at ' + path if path else ''}>"

    def __getattr__(self, name: str):
        """A command this container lacks: Streamlit's message, as an error the app shows (hasattr stays False)."""
        if name.startswith("_"):
            raise AttributeError(name)
        if name in STREAMLIT_NAMES:
            where = "`st.sidebar`" if self._root == "sidebar" else "`DeltaGenerator` objects"
            raise InvalidCommandError(f"Method `{name}()` does not exist for {where}. Did you mean `st.{name}()`?")
        raise InvalidCommandError(f"`{name}()` is not a valid Streamlit command.")

    def _path(self) -> str:
        """Where this container sits in the current run's tree ("main/2/1"), or "" when unknown.

        Part of the repr because scripts use ``key=str(container)`` or ``key=tab`` (Streamlit's
        repr shows the path too): two tabs must give two keys, stable across reruns.
        """
        ctx = get_run_context()
        if ctx is None or self._block_ref is None:
            return ""
        for name, root in ctx.roots.items():
            found = _find_path(root, self._block_ref)
            if found is not None:
                return "/".join([name, *map(str, found)])
        return ""

    # -- cursor ------------------------------------------------------------------
    def __enter__(self) -> "DeltaGenerator":
        require_run_context("with").stack.append(self)
        return self

    def __exit__(self, *exc: Any) -> bool:
        ctx = require_run_context("with")
        if ctx.stack and ctx.stack[-1] is self:
            ctx.stack.pop()
        return False

    def _target(self, ctx: RunContext) -> Block:
        return self._cursor(ctx)[0]

    def _cursor(self, ctx: RunContext) -> tuple[Block, int | None]:
        """Where the next element goes: the block, and the slot it replaces (None: appended).

        ``st.*`` inside ``with`` writes where the entered container would, so inside
        ``with st.empty():`` each element replaces the previous one, as in Streamlit.
        """
        if self._root == "main":
            return ctx.stack[-1]._cursor(ctx) if ctx.stack else (ctx.root_block("main"), None)
        if self._root is not None:
            if self._root == "sidebar" and ctx.scope is not None:
                raise NbappAPIError(
                    "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. To write "
                    "elements to the sidebar with a fragment, call your fragment function inside a "
                    "`with st.sidebar` context manager.")
            return ctx.root_block(self._root), None
        return self._block_ref, self._slot

    # -- the three primitives -----------------------------------------------------
    def _enqueue(self, kind: str, props: dict[str, Any], *, id: str | None = None, live: bool = False) -> "DeltaGenerator":
        """Append (or, in a slot, replace with) an element; return a handle that replaces it."""
        return self._place(Element(kind, props, id), live)

    def _add_block(self, kind: str, props: dict[str, Any] | None = None, form: str | None = None) -> "DeltaGenerator":
        """Append a child block and return the DeltaGenerator that writes into it."""
        ctx = require_run_context(kind)
        block = Block(kind, props or {}, form=form or self._target(ctx).form)
        self._place(block, False, ctx)
        if ctx.scope is not None:
            ctx.scope_blocks.add(id(block))
        return DeltaGenerator(block=block)

    def _place(self, node, live: bool, ctx: RunContext | None = None, checkpoint: bool = True) -> "DeltaGenerator":
        ctx = ctx or require_run_context(node.kind)
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
        ctx.element_added(node, live or slot is not None, self._root)
        return DeltaGenerator(block=parent, slot=index)

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
        to_wire: Callable[[Any], Any] | None = None,
        on_change: Callable[..., None] | None = None,
        args: tuple | None = None,
        kwargs: dict | None = None,
        help: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        trigger: bool = False,
        bind: str | None = None,
        persist_state: str | None = None,
        url: UrlCodec | None = None,
        width: int | str | None = None,
    ) -> Any:
        """Register a widget drawn in this run, add its element, and return its value.

        Identity is ``kind`` plus ``identity`` and ``bounds``; with a ``key`` only the
        key and ``bounds`` (the parameters that bound the value) count, so a new label
        keeps the value. ``deserialize`` turns a value from the browser into the app's
        (clamping it or keeping the default, with a warning); ``serialize`` gives the value the
        browser shows, ``to_wire`` what a browser sends for a value when that differs.
        ``bind="query-params"`` ties the value to the URL query parameter named by the key,
        written and read with ``url`` (see nbapp.runtime.binding); ``persist_state`` ("page"
        or "session") keeps the value while the widget is not drawn. ``width`` ("stretch",
        "content" or pixels) goes to the element's props. Raises NbappAPIError for a bad
        label, key, callback, visibility, width, bind or persist_state.
        """
        ctx = require_run_context(kind)
        # A stale run stops before the widget is registered, never between registering and
        # returning the value: a button the script never saw keeps its click for the next run.
        ctx.checkpoint()
        if ctx.in_cached_function and self._slot is None:
            # As Streamlit: a widget inside a cached function is drawn only on a cache miss; say so.
            self.exception(CachedWidgetWarning())
        check_type(kind, "label", label, str)
        key = check_key(kind, key, label=label)
        check_choice(kind, "label_visibility", label_visibility, LABEL_VISIBILITIES, label=label)
        rerun = not (isinstance(on_change, str) and on_change == "ignore")
        if isinstance(on_change, str) and on_change in ("rerun", "ignore"):
            on_change = None  # Streamlit's modes: "ignore" stores a change without rerunning the app
        check_callback(kind, "on_change/on_click", on_change, label=label)
        _check_bind(kind, label, key, bind, persist_state, url)
        if width is not None and not (isinstance(width, str) and width in ("stretch", "content")) and not (
                isinstance(width, int) and not isinstance(width, bool) and width > 0):
            raise NbappAPIError(f"st.{kind}({label!r}): width must be 'stretch', 'content' or a positive int (pixels), "
                                f"got {width!r}.")
        target = self._target(ctx)
        if ctx.scope is not None and id(target) not in ctx.scope_blocks:
            raise NbappAPIError(
                f"st.{kind}({label!r}): fragments cannot write widgets to outside containers. Draw the widget "
                "in the fragment's own body (or a container made inside the fragment).")
        form = target.form
        bounds = bounds or {}
        if key is None:
            ident = _digest(kind, sorted(identity.items()), sorted(bounds.items()), form)
            wid = f"$$ID-{ident}"
        else:
            ident = _digest(kind, key, sorted(bounds.items()))
            wid = f"$$ID-{ident}-{key}"
        meta = WidgetMeta(
            id=wid, kind=kind, key=key, identity=ident, default=default, deserialize=deserialize,
            serialize=serialize, on_change=on_change, args=tuple(args or ()), kwargs=dict(kwargs or {}),
            trigger=trigger, form_id=form, label=label, scope=ctx.scope, to_wire=to_wire, rerun=rerun,
            url=url if bind else None, persist=persist_state, page=ctx.session_state._values.get(PAGE_KEY),
            disabled=bool(disabled),
        )
        if meta.url is not None and meta.state_key not in ctx.widget_ids:
            seed(ctx.session_state, ctx.app.query_params, meta)
        value = ctx.register_widget(meta)
        if meta.url is not None:
            mirror(ctx.app.query_params, meta, value)
        element_props = {
            "label": label, "help": help, "disabled": bool(disabled),
            "label_visibility": label_visibility, "value": serialize(value),
            "state_key": meta.state_key, "form": form, **({} if width is None else {"width": width}),
            **(props or {}),
        }
        if pushes := ctx.session_state.pushes(meta.state_key):
            element_props["pushed"] = pushes  # the app set the value: show it even if unchanged
        self._place(Element(kind, element_props, wid), False, ctx, checkpoint=False)
        return value


for _name, _command in COMMANDS.items():
    setattr(DeltaGenerator, _name, _command)


def _check_bind(kind: str, label: str, key: str | None, bind: Any, persist_state: Any, url: Any) -> None:
    """Streamlit's checks of ``bind`` and ``persist_state``: known values, and a key to name the state."""
    where = f"st.{kind}({label!r})" if label else f"st.{kind}()"
    if bind is not None and not (isinstance(bind, str) and bind == "query-params"):
        raise NbappAPIError(f"{where}: bind must be 'query-params' or None, got {bind!r}.")
    if bind is not None and key is None:
        raise NbappAPIError(
            f"{where}: The `key` parameter is required. When using bind='query-params', the widget must have a "
            "unique 'key' parameter specified. This 'key' will be used as the name of the query parameter "
            f"(st.{kind}(..., key='x', bind='query-params') reads and writes ?x=...).")
    if bind is not None and url is None:
        raise NbappAPIError(f"{where}: bind='query-params' is not supported by st.{kind} in nbapp yet.")
    if persist_state is not None and not (isinstance(persist_state, str) and persist_state in PERSIST_SCOPES):
        raise NbappAPIError(f"{where}: persist_state must be 'page', 'session' or None, got {persist_state!r}.")
    if persist_state is not None and key is None:
        raise NbappAPIError(
            f"{where}: The `key` parameter is required. When using persist_state, the widget must have a unique "
            "'key' parameter specified so its value can be preserved across reruns and page switches.")


def _digest(*parts: Any) -> str:
    return hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()[:16]


def _find_path(block: Block, target: Block) -> list[int] | None:
    """Return the child indexes leading from ``block`` to ``target``, or None when it is not below."""
    if block is target:
        return []
    for i, child in enumerate(block.children):
        if isinstance(child, Block):
            found = _find_path(child, target)
            if found is not None:
                return [i, *found]
    return None
