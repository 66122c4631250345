"""Text elements: title, header, subheader, markdown, caption, code, latex, text, divider, html, echo."""
from __future__ import annotations

import contextlib
import linecache
import sys
import textwrap
from typing import Any

from nbapp.errors import NbappAPIError, describe


def _body(fn: str, body: Any) -> str:
    if isinstance(body, str):
        return body
    if fn == "latex" and hasattr(body, "_repr_latex_"):  # sympy expressions
        return str(body._repr_latex_()).strip("$")
    if body is None:
        raise NbappAPIError(f"st.{fn}(): body must be a string, got None.")
    return str(body)


def _divider(fn: str, divider: bool | str) -> bool | str:
    colors = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow")
    if divider in (True, False) or divider in colors:
        return divider
    raise NbappAPIError(f"st.{fn}(): divider must be a bool or one of {', '.join(colors)}; got {describe(divider)}.")


class TextMixin:
    """Text elements. Every call returns a handle; calling an element on it replaces the element."""

    def title(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None):
        """Display text in title formatting (an ``<h1>``); returns the element's handle.

        Examples
        --------
        >>> st.title("This is a title")
        """
        return self._enqueue("title", {"body": _body("title", body), "anchor": anchor, "help": help})

    def header(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False):
        """Display text in header formatting (``<h2>``), optionally with a colored divider below."""
        return self._enqueue("header", {"body": _body("header", body), "anchor": anchor, "help": help,
                                        "divider": _divider("header", divider)})

    def subheader(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False):
        """Display text in subheader formatting (``<h3>``), optionally with a colored divider below."""
        return self._enqueue("subheader", {"body": _body("subheader", body), "anchor": anchor, "help": help,
                                           "divider": _divider("subheader", divider)})

    def markdown(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None):
        """Display GitHub-flavoured Markdown, with ``:color[text]``, emoji shortcodes and ``$math$``."""
        return self._enqueue("markdown", {"body": _body("markdown", body), "unsafe_allow_html": bool(unsafe_allow_html),
                                          "help": help})

    def caption(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None):
        """Display small, muted Markdown text: for captions, asides, footnotes."""
        return self._enqueue("caption", {"body": _body("caption", body), "unsafe_allow_html": bool(unsafe_allow_html),
                                         "help": help})

    def code(self, body: Any, language: str | None = "python", *, line_numbers: bool = False, wrap_lines: bool = False):
        """Display a code block with syntax highlighting (``language=None`` for plain text)."""
        return self._enqueue("code", {"body": _body("code", body), "language": language,
                                      "line_numbers": bool(line_numbers), "wrap_lines": bool(wrap_lines)})

    def latex(self, body: Any, *, help: str | None = None):
        """Display a LaTeX formula (a string without ``$``, or a sympy expression)."""
        return self._enqueue("latex", {"body": _body("latex", body), "help": help})

    def text(self, body: Any, *, help: str | None = None):
        """Display fixed-width, preformatted text, exactly as given."""
        return self._enqueue("text", {"body": _body("text", body), "help": help})

    def divider(self):
        """Display a horizontal rule."""
        return self._enqueue("divider", {})

    def html(self, body: Any):
        """Display raw HTML (not sanitized; scripts do not run). Objects with ``_repr_html_`` work."""
        if hasattr(body, "_repr_html_"):
            body = body._repr_html_()
        return self._enqueue("html", {"body": _body("html", body)})

    @contextlib.contextmanager
    def echo(self, code_location: str = "above"):
        """Use in a ``with`` block to show the block's code and then run it.

        Raises NbappAPIError when ``code_location`` is not "above" or "below".
        """
        if code_location not in ("above", "below"):
            raise NbappAPIError(f'st.echo(): code_location must be "above" or "below"; got {describe(code_location)}.')
        frame = sys._getframe(2)  # the user's frame (past contextmanager's __enter__)
        code = _with_block_source(frame.f_code.co_filename, frame.f_lineno)
        if code_location == "above":
            self.code(code, "python")
            yield
        else:
            placeholder = self.empty()
            yield
            placeholder.code(code, "python")


def _with_block_source(filename: str, lineno: int) -> str:
    lines = linecache.getlines(filename)
    if not lines or lineno > len(lines):
        return ""
    head = lines[lineno - 1]
    indent = len(head) - len(head.lstrip())
    body = []
    for line in lines[lineno:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    return textwrap.dedent("".join(body)).strip("\n")
