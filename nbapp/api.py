"""nbapp's Streamlit API: what ``import nbapp as st`` gives, loaded on first use.

``import nbapp`` alone loads nothing of it (the ``nbapp run`` server and JupyterLab's server
extension import nbapp's modules without the API); the first ``st.<name>`` imports this
module, which binds every name below on the package (see the end), so later lookups are
plain attributes of the package.

Every ``st.*`` element function writes to the current app run (inside ``with`` blocks,
to the innermost container). ``st.sidebar`` writes to the sidebar.
"""
from __future__ import annotations

import sys as _sys

import nbapp.column_config as column_config  # noqa: F401  (st.column_config.NumberColumn(...))
import nbapp.components as components  # noqa: F401  (st.components.v1.html)
import nbapp.runtime as runtime  # noqa: F401  (st.runtime.exists())
from nbapp.caching import cache, cache_data, cache_resource  # noqa: F401
import nbapp.components.v1  # noqa: F401,E402
from nbapp.delta_generator import DeltaGenerator
from nbapp.elements.registry import COMMANDS as _COMMANDS
from nbapp.names import missing  # noqa: F401  (as it always was: st.missing)
from nbapp.errors import DuplicateWidgetID, NbappAPIError, StreamlitAPIException  # noqa: F401
from nbapp.runtime.control import rerun, session_state, set_page_config, stop  # noqa: F401
from nbapp.fragments import dialog, fragment  # noqa: F401
from nbapp.runtime.page_context import context, query_params  # noqa: F401
from nbapp.secrets import secrets  # noqa: F401
from nbapp.auth import experimental_user, login, logout, user  # noqa: F401
import nbapp.typing as typing  # noqa: F401,E402  (st.typing, `from streamlit.typing import UploadedFile`)
from nbapp.config import get_option, set_option  # noqa: F401
from nbapp.navigation import Page, navigation, switch_page  # noqa: F401
from nbapp.navigation import pages_folder as _pages_folder  # noqa: F401
import nbapp.connections as connections  # noqa: F401
from nbapp.connections import connection_factory as connection  # noqa: F401

_main = DeltaGenerator(root="main")
sidebar = DeltaGenerator(root="sidebar")
bottom = DeltaGenerator(root="bottom")  # pinned to the bottom of a served app (where st.chat_input goes)

# Every command declared in nbapp/elements, bound to the main container (names and
# signatures from Streamlit): st.title, st.slider, st.columns...
globals().update({_name: getattr(_main, _name) for _name in _COMMANDS})


def load_ipython_extension(ipython) -> None:
    """``%load_ext nbapp``: register the ``%%app`` cell magic."""
    from nbapp.jupyter.magic import load_ipython_extension as load

    load(ipython)


# Bind the API on the package, once (this module is imported once): `st.write` is then a plain
# attribute of `nbapp`, with no per-lookup cost. Underscore names too: generated code calls
# `nbapp._pages_folder`.
vars(_sys.modules[__package__]).update({_name: _value for _name, _value in globals().items()
                                        if not _name.startswith("__") and _name != "_sys"})
