"""The app's invisible link to its page (``nbapp/frontend/page_bridge.js``): page facts in, address bar out."""
from __future__ import annotations

import anywidget
import ipywidgets as w
import traitlets

from nbapp.elements.registry import Frontend


class PageBridge(anywidget.AnyWidget):
    """``page``: what the page reported (url, query, locale, timezone, theme, cookies...);
    ``query`` and ``path``: the app's query string and page path, put in a served page's address bar;
    ``drawn``: counts the runs drawn to the end (the page hears "nbapp-run-done", e.g. for chat_input)."""

    _esm, _css = Frontend("page_bridge.js").source()
    page = traitlets.Dict().tag(sync=True)
    query = traitlets.Unicode("").tag(sync=True)
    path = traitlets.Unicode("").tag(sync=True)
    drawn = traitlets.Int(0).tag(sync=True)


class DialogKeys(anywidget.AnyWidget):
    """Inside a dialog: Escape or a click on the backdrop adds one to ``dismissed`` (when ``enabled``)."""

    _esm, _css = Frontend("dialog_keys.js").source()
    enabled = traitlets.Bool(True).tag(sync=True)
    dismissed = traitlets.Int(0).tag(sync=True)


def theme_style(css: str) -> w.HTML:
    """Return an invisible widget carrying config.toml's theme CSS (see ``nbapp.config.theme_css``)."""
    widget = w.HTML(f"<style>{css}</style>" if css else "")
    widget.layout.display = "none"
    return widget
