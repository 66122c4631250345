"""``streamlit.runtime.scriptrunner`` inside an app: the current run's context, and handing it to threads."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from nbapp.runtime.context import get_run_context, reset_run_context, set_run_context

if TYPE_CHECKING:
    from nbapp.runtime.runner import RunContext


def get_script_run_ctx(suppress_warning: bool = False) -> "RunContext | None":
    """Return the context of the app run executing in this thread (``.session_id``...), or None outside a run.

    Examples
    --------
    >>> ctx = get_script_run_ctx()
    >>> st.write(ctx.session_id)
    """
    return get_run_context()


def add_script_run_ctx(thread: Any = None, ctx: "RunContext | None" = None) -> Any:
    """Let ``thread`` (default: the current one) call ``st.*`` for the run ``ctx`` (default: this thread's run).

    Returns ``thread``. Call it before ``thread.start()``; elements the thread draws after the
    run ended are not shown.

    Examples
    --------
    >>> t = threading.Thread(target=work)
    >>> add_script_run_ctx(t)
    >>> t.start()
    """
    ctx = ctx if ctx is not None else get_run_context()
    thread = thread if thread is not None else threading.current_thread()
    if ctx is None:
        return thread
    if thread is threading.current_thread():
        set_run_context(ctx)
        return thread
    run = thread.run

    def run_in_context() -> None:
        token = set_run_context(ctx)
        try:
            run()
        finally:
            reset_run_context(token)

    thread.run = run_in_context
    return thread


__all__ = ["get_script_run_ctx", "add_script_run_ctx"]
