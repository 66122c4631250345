"""``import streamlit`` in a module an app imports (a multi-file app's ``utils.py``) resolves to nbapp.

The app's own code gets nbapp through its ``__import__`` (see ``nbapp.runtime.source``); a
module it imports runs with the real builtins, so this import hook covers those: while an app
run is executing in this thread, ``streamlit`` and ``streamlit.x`` load as ``nbapp`` and
``nbapp.x``, whether or not Streamlit is installed. Outside a run the hook steps aside, so a
notebook's own ``import streamlit`` finds the real package (unless a run already bound the name).
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from types import ModuleType

from nbapp.runtime.context import get_run_context


def nbapp_name(name: str) -> str | None:
    """Return the nbapp module ``streamlit`` / ``streamlit.x`` stands for ("nbapp.x"), else None."""
    if name == "streamlit" or name.startswith("streamlit."):
        return "nbapp" + name[len("streamlit"):]
    return None


def unsupported(name: str) -> ImportError:
    """Return the ImportError for a ``streamlit.x`` module nbapp does not provide."""
    return ImportError(f"`import {name}`: {name} is not supported by nbapp yet "
                       f"(inside an app, `streamlit` means nbapp).")


class _AliasLoader(importlib.abc.Loader):
    """Loads ``streamlit.x`` as the already-importable ``nbapp.x`` module itself (one module, two names)."""

    def __init__(self, target: str):
        self.target = target
        self.spec = None

    def create_module(self, spec):
        module = importlib.import_module(self.target)
        self.spec = module.__spec__  # importlib overwrites __spec__ next: put nbapp's back in exec_module
        return module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self.spec


class StreamlitAlias(importlib.abc.MetaPathFinder):
    """A ``sys.meta_path`` finder: ``streamlit[.x]`` -> ``nbapp[.x]`` during an app run, else no opinion."""

    def find_spec(self, fullname, path=None, target=None):
        """Return a spec loading the nbapp module, or None outside a run, for other names, or for a
        ``streamlit.x`` nbapp does not have (so ``importlib.util.find_spec`` probes say "absent" and
        an import raises ModuleNotFoundError; the app's own imports get a clearer message).
        """
        alias = nbapp_name(fullname)
        if alias is None or get_run_context() is None:
            return None
        try:
            found = importlib.util.find_spec(alias)
        except ModuleNotFoundError:
            found = None
        return None if found is None else importlib.util.spec_from_loader(fullname, _AliasLoader(alias))


def install() -> None:
    """Put the alias finder first on ``sys.meta_path`` (once per process)."""
    if not any(isinstance(finder, StreamlitAlias) for finder in sys.meta_path):
        sys.meta_path.insert(0, StreamlitAlias())
