"""The "app_header" root: st.logo's place, at the top of the sidebar when the app has one, else the app's top-left (header.css)."""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.registry import BlockAdapter, adapter, classed


@adapter("app_header")
class Header(BlockAdapter):
    """Holds the app's logo; placed over the layout by CSS, so the order of the roots does not matter."""

    def create(self, props, emit):
        return classed(w.VBox(), "nbapp-app-header")
