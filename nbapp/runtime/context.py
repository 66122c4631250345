"""The current run: a contextvar that tells element calls which app run they belong to."""
from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING

from nbapp.errors import NoRunContextError

if TYPE_CHECKING:
    from nbapp.runtime.runner import RunContext

_current: contextvars.ContextVar["RunContext | None"] = contextvars.ContextVar(
    "nbapp_run_context", default=None
)


def get_run_context() -> "RunContext | None":
    """Return the RunContext of the app run executing in this thread, or None outside a run."""
    return _current.get()


def require_run_context(fn: str) -> "RunContext":
    """Return the current RunContext; raise NoRunContextError naming ``st.fn`` outside an app run."""
    ctx = _current.get()
    if ctx is None:
        raise NoRunContextError(
            f"st.{fn} is only available inside an app run: put it in an %%app cell (after %load_ext nbapp), "
            f"serve the script with `nbapp run`, or test it with nbapp.testing.AppTest."
        )
    return ctx


def set_run_context(ctx: "RunContext | None") -> contextvars.Token:
    """Make ``ctx`` the current run context; returns a token for :func:`reset_run_context`."""
    return _current.set(ctx)


def reset_run_context(token: contextvars.Token) -> None:
    """Restore the run context that was current before :func:`set_run_context`."""
    _current.reset(token)
