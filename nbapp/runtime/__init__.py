"""Running an app: source, run loop, session state, coalesced rerun requests, control flow.

Inside an app, ``streamlit.runtime`` resolves here: :func:`exists` says whether code runs
inside an app run (Streamlit scripts check it before calling ``st.*``).
"""
from __future__ import annotations

from nbapp.runtime.context import get_run_context


def exists() -> bool:
    """Return True inside an app run (a ``%%app`` cell, ``nbapp run``, AppTest), else False.

    Examples
    --------
    >>> from streamlit import runtime
    >>> if runtime.exists():
    ...     st.write("running as an app")
    """
    return get_run_context() is not None
