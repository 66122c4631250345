"""nbapp: Streamlit's programming model in Jupyter. ``import nbapp as st``.

Every ``st.*`` element function writes to the current app run (inside ``with`` blocks,
to the innermost container). ``st.sidebar`` writes to the sidebar.
"""
from __future__ import annotations

__version__ = "0.1.0"

from nbapp import column_config  # noqa: F401  (st.column_config.NumberColumn(...), import streamlit.column_config)
from nbapp import components, runtime  # noqa: F401  (st.components.v1.html, st.runtime.exists())
from nbapp.caching import cache, cache_data, cache_resource  # noqa: F401
import nbapp.components.v1  # noqa: F401,E402
from nbapp.delta_generator import DeltaGenerator
from nbapp.elements.registry import COMMANDS as _COMMANDS
from nbapp.names import missing
from nbapp.errors import DuplicateWidgetID, NbappAPIError, StreamlitAPIException  # noqa: F401
from nbapp.runtime.control import rerun, session_state, set_page_config, stop  # noqa: F401
from nbapp.fragments import dialog, fragment  # noqa: F401
from nbapp.runtime.page_context import context, query_params  # noqa: F401
from nbapp.secrets import secrets  # noqa: F401
from nbapp.auth import experimental_user, login, logout, user  # noqa: F401
from nbapp import typing  # noqa: F401,E402  (st.typing, `from streamlit.typing import UploadedFile`)
from nbapp.config import get_option, set_option  # noqa: F401
from nbapp.navigation import Page, navigation, switch_page  # noqa: F401
from nbapp.navigation import pages_folder as _pages_folder  # noqa: F401
from nbapp import connections  # noqa: F401
from nbapp.connections import connection_factory as connection  # noqa: F401

_main = DeltaGenerator(root="main")
sidebar = DeltaGenerator(root="sidebar")
bottom = DeltaGenerator(root="bottom")  # pinned to the bottom of a served app (where st.chat_input goes)

# Every command declared in nbapp/elements, bound to the main container (names and
# signatures from Streamlit): st.title, st.slider, st.columns...
globals().update({_name: getattr(_main, _name) for _name in _COMMANDS})


def __getattr__(name: str):
    """``st.<name>`` that nbapp lacks: a Streamlit name raises NotSupportedError naming it."""
    if name.startswith("__"):
        raise AttributeError(name)
    raise missing(__name__, name)


def load_ipython_extension(ipython) -> None:
    """``%load_ext nbapp``: register the ``%%app`` cell magic."""
    from nbapp.jupyter.magic import load_ipython_extension as load

    load(ipython)
