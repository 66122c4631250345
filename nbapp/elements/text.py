"""Text elements: title, header, subheader, markdown, caption, code, latex, text, divider, html, echo."""
from __future__ import annotations

import contextlib
import linecache
import os
import re
import sys
import textwrap
from typing import Any

from nbapp.elements.deprecation import deprecation_warning
from nbapp.elements.policies import check_str
from nbapp.elements.registry import element
from nbapp.errors import NbappAPIError, describe

DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow")


def clean_text(body: Any) -> str:
    """Return ``str(body)`` dedented and stripped (so indented triple-quoted strings read well)."""
    if hasattr(body, "_repr_latex_") and type(body).__module__.startswith("sympy"):
        return str(body._repr_latex_()).strip("$").strip()
    return textwrap.dedent(str(body)).strip()






def _heading(fn: str, body: Any, anchor: Any, help: Any, divider: Any = False) -> dict[str, Any]:
    text = clean_text(body)
    if anchor is True or not (anchor is None or anchor is False or isinstance(anchor, str)):
        raise NbappAPIError(f"st.{fn}(): anchor must be a string, False (no anchor) or None (derived from the text); "
                            f"got {describe(anchor)}.")
    check_str(fn, "help", help)
    if not (divider is True or divider is False or divider in DIVIDER_COLORS):
        raise NbappAPIError(f"st.{fn}(): divider must be True, False or one of {', '.join(DIVIDER_COLORS)}; "
                            f"got {describe(divider)}.")
    if anchor is None:
        anchor = re.sub(r"[^\w\- ]", "", text.lower()).strip().replace(" ", "-") or False
    return {"body": text, "anchor": anchor, "help": help, "divider": divider}


def _markdown(fn: str, body: Any, unsafe_allow_html: Any, help: Any) -> dict[str, Any]:
    check_str(fn, "help", help)
    return {"body": clean_text(body), "unsafe_allow_html": bool(unsafe_allow_html), "help": help}


@element(value="body")
def title(dg, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
          icon: str | None = None, width: int | str = "stretch", text_alignment: str = "left",
          wrap: bool = True):
    """Display text in title formatting (an ``<h1>``); returns the element's handle.

    ``anchor`` names the heading's link target (derived from the text when None,
    none when False). Raises NbappAPIError for an anchor or help of the wrong type.

    Examples
    --------
    >>> st.title("This is a title :sunglasses:")
    """
    return dg._enqueue("title", _heading("title", body, anchor, help))


@element(value="body")
def header(dg, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
           divider: bool | str = False, icon: str | None = None, width: int | str = "stretch",
           text_alignment: str = "left", wrap: bool = True):
    """Display text in header formatting (``<h2>``); returns the element's handle.

    ``divider`` draws a colored rule below (True: rainbow, or a color name).
    Raises NbappAPIError for an unknown divider color.
    """
    return dg._enqueue("header", _heading("header", body, anchor, help, divider))


@element(value="body")
def subheader(dg, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
              divider: bool | str = False, icon: str | None = None, width: int | str = "stretch",
              text_alignment: str = "left", wrap: bool = True):
    """Display text in subheader formatting (``<h3>``), optionally with a colored divider below."""
    return dg._enqueue("subheader", _heading("subheader", body, anchor, help, divider))


@element(value="body")
def markdown(dg, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
             width: int | str = "auto", text_alignment: str = "left", anchors: bool = True, wrap: bool = True):
    """Display GitHub-flavoured Markdown; returns the element's handle.

    Also understands ``:red[colored text]``, ``:blue-background[highlights]``, emoji
    shortcodes (``:rocket:``) and ``$math$`` / ``$$display math$$``. Raw HTML is shown
    as text unless ``unsafe_allow_html``.

    Examples
    --------
    >>> st.markdown("Streamlit is **_really_ cool** :+1: and :red[red]")
    """
    return dg._enqueue("markdown", _markdown("markdown", body, unsafe_allow_html, help))


@element(value="body")
def caption(dg, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None,
            width: int | str = "stretch", text_alignment: str = "left", wrap: bool = True):
    """Display small, muted Markdown text (captions, asides, footnotes); returns the handle."""
    return dg._enqueue("caption", _markdown("caption", body, unsafe_allow_html, help))


