"""``streamlit.runtime.scriptrunner_utils.script_run_context``: the run context, as in ``streamlit.runtime.scriptrunner``."""
from __future__ import annotations

from nbapp.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

__all__ = ["add_script_run_ctx", "get_script_run_ctx"]
