"""st.jupyter_widget in the browser: the app's own widget inside a box that nbapp never closes it with."""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.registry import Adapter, adapter, classed


class Borrowed(w.Box):
    """Holds a widget the app owns: closing the holder leaves the widget open (see ``_close_widget``)."""

    _nbapp_borrowed_children = True

    def close(self):
        observer = getattr(self, "_nbapp_observer", None)
        if observer is not None:
            observer[0].unobserve(observer[1], observer[2])
            self._nbapp_observer = None
        super().close()


@adapter("jupyter_widget")
class JupyterWidget(Adapter):
    """The user's widget, unchanged; a change of the watched trait made in the browser becomes app input."""

    def create(self, props, emit):
        holder = classed(Borrowed(children=(props["widget"],)), "nbapp-element", "nbapp-jupyter-widget")
        trait = props.get("trait")
        if trait is not None:
            widget = props["widget"]

            def changed(change):
                # Only the front end's updates: ipywidgets holds a property lock while it applies
                # them. Changes the app script makes itself must not rerun it again.
                if change["name"] in getattr(widget, "_property_lock", {}):
                    emit(change["new"])

            widget.observe(changed, trait)
            holder._nbapp_observer = (widget, changed, trait)
        return holder

    def update(self, widget, props, old):
        return props["widget"] is old.get("widget") and props.get("trait") == old.get("trait")
