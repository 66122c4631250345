"""An app's source: compiled once per change, executed in a fresh namespace on every run.

Namespace rule: every run starts from a snapshot of the notebook's globals (or an
empty module namespace for a script), so the app can read notebook variables; what the
app assigns stays in the app and never leaks back into the notebook.
"""
from __future__ import annotations

import builtins
import importlib
import linecache
import os
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from types import CodeType
from typing import Any

import nbapp

_PACKAGE_DIR = os.path.dirname(os.path.abspath(nbapp.__file__))


def _import_alias(name, globals=None, locals=None, fromlist=(), level=0):
    """``__import__`` that resolves ``streamlit`` (and ``streamlit.x``) to nbapp inside an app."""
    if level == 0 and (name == "streamlit" or name.startswith("streamlit.")):
        target = "nbapp" + name[len("streamlit"):]
        try:
            module = importlib.import_module(target)
        except ImportError:
            raise ImportError(
                f"`import {name}`: nbapp has no counterpart of {name!r} yet "
                f"(inside an app, `streamlit` means nbapp)."
            ) from None
        return module if fromlist else importlib.import_module("nbapp")
    return builtins.__import__(name, globals, locals, fromlist, level)


_APP_BUILTINS = {**vars(builtins), "__import__": _import_alias}


@dataclass
class Source:
    """A compiled app. Raises SyntaxError from :meth:`compile` when the code is invalid."""

    text: str
    filename: str
    code: CodeType | None = None

    @classmethod
    def compile(cls, text: str, filename: str) -> "Source":
        """Compile ``text``; register it with linecache so tracebacks show its lines."""
        linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
        code = compile(text, filename, "exec", dont_inherit=True)
        return cls(text=text, filename=filename, code=code)

    def namespace(self, base: Mapping[str, Any] | None) -> dict[str, Any]:
        """Return a fresh namespace for one run: a snapshot of ``base`` plus module dunders."""
        ns = dict(base) if base is not None else {}
        ns["__name__"] = "__main__"
        ns["__file__"] = self.filename
        ns["__builtins__"] = _APP_BUILTINS
        return ns


def user_traceback(exc: BaseException) -> list[str]:
    """Return the formatted traceback of ``exc`` without nbapp's own frames."""
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__)
        if not os.path.abspath(f.filename).startswith(_PACKAGE_DIR + os.sep)
    ]
    lines = traceback.format_list(frames)
    if isinstance(exc, SyntaxError) and exc.lineno:
        lines += traceback.format_exception_only(type(exc), exc)[:-1]
    return lines

