"""An app's source: compiled once per change, executed in a fresh namespace on every run.

Namespace rule: every run starts from a snapshot of the notebook's globals (or an
empty module namespace for a script), so the app can read notebook variables; what the
app assigns stays in the app and never leaks back into the notebook.
"""
from __future__ import annotations

import builtins
import linecache
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from types import CodeType, TracebackType
from typing import Any

from nbapp.runtime import streamlit_alias
from nbapp.runtime.magic import add_magic
from nbapp.runtime.streamlit_alias import nbapp_name, unsupported
from nbapp.tree import Element


def _import_alias(name, globals=None, locals=None, fromlist=(), level=0):
    """``__import__`` that resolves ``streamlit`` (and ``streamlit.x``) to nbapp inside an app."""
    target = nbapp_name(name) if level == 0 else None
    if target is not None:
        try:
            # The real __import__ also imports the submodules a `from ... import` names.
            return builtins.__import__(target, globals, locals, fromlist, level)
        except ModuleNotFoundError as err:
            if not err.name or not (target + ".").startswith(err.name + "."):
                raise  # a module nbapp itself needs is missing: not an alias problem
            raise unsupported(name) from None
    return builtins.__import__(name, globals, locals, fromlist, level)


_APP_BUILTINS = {**vars(builtins), "__import__": _import_alias}
streamlit_alias.install()  # and for the modules an app imports (a multi-file app's helpers)


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
        code = compile(add_magic(text, filename), filename, "exec", dont_inherit=True)
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
    lines = traceback.format_list(traceback.extract_tb(_without_nbapp_frames(exc.__traceback__)))
    if isinstance(exc, SyntaxError) and exc.lineno:
        lines += traceback.format_exception_only(type(exc), exc)[:-1]
    return lines


def _without_nbapp_frames(tb: TracebackType | None) -> TracebackType | None:
    """Return a copy of the traceback chain ``tb`` without the frames of nbapp's modules.

    Judged by the frame's module, not its file: a script that lives in nbapp's folder (the
    gallery) runs as ``__main__`` and keeps its frames. The copy keeps each frame's last
    instruction, so the lines still show where in the line the error is.
    """
    kept = []
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__") or ""
        if module != "nbapp" and not module.startswith("nbapp."):
            kept.append(tb)
        tb = tb.tb_next
    chain = None
    for entry in reversed(kept):
        chain = TracebackType(chain, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return chain


def exception_element(exc: BaseException) -> Element:
    """Return the element that shows ``exc``: type, message and the user's own frames."""
    return Element("exception", {"type": type(exc).__name__, "message": str(exc), "traceback": user_traceback(exc)})
