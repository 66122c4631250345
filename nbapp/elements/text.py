"""Text elements: title, header, subheader, markdown, caption, code, latex, text, divider, html, echo."""
from __future__ import annotations

import contextlib
import linecache
import os
import re
import sys
import textwrap
from typing import Any

import emoji

from nbapp.errors import NbappAPIError, describe

DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow")
_SHORTCODE_RE = re.compile(r"^:[a-z0-9_+\-]+:$")


def clean_text(body: Any) -> str:
    """Return ``str(body)`` dedented and stripped (so indented triple-quoted strings read well)."""
    if hasattr(body, "_repr_latex_") and type(body).__module__.startswith("sympy"):
        return str(body._repr_latex_()).strip("$").strip()
    return textwrap.dedent(str(body)).strip()


def check_str(fn: str, arg: str, value: Any, optional: bool = True) -> None:
    """Raise NbappAPIError unless ``value`` is a str (or None when ``optional``)."""
    if value is None and optional:
        return
    if not isinstance(value, str):
        from nbapp.container import check_type

        check_type(fn, arg, value, str)


def check_icon(fn: str, icon: Any) -> str | None:
    """Return ``icon`` as one emoji (shortcodes like ``:rocket:`` are converted) or ``:material/name:``.

    Raises NbappAPIError naming ``st.fn`` for anything else.
    """
    if icon is None or (isinstance(icon, str) and icon.startswith(":material/") and icon.endswith(":")):
        return icon
    if isinstance(icon, str):
        glyph = emoji.emojize(icon, language="alias") if _SHORTCODE_RE.match(icon) else icon
        if emoji.purely_emoji(glyph) and len(emoji.emoji_list(glyph)) == 1:
            return glyph
    raise NbappAPIError(
        f"st.{fn}(): icon must be a single emoji (e.g. '🚨' or ':rotating_light:') or ':material/name:', "
        f"got {describe(icon)}."
    )


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


class TextMixin:
    """Text elements. Every call returns a handle; calling an element on it replaces the element."""

    def title(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None):
        """Display text in title formatting (an ``<h1>``); returns the element's handle.

        ``anchor`` names the heading's link target (derived from the text when None,
        none when False). Raises NbappAPIError for an anchor or help of the wrong type.

        Examples
        --------
        >>> st.title("This is a title :sunglasses:")
        """
        return self._enqueue("title", _heading("title", body, anchor, help))

    def header(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
               divider: bool | str = False):
        """Display text in header formatting (``<h2>``); returns the element's handle.

        ``divider`` draws a colored rule below (True: rainbow, or a color name).
        Raises NbappAPIError for an unknown divider color.
        """
        return self._enqueue("header", _heading("header", body, anchor, help, divider))

    def subheader(self, body: Any, anchor: str | bool | None = None, *, help: str | None = None,
                  divider: bool | str = False):
        """Display text in subheader formatting (``<h3>``), optionally with a colored divider below."""
        return self._enqueue("subheader", _heading("subheader", body, anchor, help, divider))

    def markdown(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None):
        """Display GitHub-flavoured Markdown; returns the element's handle.

        Also understands ``:red[colored text]``, ``:blue-background[highlights]``, emoji
        shortcodes (``:rocket:``) and ``$math$`` / ``$$display math$$``. Raw HTML is shown
        as text unless ``unsafe_allow_html``.

        Examples
        --------
        >>> st.markdown("Streamlit is **_really_ cool** :+1: and :red[red]")
        """
        return self._enqueue("markdown", _markdown("markdown", body, unsafe_allow_html, help))

    def caption(self, body: Any, unsafe_allow_html: bool = False, *, help: str | None = None):
        """Display small, muted Markdown text (captions, asides, footnotes); returns the handle."""
        return self._enqueue("caption", _markdown("caption", body, unsafe_allow_html, help))

    def code(self, body: Any, language: str | None = "python", *, line_numbers: bool = False,
             wrap_lines: bool = False):
        """Display a code block with syntax highlighting and a copy-friendly monospace font.

        ``language=None`` shows plain text; an unknown language falls back to plain text.
        Returns the element's handle; raises NbappAPIError when language is not a string.
        """
        check_str("code", "language", language)
        return self._enqueue("code", {"body": clean_text(body), "language": language,
                                      "line_numbers": bool(line_numbers), "wrap_lines": bool(wrap_lines)})

    def latex(self, body: Any, *, help: str | None = None):
        """Display a LaTeX formula (a string without ``$``, or a sympy expression); returns the handle.

        Examples
        --------
        >>> st.latex(r"a + ar + a r^2 = \\sum_{k=0}^{n-1} ar^k")
        """
        check_str("latex", "help", help)
        return self._enqueue("latex", {"body": clean_text(body), "help": help})

    def text(self, body: Any, *, help: str | None = None):
        """Display fixed-width, preformatted text, exactly as given (no Markdown); returns the handle."""
        check_str("text", "help", help)
        return self._enqueue("text", {"body": clean_text(body), "help": help})

    def divider(self):
        """Display a horizontal rule; returns the element's handle."""
        return self._enqueue("divider", {})

    def html(self, body: Any):
        """Display raw HTML (not sanitized; scripts do not run); returns the element's handle.

        ``body`` may also be the path of an HTML file, or any object with ``_repr_html_``.
        """
        if hasattr(body, "_repr_html_"):
            body = body._repr_html_()
        elif isinstance(body, os.PathLike) or (isinstance(body, str) and "<" not in body and "\n" not in body
                                               and os.path.isfile(body)):
            with open(body, encoding="utf-8") as f:
                body = f.read()
        return self._enqueue("html", {"body": clean_text(body)})

    @contextlib.contextmanager
    def echo(self, code_location: str = "above"):
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
            self.code(code, "python")
        yield
        if code_location == "below":
            self.code(code, "python")


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
