"""nbapp: Streamlit's programming model in Jupyter. ``import nbapp as st``.

The API (``st.write``, ``st.slider``, ``st.sidebar``...) lives in :mod:`nbapp.api`. It loads on
the first ``st.<name>``, ``from nbapp import <name>`` or ``dir(st)`` (PEP 562) and binds itself
here, so later lookups are plain attributes. ``import nbapp`` alone costs almost nothing:
processes that only use nbapp's other modules (the ``nbapp run`` server, JupyterLab's server
extension) never load the API with its element modules, numpy and joblib.
"""
from __future__ import annotations

import importlib as _importlib
import sys as _sys
import types as _types

from nbapp.names import STREAMLIT_NAMES as _STREAMLIT_NAMES
from nbapp.names import missing as _missing

__version__ = "0.1.0"

# Submodules whose names the API gives to something else (`st.navigation` is the function,
# `st.secrets` the Secrets object): importing `nbapp.secrets` must not bind the module here.
_API_OVER_SUBMODULES = frozenset({"navigation", "secrets"})


def __getattr__(name: str):
    """``st.<name>`` not bound yet: load the API; raises NotSupportedError for a Streamlit name nbapp lacks.

    A name that is not Streamlit's may be one of nbapp's modules (``from nbapp import config``):
    that imports the module alone, so importing one of nbapp's modules never loads the API.
    """
    if name.startswith("__"):  # __path__, __wrapped__... probes; `import *` reads __all__
        if name == "__all__":
            _load_api()  # then, with no __all__, `import *` takes every public name, as it always did
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name not in _STREAMLIT_NAMES:
        try:
            return _importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.{name}":
                raise
    _load_api()
    try:
        return globals()[name]
    except KeyError:
        raise _missing(__name__, name) from None


def __dir__() -> list[str]:
    """Every name of the package, the API's included (loads it)."""
    _load_api()
    return sorted(globals())


def _load_api() -> None:
    import nbapp.api  # noqa: F401  (binds the API here on its first import; then a dictionary lookup)


class _Package(_types.ModuleType):
    """The package's type until the API is loaded: keeps the import system from binding an
    :data:`_API_OVER_SUBMODULES` module here (the API binds those names, in the package's __dict__)."""

    def __setattr__(self, name: str, value) -> None:
        if name in _API_OVER_SUBMODULES and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)
        if name == "api":  # the import system binds nbapp.api once it has run: the API is bound here
            self.__class__ = _types.ModuleType  # a plain module again, as it always was (st.help(st) says 'module')


_sys.modules[__name__].__class__ = _Package
