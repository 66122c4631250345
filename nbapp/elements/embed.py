"""Small things Streamlit 1.67 has: badge, help, iframe (and ``components.v1`` html / iframe), skeleton."""
from __future__ import annotations

import inspect
import os
import sys
from typing import Any

from nbapp.elements.policies import check_choice, check_icon, check_str, fail, got, is_int
from nbapp.elements.registry import element

BADGE_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary")
# What a sandboxed frame may do: run its own scripts, but never reach the page around it
# (no allow-same-origin: it cannot read the app's cookies or DOM).
SANDBOX = "allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals"


@element(kind=False)
def badge(dg, label: str, *, icon: str | None = None, color: str = "blue", width: int | str = "content",
          help: str | None = None):
    """Display a small colored label; returns the element's handle.

    As in Streamlit it is a Markdown element whose body is ``:color-badge[icon label]``.
    Raises NbappAPIError for an unknown color, a bad icon or a label that is not a str.

    Examples
    --------
    >>> st.badge("New", icon="✨", color="green")
    """
    check_str("badge", "label", label, optional=False)
    check_choice("badge", "color", color, BADGE_COLORS)
    check_str("badge", "help", help)
    glyph = check_icon("badge", icon)
    text = label.replace("[", "\\[").replace("]", "\\]")
    return dg._enqueue("markdown", {"body": f":{color}-badge[{glyph + ' ' if glyph else ''}{text}]",
                                    "unsafe_allow_html": False, "help": help})


_NBAPP = object()  # st.help()'s default: the nbapp module itself (st.help(None) documents None)


@element(value="value")
def help(dg, obj: Any = _NBAPP, *, width: int | str = "stretch"):
    """Display an object's name, type, signature, docstring and public members; returns the handle.

    ``st.help()`` with no argument documents nbapp itself.

    Examples
    --------
    >>> st.help(pd.DataFrame)
    """
    return dg._enqueue("help", describe_object(sys.modules["nbapp"] if obj is _NBAPP else obj))


def describe_object(obj: Any) -> dict[str, Any]:
    """Return what ``st.help`` shows for ``obj``: name, type, module, signature, doc_string, value, members."""
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or ""
    try:
        signature = str(inspect.signature(obj)) if callable(obj) else ""
    except (TypeError, ValueError):
        signature = ""
    is_code = callable(obj) or inspect.ismodule(obj)
    members = []
    if inspect.isclass(obj) or inspect.ismodule(obj):
        for member in sorted(n for n in dir(obj) if not n.startswith("_"))[:200]:
            try:
                value = getattr(obj, member)
                doc = inspect.getdoc(value) if callable(value) else None
                shown = "" if callable(value) else _short(repr(value))
            except Exception:  # properties that raise on a class, lazy modules, a repr that reads secrets...
                continue
            members.append({"name": member, "type": type(value).__name__, "value": shown,
                            "doc_string": (doc or "").split("\n\n")[0]})
    return {"name": name if is_code else "", "type": type(obj).__name__, "module": getattr(obj, "__module__", "")
            if not inspect.ismodule(obj) else "", "signature": signature,
            "doc_string": _doc(obj),
            "value": name if is_code and name else _short(repr(obj)), "members": members}


def _doc(obj: Any) -> str:
    """The docstring st.help shows: the object's own, else (for an instance) its class's, as Streamlit."""
    try:
        return (inspect.getdoc(obj) or "").strip()
    except Exception:  # an object whose __doc__ lookup raises
        return ""


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


@element()  # no .value in AppTest, as in Streamlit
def iframe(dg, src: Any, *, width: int | str = "stretch", height: int | str = "content",
           tab_index: int | None = None, alt: str | None = None):
    """Embed a web page (a URL), a local HTML file (a path) or an HTML string in a sandboxed frame; returns the handle.

    HTML is sent as the frame's ``srcdoc``: its scripts run inside the frame only, never in
    the app's page. Raises NbappAPIError for a bad size or a ``src`` that is not a str or path.

    Examples
    --------
    >>> st.iframe("https://docs.streamlit.io", height=400)
    """
    props = frame_props("iframe", src, width, height, tab_index)
    props["alt"] = alt
    return dg._enqueue("iframe", props)


def frame_props(fn: str, src: Any, width: Any, height: Any, tab_index: Any, *, html: str | None = None,
                scrolling: bool = True) -> dict[str, Any]:
    """Return an iframe element's props: a ``src`` URL or an ``srcdoc`` document, its size, scrolling."""
    for arg, value in (("width", width), ("height", height)):
        if not (value is None or value in ("stretch", "content") or (is_int(value) and value >= 0)):
            raise fail(fn, None, f"{arg} must be a number of pixels, 'stretch' or 'content'; got {got(value)}.")
    if tab_index is not None and not is_int(tab_index):
        raise fail(fn, None, f"tab_index must be an int or None, got {got(tab_index)}.")
    url = srcdoc = None
    if html is not None:
        srcdoc = html
    elif isinstance(src, os.PathLike) or (isinstance(src, str) and not src.lstrip().startswith("<")
                                          and "://" not in src and os.path.isfile(src)):
        with open(src, encoding="utf-8") as f:
            srcdoc = f.read()
    elif isinstance(src, str) and src.lstrip().startswith("<"):
        srcdoc = src
    elif isinstance(src, str) and src:
        url = src
    else:
        raise fail(fn, None, f"src must be a URL, a path to an HTML file or an HTML string, got {got(src)}.")
    return {"src": url, "srcdoc": srcdoc, "width": width, "height": height, "tab_index": tab_index,
            "scrolling": bool(scrolling), "sandbox": SANDBOX}


@element()
def skeleton(dg, height: int | str | None = None, *, width: int | str = "stretch"):
    """Show a grey placeholder where content will appear; returns it: the next element written to it replaces it.

    Raises NbappAPIError for a height that is not a positive int (pixels), "stretch" or None.

    Examples
    --------
    >>> slot = st.skeleton(height=200)
    >>> slot.line_chart(load_data())
    """
    if not (height is None or height == "stretch" or (is_int(height) and height > 0)):
        raise fail("skeleton", None, f"height must be a positive int (pixels), 'stretch' or None, got {got(height)}.")
    slot = dg.empty()
    slot._enqueue("skeleton", {"height": height, "width": width})
    return slot
