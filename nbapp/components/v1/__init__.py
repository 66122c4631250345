"""``import streamlit.components.v1 as components`` inside an app resolves here.

``html`` and ``iframe`` draw a sandboxed frame (scripts run inside it, never in the app's
page); custom components (``declare_component``) are not supported yet.
"""
from __future__ import annotations

from typing import Any

from nbapp.delta_generator import DeltaGenerator
from nbapp.elements.embed import frame_props
from nbapp.errors import NbappAPIError

_main = DeltaGenerator(root="main")


def html(html: str, width: int | None = None, height: int | None = None, scrolling: bool = False, *,
         tab_index: int | None = None) -> DeltaGenerator:
    """Display ``html`` (scripts included) in a sandboxed iframe; returns the element's handle.

    ``height`` defaults to 150 pixels as in Streamlit. Raises NbappAPIError when ``html``
    is not a str or a size is not a number of pixels.

    Examples
    --------
    >>> components.html("<script>document.body.innerText = 1 + 1</script>", height=40)
    """
    if not isinstance(html, str):
        raise NbappAPIError(f"components.html(): html must be a str, got {type(html).__name__}.")
    props = frame_props("components.v1.html", None, width, 150 if height is None else height, tab_index,
                        html=html, scrolling=scrolling)
    return _main._enqueue("iframe", props)


def iframe(src: str, width: int | None = None, height: int | None = None, scrolling: bool = False, *,
           tab_index: int | None = None) -> DeltaGenerator:
    """Display the page at ``src`` in an iframe; returns the element's handle.

    Raises NbappAPIError for a ``src`` that is not a URL string or a bad size.

    Examples
    --------
    >>> components.iframe("https://example.com", height=600, scrolling=True)
    """
    if not isinstance(src, str) or not src:
        raise NbappAPIError(f"components.iframe(): src must be a URL string, got {src!r}.")
    props = frame_props("components.v1.iframe", src, width, 150 if height is None else height, tab_index,
                        scrolling=scrolling)
    return _main._enqueue("iframe", props)


def declare_component(name: str, path: str | None = None, url: str | None = None, **kwargs: Any):
    """Not supported yet: raises NbappAPIError naming the component."""
    raise _unsupported(name)


class CustomComponent:
    """The type ``declare_component`` returns in Streamlit; not supported yet: making one raises NbappAPIError."""

    def __init__(self, name: str, path: str | None = None, url: str | None = None, **kwargs: Any):
        raise _unsupported(name)


def _unsupported(name: str) -> NbappAPIError:
    return NbappAPIError(f"components.declare_component({name!r}): custom Streamlit components are not supported "
                         "by nbapp yet. Use components.html() for HTML with scripts, or an anywidget.")
