"""Fragments and dialogs: functions whose output reruns on its own (``@st.fragment``, ``@st.dialog``).

Calling a fragment function draws a block with a stable id (its function and the place it
was called from); a widget drawn inside it records the fragment (``WidgetMeta.scope``), so a
change of that widget reruns only the function, into a fresh block that replaces the old one
(``App.run(scope=...)``). A dialog is a fragment drawn into the "dialog" root as a modal.
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from nbapp.delta_generator import DeltaGenerator
from nbapp.elements.policies import check_icon
from nbapp.elements.registry import declare
from nbapp.errors import NbappAPIError, StopException, describe
from nbapp.runtime.context import get_run_context, require_run_context
from nbapp.runtime.runner import RunContext, Scope
from nbapp.runtime.source import exception_element
from nbapp.runtime.state import WidgetMeta
from nbapp.tree import Block

F = TypeVar("F", bound=Callable[..., Any])

declare("fragment")
declare("dialog_frame", accessor="dialog")

DIALOG_WIDTHS = ("small", "medium", "large")
DISMISS_ACTIONS = ("ignore", "rerun")
_UNITS = {"ms": 0.001, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400, "day": 86400,
          "days": 86400, "w": 604800}
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)\s*")


def fragment(func: F | None = None, *, run_every: int | float | timedelta | str | None = None,
             parallel: bool = False, key: str | int | None = None) -> F | Callable[[F], F]:
    """Decorator: turn ``func`` into a fragment, which reruns on its own when a widget inside it changes.

    Returns the decorated function (``@st.fragment``) or a decorator (``@st.fragment(run_every=2)``).
    ``run_every`` (seconds, a ``timedelta`` or a string such as ``"2s"``, ``"1m30s"``) also
    reruns it on that interval while the app is shown. ``key`` names it for
    ``st.rerun("key")`` (``parallel`` is accepted; nbapp runs fragments one at a time).
    ``st.rerun(scope="fragment")`` inside
    it reruns only the fragment; ``st.rerun()`` the whole app, which reruns every fragment.
    Widgets must be drawn in the fragment's own body (NbappAPIError otherwise), and
    ``st.sidebar`` cannot be used inside it (call the fragment inside ``with st.sidebar:``).
    Raises NbappAPIError for a ``run_every`` that is not a positive interval.

    Examples
    --------
    >>> @st.fragment(run_every="5s")
    ... def live_prices():
    ...     st.metric("BTC", fetch_price())
    >>> live_prices()
    """
    interval = _seconds(run_every)
    if key is not None and (not isinstance(key, (str, int)) or isinstance(key, bool) or key == ""):
        raise NbappAPIError(f"st.fragment(): key must be a non-empty str or an int, got {describe(key)}.")
    key = None if key is None else str(key)
    if func is None:
        return lambda f: _fragment(f, interval, key=key)
    if not callable(func):
        raise NbappAPIError(f"st.fragment(): func must be a function to decorate, got {describe(func)}.")
    return _fragment(func, interval, key=key)


def dialog(title: str, *, width: str | int = "small", position: str = "center", dismissible: bool = True,
           icon: str | None = None, on_dismiss: str | Callable[[], Any] = "ignore") -> Callable[[F], F]:
    """Decorator: calling the decorated function opens a modal dialog titled ``title`` that draws its output.

    Returns the decorator. The dialog's body is a fragment (its widgets rerun only the
    dialog); ``st.rerun()`` inside it reruns the app, which closes the dialog unless the
    script opens it again. ``width`` is "small", "medium", "large" or pixels; ``position``
    "left", "center" or "right"; ``icon`` an emoji before the title. With ``dismissible``
    the user can close it (its X button); ``on_dismiss`` then does nothing ("ignore"),
    reruns the app ("rerun"), or calls a function and reruns. Raises NbappAPIError for an
    empty title, a bad width or on_dismiss, and (shown in the app) for a dialog opened while
    another is open.

    Examples
    --------
    >>> @st.dialog("Delete the file?")
    ... def confirm(name):
    ...     if st.button("Delete"):
    ...         os.remove(name)
    ...         st.rerun()
    >>> if st.button("Delete data.csv"):
    ...     confirm("data.csv")
    """
    if callable(title) or not isinstance(title, str) or not title:
        raise NbappAPIError(
            f"st.dialog(): a non-empty title is required, got {describe(title)}. "
            "Write `@st.dialog(\"Example Title\")`.")
    if width not in DIALOG_WIDTHS and not (isinstance(width, int) and not isinstance(width, bool) and width > 0):
        raise NbappAPIError(f"st.dialog({title!r}): width must be 'small', 'medium', 'large' or a positive int "
                            f"(pixels), got {describe(width)}.")
    if position not in ("left", "center", "right"):
        raise NbappAPIError(f"st.dialog({title!r}): position must be 'left', 'center' or 'right', "
                            f"got {describe(position)}.")
    icon = check_icon("dialog", icon)
    if not (on_dismiss in DISMISS_ACTIONS or callable(on_dismiss)):
        raise NbappAPIError(f"st.dialog({title!r}): on_dismiss must be 'ignore', 'rerun' or a function, "
                            f"got {describe(on_dismiss)}.")
    props = {"title": title, "width": width, "position": position, "icon": icon, "dismissible": bool(dismissible),
             "on_dismiss": on_dismiss if isinstance(on_dismiss, str) else "callable"}

    def decorate(func: F) -> F:
        body = _fragment(func, None, kind="dialog_frame", props=props, where=lambda: DeltaGenerator(root="dialog"),
                         before=functools.partial(_open_dialog, title, on_dismiss, bool(dismissible)))
        return body  # type: ignore[return-value]

    return decorate


# -- machinery -----------------------------------------------------------------------------
def _fragment(func: Callable[..., Any], interval: float | None, *, key: str | None = None, kind: str = "fragment",
              props: dict[str, Any] | None = None, where: Callable[[], DeltaGenerator] | None = None,
              before: Callable[[RunContext, dict[str, Any]], None] | None = None):
    name = f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', repr(func))}"

    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> Any:
        ctx = get_run_context()
        if ctx is None:
            return None  # as in Streamlit: a fragment does nothing outside an app run
        fid = _fragment_id(ctx, name) if key is None else f"fragment-key-{key}"
        block_props = dict(props or {})
        if key is not None:
            block_props["key"] = key
        if interval is not None:
            block_props["run_every"] = interval
        if before is not None:
            before(ctx, block_props)
        container = where() if where is not None else DeltaGenerator(root="main")
        handle = container._add_block(kind, block_props)
        block = handle._block_ref
        block.id = fid
        result: list[Any] = [None]

        def draw(into: Block) -> None:
            result[0] = _draw_body(require_run_context("fragment"), into, func, args, kwargs, fid)

        ctx.fragments[fid] = Scope(fid, draw, kind, block_props)
        draw(block)
        return result[0]

    return call


def _draw_body(ctx: RunContext, block: Block, func: Callable[..., Any], args: tuple, kwargs: dict, fid: str) -> Any:
    """Run the fragment's function with its output going into ``block`` and its widgets recording ``fid``."""
    saved = (ctx.scope, ctx.scope_blocks, ctx.stack, ctx.fragment_calls)
    ctx.scope, ctx.scope_blocks, ctx.stack = fid, {id(block)}, [DeltaGenerator(block=block)]
    ctx.fragment_calls = {}  # nested fragments are numbered within their parent
    try:
        return func(*args, **kwargs)
    except Exception as exc:  # shown inside the fragment, where it happened; the run stops there
        block.children.append(exception_element(exc))
        raise StopException() from exc
    finally:
        ctx.scope, ctx.scope_blocks, ctx.stack, ctx.fragment_calls = saved