@element(value="body")
def code(dg, body: Any, language: str | None = "python", *, line_numbers: bool = False,
         wrap_lines: bool = False, height: int | str | None = "content", width: int | str = "stretch"):
    """Display a code block with syntax highlighting and a copy-friendly monospace font.

    ``language=None`` shows plain text; an unknown language falls back to plain text.
    Returns the element's handle; raises NbappAPIError when language is not a string.
    """
    check_str("code", "language", language)
    return dg._enqueue("code", {"body": clean_text(body), "language": language,
                                  "line_numbers": bool(line_numbers), "wrap_lines": bool(wrap_lines)})


@element(value="markdown")
def latex(dg, body: Any, *, help: str | None = None, width: int | str = "stretch"):
    """Display a LaTeX formula (a string without ``$``, or a sympy expression); returns the handle.

    Examples
    --------
    >>> st.latex(r"a + ar + a r^2 = \\sum_{k=0}^{n-1} ar^k")
    """
    check_str("latex", "help", help)
    text = clean_text(body)
    # AppTest's .value: the Markdown Streamlit sends for it ("$$\n...\n$$").
    return dg._enqueue("latex", {"body": text, "help": help, "markdown": f"$$\n{text}\n$$"})


@element(value="body")
def text(dg, body: Any, *, help: str | None = None, width: int | str = "content",
         text_alignment: str = "left", wrap: bool = True):
    """Display fixed-width, preformatted text, exactly as given (no Markdown); returns the handle."""
    check_str("text", "help", help)
    return dg._enqueue("text", {"body": clean_text(body), "help": help})


@element(value="markdown")
def divider(dg, *, width: int | str = "stretch"):
    """Display a horizontal rule; returns the element's handle (AppTest's value is "---", as in Streamlit)."""
    return dg._enqueue("divider", {"markdown": "---"})


@element(value="body")
def html(dg, body: Any, *, width: int | str = "stretch", unsafe_allow_javascript: bool = False):
    """Display raw HTML (not sanitized; scripts do not run); returns the element's handle.

    ``body`` may also be a ``pathlib.Path`` of an HTML (or CSS) file, or any object with
    ``_repr_html_``. As in Streamlit 1.67 a *string* naming a file is shown as text, with a
    warning to pass a Path. Raises NbappAPIError for empty HTML.
    """
    if hasattr(body, "_repr_html_"):
        body = body._repr_html_()
    elif isinstance(body, os.PathLike):
        with open(body, encoding="utf-8") as f:
            text = f.read()
        body = f"<style>{text}</style>" if os.fspath(body).lower().endswith(".css") else text
    elif isinstance(body, str) and "<" not in body and "\n" not in body and os.path.isfile(body):
        deprecation_warning(dg, "Passing a local file path as a string to `st.html` is no longer supported. "
                                "To load a local file, pass a `pathlib.Path` object instead.")
    body = clean_text(body)
    if body == "":
        raise NbappAPIError("st.html(): body must not be empty: give the HTML to show.")
    return dg._enqueue("html", {"body": body})


@element(kind=False)
@contextlib.contextmanager
def echo(dg, code_location: str = "above"):
    """Use in a ``with`` block to show the block's code, then run it.

    Raises NbappAPIError when ``code_location`` is not "above" or "below".

    Examples
    --------
    >>> with st.echo():
    ...     st.write("This code will be printed")
    """
    if code_location not in ("above", "below"):
        raise NbappAPIError(f'st.echo(): code_location must be "above" or "below"; got {describe(code_location)}.')
    frame = sys._getframe(2)  # the user's frame (past contextmanager's __enter__)
    code = _with_block_source(frame.f_code.co_filename, frame.f_lineno)
    if code_location == "above":
        dg.code(code, "python")
    yield
    if code_location == "below":
        dg.code(code, "python")


def _with_block_source(filename: str, lineno: int) -> str:
    """Return the body of the ``with`` statement on ``lineno`` of ``filename``, dedented."""
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