def _fragment_id(ctx: RunContext, name: str) -> str:
    """A stable id: the enclosing fragment, the function, and how many times it was called before in there."""
    calls = ctx.fragment_calls
    n = calls[name] = calls.get(name, -1) + 1
    digest = hashlib.md5(repr((ctx.scope, name, n)).encode(), usedforsecurity=False).hexdigest()[:16]
    return f"fragment-{digest}"


def _open_dialog(title: str, on_dismiss: Any, dismissible: bool, ctx: RunContext, props: dict[str, Any]) -> None:
    """Check no dialog is open in this run, and register the dialog's dismiss event (a trigger widget)."""
    if _in_dialog(ctx):
        raise NbappAPIError(f"st.dialog({title!r}): dialogs may not be nested inside other dialogs. Close the "
                            "open dialog first (st.rerun()), then open this one.")
    if "dialog" in ctx.roots and ctx.roots["dialog"].children:
        raise NbappAPIError(f"st.dialog({title!r}): only one dialog can be open at a time. Call one "
                            "dialog function per run (open the next one after the first is closed).")
    props["opened"] = ctx.run_number  # a new opening shows the dialog again, even after the user closed it
    if not dismissible or on_dismiss == "ignore":
        return
    key = "$$ID-dialog-" + hashlib.md5(title.encode(), usedforsecurity=False).hexdigest()[:16]
    meta = WidgetMeta(id=key, kind="dialog", key=None, identity=key, default=False, deserialize=bool,
                      trigger=True, on_change=on_dismiss if callable(on_dismiss) else None, label=title)
    ctx.register_widget(meta)
    props["state_key"] = key


def _in_dialog(ctx: RunContext) -> bool:
    scope = ctx.fragments.get(ctx.scope) or ctx.app.fragments.get(ctx.scope)
    return scope is not None and scope.kind == "dialog_frame"


def _seconds(run_every: Any) -> float | None:
    """``run_every`` in seconds (None stays None); raises NbappAPIError naming a bad value."""
    if run_every is None:
        return None
    seconds: float | None = None
    if isinstance(run_every, timedelta):
        seconds = run_every.total_seconds()
    elif isinstance(run_every, (int, float)) and not isinstance(run_every, bool):
        seconds = float(run_every)
    elif isinstance(run_every, str):
        seconds = _parse_duration(run_every)
    if seconds is None or seconds <= 0:
        raise NbappAPIError(
            f"st.fragment(): run_every must be a positive number of seconds, a timedelta or a string such as "
            f"'2s' or '1m30s', got {describe(run_every)}.")
    return seconds


def _parse_duration(text: str) -> float | None:
    parts = _PART.findall(text.lower())
    if parts and "".join(f"{n}{u}" for n, u in parts) == re.sub(r"\s+", "", text.lower()):
        try:
            return sum(float(n) * _UNITS[u] for n, u in parts)
        except KeyError:
            pass
    try:
        return float(text)
    except ValueError:
        return None
